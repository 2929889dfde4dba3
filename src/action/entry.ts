/** The GitHub Action's entry (bundled into action/dist/index.js). */
import { runCheck } from '../detect/check.js';
import { runAction } from './run.js';
import { preloadYaml } from '../util/yaml-lazy.js';

// Loaded before anything parses YAML: the bundle's require cannot find packages on disk.
await preloadYaml();

process.exitCode = await runAction({
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  runCheck,
});
