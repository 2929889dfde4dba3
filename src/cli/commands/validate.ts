import { ExitCode } from '../../errors.js';
import { readStagedInputs } from '../../registry/staged.js';
import { countBySeverity } from '../../validate/diagnostic.js';
import type { ContractInput } from '../../validate/validate.js';
import type { Command } from '../command.js';
import { colorsFor } from '../output/color.js';
import {
  formatDiagnosticsGithub,
  formatDiagnosticsText,
  inputLines,
  summaryLine,
} from '../output/diagnostics.js';
import { configFor, formatOf, relativeContracts, writeJson } from '../shared.js';

export const command: Command = {
  help: `Usage: dcr validate [PATH...] [options]

Checks contract files against the JSON Schema (schema/contract.schema.json) and the semantic
rules, and prints every problem with file:line:col, rule id and a hint.

PATH may be files or folders (default: the configured contracts folder). Files given
explicitly are checked in the context of the whole contracts folder, so a job id used twice
is found even when only one file is named.

Options:
  --staged       check the contract files as staged in git's index (for pre-commit);
                 exits at once when no contract file is staged
  --quiet        print errors only, no warnings

Exit codes: 0 valid (warnings allowed), 1 errors found, 2 usage or I/O problem.

Examples:
  dcr validate
  dcr validate contracts/orders_postgres.yaml --format json
  dcr validate --staged`,
  options: { staged: { type: 'boolean' }, quiet: { type: 'boolean' } },
  positionals: true,
  async run(ctx, values, positionals) {
    const format = formatOf(values);
    const loaded = configFor(ctx, values);
    const find = { include: loaded.config.include, ignore: loaded.config.ignore };
    let inputs: ContractInput[] = [];
    let reportOnly: Set<string> | undefined;
    if (values.staged) {
      const staged = await readStagedInputs(ctx.cwd, loaded.root, loaded.config.contracts, find);
      if (staged.staged.size === 0) {
        if (format === 'json') writeJson(ctx, { ok: true, contracts: 0, diagnostics: [] });
        return ExitCode.Ok;
      }
      inputs = staged.inputs;
      reportOnly = staged.staged;
    }
    // Loaded only now, after the cheap "is any contract staged?" question: a hook stays fast.
    const [{ limitsFrom, readPathInputs }, { validateContracts }] = await Promise.all([
      import('../../registry/load.js'),
      import('../../validate/validate.js'),
    ]);
    const folder = relativeContracts(loaded.root, ctx.cwd, loaded.config.contracts);
    const read = { maxFileBytes: limitsFrom(loaded).maxFileBytes, confine: folder };
    if (values.staged) {
      // inputs and reportOnly come from the index, above
    } else if (positionals.length > 0) {
      const targets = readPathInputs(ctx.cwd, positionals, find, read);
      reportOnly = new Set(targets.map((t) => t.file));
      // Files named inside the contracts folder are judged with the rest of it as context (a
      // job id used twice is found); files elsewhere stand on their own.
      const inside = targets.some((t) => folder === '.' || t.file.startsWith(`${folder}/`));
      const context = inside ? safeContext(() => readPathInputs(ctx.cwd, [folder], find, read)) : [];
      inputs = [...targets, ...context.filter((i) => !reportOnly!.has(i.file))];
    } else {
      inputs = readPathInputs(ctx.cwd, [folder], find, read);
    }
    const result = validateContracts(inputs, {
      rules: loaded.config.rules,
      limits: limitsFrom(loaded),
      reportOnly,
    });
    const shown = values.quiet
      ? result.diagnostics.filter((d) => d.severity === 'error')
      : result.diagnostics;
    const { errors } = countBySeverity(result.diagnostics);
    if (format === 'json') {
      writeJson(ctx, { ok: errors === 0, contracts: result.files, diagnostics: shown });
    } else if (format === 'github') {
      ctx.stdout.write(formatDiagnosticsGithub(shown));
      ctx.stderr.write(summaryLine(result.files, result.diagnostics, colorsFor(ctx.stderr, ctx.env)));
    } else {
      const c = colorsFor(ctx.stdout, ctx.env);
      ctx.stdout.write(formatDiagnosticsText(shown, inputLines(inputs), c));
      if (shown.length > 0) ctx.stdout.write('\n');
      ctx.stdout.write(summaryLine(result.files, result.diagnostics, c));
    }
    return errors > 0 ? ExitCode.Findings : ExitCode.Ok;
  },
};

function safeContext(read: () => ContractInput[]): ContractInput[] {
  try {
    return read();
  } catch {
    return []; // no contracts folder: the named files stand alone
  }
}
