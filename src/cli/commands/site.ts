import { resolve } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import type { Command, Values } from '../command.js';
import type { CliContext } from '../context.js';
import { configFor, formatOf, writeJson } from '../shared.js';

export const command: Command = {
  help: `Usage: dcr site build [options]

Writes the catalog: a static website of every contract (search, facets, a page per contract,
person and table) plus registry.json and contracts/<jobid>.json. Works on any static host,
GitHub Pages under a sub-path included: every link is relative.

Options:
  --out DIR         folder to write (default: site.out in the config, else _site); a folder
                    dcr did not build is never replaced
  --base-url URL    public URL of the site, for canonical links (e.g. https://org.github.io/contracts/)
  --title TEXT      site title (default: site.title, else "Data contracts")
  --now ISO-DATE    the clock for freshness badges (default: now)
  --dry-run         count the files and bytes without writing

Contract files with schema errors are left out with a warning (run \`dcr validate\`).
Config (dcr.config.yaml): site: { title, out, baseUrl, repoUrl, branch, staleAfter: 6mo }

Examples:
  dcr site build
  dcr site build --out public --base-url https://myorg.github.io/contracts/`,
  options: {
    out: { type: 'string' },
    'base-url': { type: 'string' },
    title: { type: 'string' },
    now: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  positionals: true,
  async run(ctx, values, positionals) {
    if (positionals.length !== 1 || positionals[0] !== 'build') {
      throw new UsageError(
        `dcr site takes one subcommand, "build"${positionals[0] ? `, not "${positionals[0]}"` : ''}`,
        'run `dcr site build --help`',
      );
    }
    const { buildCatalogSite } = await import('../../site/site-command.js');
    const loaded = configFor(ctx, values);
    const result = await buildCatalogSite(loaded, {
      env: ctx.env,
      now: nowOf(values),
      out: typeof values.out === 'string' ? resolve(ctx.cwd, values.out) : undefined,
      baseUrl: values['base-url'] as string | undefined,
      title: values.title as string | undefined,
      dryRun: values['dry-run'] === true,
    });
    report(ctx, values, result);
    return ExitCode.Ok;
  },
};

/** The --now option as a Date (default: the real clock). */
export function nowOf(values: Values): Date {
  if (values.now === undefined) return new Date();
  const d = new Date(String(values.now));
  if (Number.isNaN(d.getTime()))
    throw new UsageError(`--now must be an ISO date such as 2026-01-31, not "${String(values.now)}"`);
  return d;
}

function report(
  ctx: CliContext,
  values: Values,
  r: Awaited<ReturnType<typeof import('../../site/site-command.js').buildCatalogSite>>,
) {
  if (formatOf(values) === 'json') {
    writeJson(ctx, {
      ok: true,
      dryRun: r.dryRun,
      out: r.site.outDir,
      contracts: r.site.contracts,
      files: r.site.files,
      bytes: r.site.bytes,
      skipped: r.skipped,
      invalid: r.problems,
    });
    return;
  }
  if (r.skipped > 0)
    ctx.stderr.write(
      [`warning: ${r.messages.skipped}`, ...r.messages.problems].map((l) => `${l}\n`).join(''),
    );
  ctx.stdout.write(`${r.messages.done}\n`);
}
