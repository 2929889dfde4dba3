/** The GitHub Action's entry (bundled into action/dist/index.js). */
import { runCheck } from '../detect/check.js';
import { runAction } from './run.js';

process.exitCode = await runAction({
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  runCheck,
});
