import { ExitCode, UsageError } from '../../errors.js';
import { locationOf } from '../../registry/location.js';
import { countBySeverity } from '../../validate/diagnostic.js';
import type { ContractInput } from '../../validate/validate.js';
import { verifyMessages as say } from '../../verify/messages.js';
import type { Command } from '../command.js';
import { colorsFor } from '../output/color.js';
import { formatDiagnosticsGithub, formatDiagnosticsText, inputLines } from '../output/diagnostics.js';
import { configFor, formatOf, relativeContracts, writeJson } from '../shared.js';

const DEFAULT_TIMEOUT_S = 10;

export const command: Command = {
  help: `Usage: dcr verify [PATH...] [options]

Checks contracts against the live PostgreSQL database they read from: every table exists, the
listed columns exist with the stated type and nullability, and the key and cursor columns
exist. Drift is reported at the contract's file and line. Connects read-only (one read-only
transaction, a statement timeout) and reads pg_catalog in a few batched queries.

Which contracts: those whose source_host and source_db are the DSN's host and database (and
whose source_type is postgres or unset; retired ones are skipped), or the ones named with
--contract or as PATHs.

The DSN comes from --dsn or the DCR_VERIFY_DSN environment variable; it is never printed (a
password in it, or in PGPASSWORD, never appears in any message). Prefer the environment: a
command line is visible to other users of the machine.

Options:
  --dsn URL            postgres://user[:password]@host[:port]/database (default: $DCR_VERIFY_DSN)
  --contract JOBID     verify this contract (repeatable)
  --source-host NAME   the source_host the DSN reaches (a tunnel, proxy or replica)
  --timeout SECONDS    for connecting and for each query (default: ${DEFAULT_TIMEOUT_S})
  --quiet              print errors only, no warnings

Exit codes: 0 no drift (warnings allowed), 1 drift found, 2 usage, connection or query problem.

Examples:
  DCR_VERIFY_DSN=postgres://reader@shop-db.internal/ecommerce dcr verify
  dcr verify --contract orders_postgres --source-host shop-db.internal --format json`,
  options: {
    dsn: { type: 'string' },
    contract: { type: 'string', multiple: true },
    'source-host': { type: 'string' },
    timeout: { type: 'string' },
    quiet: { type: 'boolean' },
  },
  positionals: true,
  async run(ctx, values, positionals) {
    const format = formatOf(values);
    const loaded = configFor(ctx, values);
    const dsn = (values.dsn as string | undefined) ?? ctx.env.DCR_VERIFY_DSN;
    if (!dsn) {
      const m = say.noDsn();
      throw new UsageError(m.message, m.hint);
    }
    const timeoutText = values.timeout as string | undefined;
    const seconds = timeoutText === undefined ? DEFAULT_TIMEOUT_S : Number(timeoutText);
    if (!(seconds > 0) || !Number.isFinite(seconds))
      throw new UsageError(say.badTimeout(String(timeoutText)).message);
    if (locationOf(loaded.config.contracts).kind !== 'folder') {
      const m = say.notAFolder();
      throw new UsageError(m.message, m.hint);
    }
    const [{ limitsFrom, readPathInputs }, { verifyContracts }] = await Promise.all([
      import('../../registry/load.js'),
      import('../../verify/verify.js'),
    ]);
    const find = { include: loaded.config.include, ignore: loaded.config.ignore };
    const folder = relativeContracts(loaded.root, ctx.cwd, loaded.config.contracts);
    const read = { maxFileBytes: limitsFrom(loaded).maxFileBytes, confine: folder };
    const all = readPathInputs(ctx.cwd, [folder], find, read);
    let inputs: ContractInput[] = all;
    let files: Set<string> | undefined;
    if (positionals.length > 0) {
      const named = readPathInputs(ctx.cwd, positionals, find, read);
      files = new Set(named.map((n) => n.file));
      inputs = [...named, ...all.filter((i) => !files!.has(i.file))];
    }
    const result = await verifyContracts(inputs, {
      dsn,
      timeoutMs: seconds * 1000,
      rules: loaded.config.rules,
      limits: limitsFrom(loaded),
      secrets: [ctx.env.PGPASSWORD],
      ...(values.contract ? { jobIds: values.contract as string[] } : {}),
      ...(files ? { files } : {}),
      ...(values['source-host'] ? { sourceHost: values['source-host'] as string } : {}),
    });
    const warn = colorsFor(ctx.stderr, ctx.env);
    if (result.invalid > 0) {
      const m = say.invalidSkipped(result.invalid);
      ctx.stderr.write(`${warn.yellow('warning:')} ${m.message}\n${warn.cyan('hint:')} ${m.hint}\n`);
    }
    const shown = values.quiet
      ? result.diagnostics.filter((d) => d.severity === 'error')
      : result.diagnostics;
    const { errors, warnings } = countBySeverity(result.diagnostics);
    const summary = say.summary(
      result.contracts.length,
      result.tables,
      result.target.display,
      errors,
      warnings,
    );
    if (format === 'json') {
      writeJson(ctx, {
        ok: errors === 0,
        source: result.target.display,
        contracts: result.contracts,
        tables: result.tables,
        diagnostics: shown,
      });
    } else if (format === 'github') {
      ctx.stdout.write(formatDiagnosticsGithub(shown));
      ctx.stderr.write(`${summary}\n`);
    } else {
      const c = colorsFor(ctx.stdout, ctx.env);
      ctx.stdout.write(formatDiagnosticsText(shown, inputLines(inputs), c));
      if (shown.length > 0) ctx.stdout.write('\n');
      ctx.stdout.write((errors > 0 ? c.red(summary) : c.green(summary)) + '\n');
    }
    return errors > 0 ? ExitCode.Findings : ExitCode.Ok;
  },
};
