import type { LoadedConfig } from '../config/config.js';
import type { PolicySetting } from '../contract/types.js';
import { report } from '../detect/messages.js';
import type { CheckResult, Finding } from '../detect/types.js';
import type { Registry } from '../registry/registry.js';

/** The change guard's entry point (`runCheck` of src/detect/check.ts), passed in by the entry. */
export type RunCheck = (options: {
  cwd: string;
  loaded: LoadedConfig;
  source: { kind: 'range'; base: string; head?: string };
  registry?: Registry;
  policy?: PolicySetting;
  repo?: string;
}) => Promise<CheckResult>;

/** Which commit made a finding's change and which acknowledged it, for the Action's annotations. */
export const provenance = (f: Finding): string =>
  [f.commit ? report.madeIn(f.commit) : '', f.acknowledgedBy ? report.acknowledgedIn(f.acknowledgedBy) : '']
    .filter(Boolean)
    .map((s) => ` (${s})`)
    .join('');
