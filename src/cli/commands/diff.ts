import { diffContracts } from '../../contract/diff.js';
import { resolveRange } from '../../detect/changes/range.js';
import { ExitCode, UsageError } from '../../errors.js';
import { readContractsAt } from '../../registry/at-revision.js';
import { diffFindings, failsOn } from '../../severity/diff-findings.js';
import { diffWords as w } from '../../severity/messages.js';
import { isSeverity, SEVERITIES, type Severity } from '../../severity/severity.js';
import type { Command } from '../command.js';
import { colorsFor } from '../output/color.js';
import { formatDiffGithub, formatDiffText, type DiffResult } from '../output/diff-report.js';
import { configFor, formatOf, writeJson } from '../shared.js';

export const command: Command = {
  help: `Usage: dcr diff --base REV [--head REV] [--fail-on breaking|risky|info] [options]

Lists what changed in the contracts between two revisions, each change with a rule code and
a severity: tables or columns removed from a contract, owners, frequency, ingestion type,
status, policy... (see "Severity and rule codes" in the README). The head (default HEAD) is
compared with its merge base with REV, as a pull request is. The GitHub Action's summary of a
pull request that changes contracts uses the same rules.

Options:
  --base REV         the revision to compare with (its merge base with --head)
  --head REV         the revision to judge (default: HEAD)
  --fail-on SEV      exit 1 when a change is at least this severe (breaking, risky or info)

Exit codes: 0 nothing at --fail-on, 1 a change at --fail-on or worse, 2 usage or git problem.

Examples:
  dcr diff --base origin/main
  dcr diff --base v1.2.0 --head main --format json
  dcr diff --base origin/main --fail-on breaking --format github`,
  options: {
    base: { type: 'string' },
    head: { type: 'string' },
    'fail-on': { type: 'string' },
  },
  async run(ctx, values) {
    const format = formatOf(values);
    if (typeof values.base !== 'string')
      throw new UsageError('dcr diff needs --base REV', 'for example `dcr diff --base origin/main`');
    const failOn = values['fail-on'];
    if (failOn !== undefined && !isSeverity(failOn))
      throw new UsageError(`--fail-on must be ${SEVERITIES.join(', ')}, not ${JSON.stringify(failOn)}`);
    const loaded = configFor(ctx, values);
    if (/^([a-z][a-z0-9+.-]*:\/\/|git@)/i.test(loaded.config.contracts))
      throw new UsageError(w.remoteContracts(loaded.config.contracts), w.remoteHint);
    const head = typeof values.head === 'string' ? values.head : 'HEAD';
    const range = await resolveRange(ctx.cwd, values.base, head);
    const [before, after] = await Promise.all([
      readContractsAt(ctx.cwd, loaded, range.target.from),
      readContractsAt(ctx.cwd, loaded, range.target.to),
    ]);
    const changes = diffFindings(diffContracts(before.contracts, after.contracts), (file, side) =>
      (side === 'before' ? before : after).files.get(file),
    );
    const summary = { breaking: 0, risky: 0, info: 0 } as Record<Severity, number>;
    for (const f of changes) summary[f.severity]++;
    const threshold = failOn as Severity | undefined;
    const failed = failsOn(changes, threshold);
    const result: DiffResult = {
      ok: !failed,
      base: values.base,
      head,
      from: range.target.from,
      to: range.target.to,
      changes,
      summary,
      invalid: after.diagnostics.filter((d) => d.severity === 'error'),
    };
    if (format === 'json') writeJson(ctx, result);
    else {
      if (format === 'github') ctx.stdout.write(formatDiffGithub(result, threshold));
      ctx.stdout.write(formatDiffText(result, colorsFor(ctx.stdout, ctx.env), threshold));
    }
    return failed ? ExitCode.Findings : ExitCode.Ok;
  },
};
