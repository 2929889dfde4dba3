import { ExitCode } from '../../errors.js';
import { repoRoot } from '../../git/index-files.js';
import { initRepository, shown } from '../../init/init.js';
import { initMessages as m } from '../../init/messages.js';
import type { Command } from '../command.js';
import { colorsFor } from '../output/color.js';
import { formatOf, writeJson } from '../shared.js';

export const command: Command = {
  help: `Usage: dcr init [options]

Sets this repository up for dcr in one step: a contracts folder with one example contract,
dcr.config.yaml, husky hooks (.husky/pre-commit, .husky/commit-msg) and three GitHub
workflows (.github/workflows/dcr-check.yml: check pull requests; remind.yml: weekly reminders
of stale contracts; pages.yml: publish the catalog to GitHub Pages).

Never overwrites a file: what exists is kept and listed. Run it at the repository's top
(or anywhere inside it: files go to the top folder).

Options:
  --dry-run      list what would be created, write nothing
  --contracts DIR  name of the contracts folder (default: contracts)

Exit codes: 0 done (also when everything existed), 2 a file could not be written.

Examples:
  dcr init
  dcr init --dry-run --format json`,
  options: { 'dry-run': { type: 'boolean' } },
  async run(ctx, values) {
    const root = (await repoRoot(ctx.cwd).catch(() => undefined)) ?? ctx.cwd;
    const contracts = typeof values.contracts === 'string' ? values.contracts : 'contracts';
    const dryRun = values['dry-run'] === true;
    const result = initRepository({ root, contracts, dryRun });
    if (formatOf(values) === 'json') {
      writeJson(ctx, { dryRun, root, ...result, next: m.next(contracts) });
      return ExitCode.Ok;
    }
    const c = colorsFor(ctx.stdout, ctx.env);
    for (const path of result.created)
      ctx.stdout.write(
        `${c.green(dryRun ? m.wouldCreate(shown(root, ctx.cwd, path)) : m.created(shown(root, ctx.cwd, path)))}\n`,
      );
    for (const s of result.skipped)
      ctx.stdout.write(`${c.dim(m.skipped(shown(root, ctx.cwd, s.path), s.reason))}\n`);
    if (result.created.length === 0) ctx.stdout.write(`${m.nothing}\n`);
    ctx.stdout.write(
      `\n${m.nextHeading}\n${m
        .next(contracts)
        .map((line, i) => `  ${i + 1}. ${line}`)
        .join('\n')}\n`,
    );
    return ExitCode.Ok;
  },
};
