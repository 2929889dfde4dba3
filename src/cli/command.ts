import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context.js';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | string[] | undefined>;

/** A CLI command: its help text, its flags, and what it does. */
export interface Command {
  /** Full `--help` text, without the common options (main adds them). */
  help: string;
  options: OptionSpecs;
  positionals?: boolean;
  run(ctx: CliContext, values: Values, positionals: string[]): Promise<number>;
}

/** Options every command understands. */
export const COMMON_OPTIONS: OptionSpecs = {
  config: { type: 'string' },
  contracts: { type: 'string' },
  format: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export const COMMON_HELP = `Common options:
  --contracts DIR|GIT-URL|URL  where the contracts are (default: the config's, else ./contracts)
  --config FILE                config file (default: nearest dcr.config.yaml or package.json "dcr")
  --format text|json|github    output for people, programs or GitHub workflow annotations
  --debug                      show stack traces of unexpected errors
  -h, --help                   show this help`;
