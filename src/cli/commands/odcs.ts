import { relative, resolve, sep } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import type { Conversion } from '../../odcs/convert.js';
import { odcsCliMessages } from '../../odcs/messages.js';
import type { ContractInput } from '../../parse/input.js';
import { countBySeverity } from '../../validate/diagnostic.js';
import type { Command, OptionSpecs, Values } from '../command.js';
import type { CliContext } from '../context.js';
import { colorsFor } from '../output/color.js';
import { formatDiagnosticsGithub, formatDiagnosticsText, inputLines } from '../output/diagnostics.js';
import { configFor, formatOf, writeJson } from '../shared.js';

const OPTIONS: OptionSpecs = {
  out: { type: 'string' },
  force: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
};

const OUTPUT_HELP = `  --out DIR      write one file per document into DIR (created if needed); without it
                 the one document goes to standard output (several need --out)
  --force        overwrite files that exist in DIR (never done without it)
  --dry-run      say what would be written, write nothing`;

export const exportCommand: Command = {
  help: `Usage: dcr export odcs [PATH...] [options]

Writes one Open Data Contract Standard (ODCS) v3.1.0 document per contract, as
<jobid>.odcs.yaml: host and database in \`servers\`, tables in \`schema\`, owners in \`team\`
(roles sourceOwner and ingestionOwner), the frequency as an SLA property in minutes; fields
ODCS has no place for travel as custom properties. What an import kept under \`x-odcs\` is
put back. Every document is checked against the official ODCS v3.1.0 schema.

PATH may be contract files or folders (default: the configured contracts folder).
Contracts with errors are not exported (run \`dcr validate\`).

Options:
${OUTPUT_HELP}

Exit codes: 0 exported, 1 some contracts have errors, 2 usage problem or a file in the way.

Examples:
  dcr export odcs contracts/orders_postgres.yaml > orders_postgres.odcs.yaml
  dcr export odcs --out odcs/`,
  options: OPTIONS,
  positionals: true,
  async run(ctx, values, positionals) {
    const paths = formatArgument('export', positionals);
    const loaded = configFor(ctx, values);
    const [{ limitsFrom, readPathInputs }, { exportContracts }] = await Promise.all([
      import('../../registry/load.js'),
      import('../../odcs/convert.js'),
    ]);
    const find = { include: loaded.config.include, ignore: loaded.config.ignore };
    const limits = limitsFrom(loaded);
    const folder =
      relative(ctx.cwd, resolve(loaded.root, loaded.config.contracts)).split(sep).join('/') || '.';
    const inputs = readPathInputs(ctx.cwd, paths.length > 0 ? paths : [folder], find, {
      maxFileBytes: limits.maxFileBytes,
      confine: folder,
    });
    return finish(ctx, values, inputs, exportContracts(inputs, limits));
  },
};

export const importCommand: Command = {
  help: `Usage: dcr import odcs FILE... [options]

Turns Open Data Contract Standard (ODCS) v3.0.x and v3.1.0 documents into dcr contracts, as
<jobid>.yaml (the job id is the ODCS \`id\`). What maps, maps (see the README's table);
everything else is kept verbatim under \`x-odcs\`, so that \`dcr export odcs\` gives it back.
One document becomes one contract: the first server is the source, every schema object
one of its tables; other servers are kept under \`x-odcs\`.

A document that is not valid ODCS is not imported (errors at file:line:col). A document
that lacks something dcr requires (a host, owners, the ingestion type) is imported with a
warning that says where to add it; \`dcr validate\` reports it until it is there.

FILE may be files or folders. ODCS files can also stay as they are: *.odcs.yaml files in
the contracts folder are read as contracts.

Options:
${OUTPUT_HELP}

Exit codes: 0 imported (warnings allowed), 1 some documents are not valid ODCS,
2 usage problem or a file in the way.

Examples:
  dcr import odcs orders.odcs.yaml
  dcr import odcs exports/*.odcs.yaml --out contracts/`,
  options: OPTIONS,
  positionals: true,
  async run(ctx, values, positionals) {
    const paths = formatArgument('import', positionals);
    if (paths.length === 0) {
      const m = odcsCliMessages.noFiles();
      throw new UsageError(m.message, m.hint);
    }
    const loaded = configFor(ctx, values);
    const [{ limitsFrom, readPathInputs }, { importDocuments }] = await Promise.all([
      import('../../registry/load.js'),
      import('../../odcs/convert.js'),
    ]);
    const limits = limitsFrom(loaded);
    const find = { include: loaded.config.include, ignore: loaded.config.ignore };
    const inputs = readPathInputs(ctx.cwd, paths, find, { maxFileBytes: limits.maxFileBytes });
    return finish(ctx, values, inputs, importDocuments(inputs, limits));
  },
};

/** The positionals after the format word, which must be `odcs`. */
function formatArgument(verb: string, positionals: string[]): string[] {
  const [format, ...rest] = positionals;
  if (format !== 'odcs') {
    const m = odcsCliMessages.subcommand(verb, format);
    throw new UsageError(m.message, m.hint);
  }
  return rest;
}

/** Reports the diagnostics, then writes the documents (to --out, or the one to stdout). */
async function finish(
  ctx: CliContext,
  values: Values,
  inputs: readonly ContractInput[],
  result: Conversion,
): Promise<number> {
  const format = formatOf(values);
  const { documents, diagnostics } = result;
  const failed = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size;
  const exit = failed > 0 ? ExitCode.Findings : ExitCode.Ok;
  const out = typeof values.out === 'string' ? resolve(ctx.cwd, values.out) : undefined;
  if (out === undefined && documents.length > 1) {
    const m = odcsCliMessages.needOut(documents.length);
    throw new UsageError(m.message, m.hint);
  }
  let written: string[] = [];
  if (out !== undefined) {
    const { writeDocuments } = await import('../../odcs/write-documents.js');
    written = writeDocuments(out, documents, {
      force: values.force === true,
      dryRun: values['dry-run'] === true,
    });
  }
  const shown = (p: string) => relative(ctx.cwd, p).split(sep).join('/') || '.';
  if (format === 'json') {
    writeJson(ctx, {
      ok: failed === 0,
      dryRun: values['dry-run'] === true,
      documents: documents.map((d, i) => ({
        contract: d.jobId,
        from: d.from,
        ...(out === undefined ? { document: d.value } : { file: shown(written[i]!) }),
      })),
      diagnostics,
    });
    return exit;
  }
  const c = colorsFor(ctx.stderr, ctx.env);
  // Workflow annotations are read from stdout, unless the document itself goes there.
  if (format === 'github')
    (out === undefined ? ctx.stderr : ctx.stdout).write(formatDiagnosticsGithub(diagnostics));
  else ctx.stderr.write(formatDiagnosticsText(diagnostics, inputLines(inputs), c));
  if (out === undefined) {
    if (documents[0] && values['dry-run'] !== true) ctx.stdout.write(documents[0].text);
  } else {
    const line = values['dry-run'] === true ? odcsCliMessages.wouldWrite : odcsCliMessages.wrote;
    documents.forEach((d, i) => ctx.stdout.write(`${line(shown(written[i]!), d.from)}\n`));
  }
  const { warnings } = countBySeverity(diagnostics);
  ctx.stderr.write(`${odcsCliMessages.summary(documents.length, failed, warnings)}\n`);
  return exit;
}
