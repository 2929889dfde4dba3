import { UsageError } from '../../errors.js';
import { suggest } from '../../util/suggest.js';
import type { Command, Values } from '../command.js';
import { COMMANDS } from './index.js';

/** What each Git hook runs, in order, stopping at the first non-zero exit. */
const STEPS: Record<string, { command: string; values: Values }[]> = {
  'pre-commit': [
    { command: 'validate', values: { staged: true } },
    { command: 'check', values: { staged: true, advisory: true, quiet: true } },
  ],
};

export const command: Command = {
  help: `Usage: dcr hook pre-commit [options]

What dcr's pre-commit hook runs, in one process (one Node start-up instead of two):
  dcr validate --staged                      the contract files as staged
  dcr check --staged --advisory --quiet      staged changes to contracted tables
It stops at the first step that fails, with that step's exit code. The common options
(--config, --contracts) apply to both steps.

Examples:
  dcr hook pre-commit`,
  options: {},
  positionals: true,
  async run(ctx, values, positionals) {
    const [name, ...extra] = positionals;
    const steps = name === undefined ? undefined : STEPS[name];
    if (!steps || extra.length > 0) {
      const guess = name ? suggest(name, Object.keys(STEPS)) : undefined;
      throw new UsageError(
        name === undefined
          ? 'say which hook to run'
          : steps
            ? `unexpected argument "${extra[0]}"`
            : `no hook named "${name}"${guess ? `; did you mean "${guess}"?` : ''}`,
        `hooks: ${Object.keys(STEPS).join(', ')}`,
      );
    }
    // Every step's modules load at once: the later ones while the first waits for git.
    const loads = steps.map((step) => COMMANDS[step.command]!.load());
    for (const load of loads) void load.catch(() => undefined); // awaited, in order, below
    for (const [i, step] of steps.entries()) {
      const run = await loads[i]!;
      const code = await run.run(ctx, { ...values, ...step.values }, []);
      if (code !== 0) return code;
    }
    return 0;
  },
};
