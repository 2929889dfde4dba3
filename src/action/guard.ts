import type { LoadedConfig } from '../config/config.js';
import type { Policy } from '../contract/types.js';
import type { CheckResult } from '../detect/types.js';
import type { Registry } from '../registry/registry.js';

/** The change guard's entry point (`runCheck` of src/detect/check.ts), passed in by the entry. */
export type RunCheck = (options: {
  cwd: string;
  loaded: LoadedConfig;
  source: { kind: 'range'; base: string; head?: string };
  registry?: Registry;
  policy?: Policy;
  repo?: string;
}) => Promise<CheckResult>;
