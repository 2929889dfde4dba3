import { ExitCode, UsageError } from '../../errors.js';
import { repoRoot } from '../../git/index-files.js';
import type { InitOptions } from '../../init/init.js';
import { initMessages as m } from '../../init/messages.js';
import type { Command } from '../command.js';
import { colorsFor } from '../output/color.js';
import { formatOf, writeJson } from '../shared.js';

export const command: Command = {
  help: `Usage: dcr init [options]

Sets this repository up for dcr in one step, so that the next commit and push are checked.

In the repository that holds the contracts (the default): a contracts folder with one example
contract, dcr.config.yaml, the Git hooks, .gitignore entries for what dcr writes (.dcr/,
_site/) and three GitHub workflows (dcr-check.yml: check pull requests; remind.yml: weekly
reminders of stale contracts; pages.yml: publish the catalog to GitHub Pages).

In a source repository whose contracts live elsewhere (--registry URL, or --contracts URL):
dcr.config.yaml pointing at them, the Git hooks, .gitignore and the check workflow only.

Hooks (pre-commit, commit-msg, pre-push): through husky when the repository uses it (hook files
in .husky/, "prepare": "husky"), otherwise in .githooks/ with git's core.hooksPath set here and
by the "prepare" script for teammates. Hooks that another tool already manages are left alone.

Never overwrites a file: what exists is kept and listed; hook files and .gitignore are only
appended to. Run it anywhere inside the repository: files go to its top folder.

Options:
  --dry-run               list what would be created and changed, write nothing
  --contracts DIR|URL     the contracts folder (default: contracts), or where they live
  --registry URL          a source repository guarded by contracts elsewhere: a git URL of the
                          contracts repository, or the https URL of its catalog's registry.json
  --action OWNER/REPO@REF the dcr action for the check workflow (without it, the workflow fails
                          at once and says what to put there)
  --hooks auto|husky|git|none  how to turn the hooks on (default: auto)

Exit codes: 0 done (also when everything existed), 2 bad options or a file could not be written.

Examples:
  dcr init
  dcr init --action acme/dcr@v1
  dcr init --registry git@github.com:acme/data-contracts.git
  dcr init --dry-run --format json`,
  options: {
    'dry-run': { type: 'boolean' },
    registry: { type: 'string' },
    action: { type: 'string' },
    hooks: { type: 'string' },
  },
  async run(ctx, values) {
    const { ACTION_REF } = await import('../../init/templates.js');
    const action = values.action as string | undefined;
    if (action !== undefined && !ACTION_REF.test(action))
      throw new UsageError(m.badAction(action), m.badActionHint);
    const hooks = (values.hooks as string | undefined) ?? 'auto';
    if (!['auto', 'husky', 'git', 'none'].includes(hooks)) throw new UsageError(m.badHooks(hooks));
    const { initRepository, shown } = await import('../../init/init.js');
    const { gatherHookFacts, runHusky, setGitConfig } = await import('../../init/git-facts.js');
    const root = (await repoRoot(ctx.cwd).catch(() => undefined)) ?? ctx.cwd;
    const contracts =
      (values.registry as string | undefined) ??
      (typeof values.contracts === 'string' ? values.contracts : 'contracts');
    const dryRun = values['dry-run'] === true;
    const options: InitOptions = {
      root,
      contracts,
      dryRun,
      hooks: hooks as NonNullable<InitOptions['hooks']>,
      hookFacts: await gatherHookFacts(root),
      ...(action ? { action } : {}),
    };
    const result = await initRepository(options, {
      setGitConfig: (key, value) => setGitConfig(root, key, value),
      runHusky: () => runHusky(root),
    });
    if (formatOf(values) === 'json') {
      writeJson(ctx, { dryRun, root, ...result });
      return ExitCode.Ok;
    }
    const c = colorsFor(ctx.stdout, ctx.env);
    const out = (line: string) => ctx.stdout.write(`${line}\n`);
    for (const path of result.created)
      out(
        c.green(dryRun ? m.wouldCreate(shown(root, ctx.cwd, path)) : m.created(shown(root, ctx.cwd, path))),
      );
    for (const u of result.updated)
      out(c.green(dryRun ? m.wouldUpdate(u.target, u.change) : m.updated(u.target, u.change)));
    for (const s of result.skipped) out(c.dim(m.skipped(shown(root, ctx.cwd, s.path), s.reason)));
    if (result.created.length === 0 && result.updated.length === 0) out(m.nothing);
    out(`\n${m.hooks[result.hooks]}`);
    out(`\n${m.nextHeading}\n${result.next.map((line, i) => `  ${i + 1}. ${line}`).join('\n')}`);
    return ExitCode.Ok;
  },
};
