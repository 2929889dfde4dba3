import { ExitCode } from '../../errors.js';
import { parseNow } from '../../stale/clock.js';
import { collectStale, staleJson } from '../../stale/collect.js';
import { parseDurationDays } from '../../stale/duration.js';
import { staleMessages } from '../../stale/messages.js';
import { remindersConfig } from '../../stale/reminders-config.js';
import type { Command } from '../command.js';
import { colorsFor } from '../output/color.js';
import { annotation } from '../output/github.js';
import { configFor, formatOf, writeJson } from '../shared.js';

export const command: Command = {
  help: `Usage: dcr stale [options]

Lists the contracts nobody has updated for a while, oldest first, with their age, owners and
file. A contract was last updated at the last commit that changed its file (following
renames), or at its \`reviewed_at\` date if that is later. A file not yet committed counts as
fresh; retired contracts are never stale. Reads git history once for all files.

Options:
  --older-than DURATION  threshold: 180d, 26w, 6mo, 1y (default: the config's
                         reminders.olderThan, else 6mo)
  --now ISO-DATE         judge as of this date (reproducible runs), e.g. 2026-01-31

Exit codes: 0 (stale contracts are a report, not an error), 2 usage or git problem.

Examples:
  dcr stale
  dcr stale --older-than 90d --format json`,
  options: { 'older-than': { type: 'string' }, now: { type: 'string' } },
  async run(ctx, values) {
    const format = formatOf(values);
    const loaded = configFor(ctx, values);
    const settings = remindersConfig(loaded);
    const thresholdText = (values['older-than'] as string | undefined) ?? settings.olderThan;
    const thresholdDays = parseDurationDays(thresholdText);
    const now = parseNow(values.now as string | undefined);
    const report = await collectStale(loaded, { now, thresholdDays });
    const warn = colorsFor(ctx.stderr, ctx.env);
    if (report.shallow)
      ctx.stderr.write(
        `${warn.yellow('warning:')} ${staleMessages.shallow().message}\n${warn.cyan('hint:')} ${staleMessages.shallow().hint}\n`,
      );
    if (report.invalid.length) {
      const m = staleMessages.invalidSkipped(report.invalid.length);
      ctx.stderr.write(`${warn.yellow('warning:')} ${m.message}\n${warn.cyan('hint:')} ${m.hint}\n`);
    }
    if (format === 'json') {
      writeJson(ctx, staleJson(report, thresholdText));
      return ExitCode.Ok;
    }
    if (format === 'github') {
      for (const s of report.stale) {
        ctx.stdout.write(
          annotation({
            level: 'warning',
            file: s.file,
            title: `stale contract ${s.contract}`,
            message: `not updated for ${s.ageDays} days (since ${s.lastUpdated.slice(0, 10)}); owners: ${[...s.owners.source, ...s.owners.ingestion].join(', ')}`,
          }),
        );
      }
      return ExitCode.Ok;
    }
    const c = colorsFor(ctx.stdout, ctx.env);
    if (report.stale.length === 0) {
      ctx.stdout.write(`${c.green(staleMessages.noneStale(thresholdText, report.contracts.length))}\n`);
      return ExitCode.Ok;
    }
    const width = Math.min(40, Math.max(...report.stale.map((s) => s.contract.length)));
    for (const s of report.stale) {
      ctx.stdout.write(
        `${c.bold(s.contract.padEnd(width))}  ${c.yellow(`${String(s.ageDays).padStart(5)} days`)}  since ${s.lastUpdated.slice(0, 10)}${s.basis === 'reviewed_at' ? ' (reviewed_at)' : ''}  ${c.dim(s.file)}\n`,
      );
      ctx.stdout.write(
        `${' '.repeat(width + 2)}source: ${s.owners.source.join(', ')}; ingestion: ${s.owners.ingestion.join(', ')}\n`,
      );
    }
    ctx.stdout.write(
      `\n${staleMessages.staleSummary(report.stale.length, report.contracts.length, thresholdText)}\n${c.cyan('hint:')} ${staleMessages.staleHint(report.stale.map((s) => s.file))}\n`,
    );
    return ExitCode.Ok;
  },
};
