import { changeText, report } from '../../detect/messages.js';
import type { CheckResult, Finding } from '../../detect/types.js';
import { formatBrief, formatVerdict, type Gate } from './check-verdict.js';
import { printable, type Colors } from './color.js';
import { annotation, type Annotation } from './github.js';
import { SEVERITIES, severityRank, type Severity } from '../../severity/severity.js';

export type { Gate } from './check-verdict.js';

/** Findings of one contract, in report order. */
function byContract(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.contract, [...(groups.get(f.contract) ?? []), f]);
  return groups;
}

/** Findings by severity, most serious first (only severities that have findings). */
function bySeverity(findings: readonly Finding[]): [Severity, Finding[]][] {
  return SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s)] as [Severity, Finding[]]).filter(
    ([, list]) => list.length > 0,
  );
}

/** One contract's findings of one severity: tables, file:line, evidence, rule and contacts. */
function contractBlock(jobId: string, findings: readonly Finding[], c: Colors): string {
  const first = findings[0]!;
  const acked = findings.every((f) => f.acknowledged);
  const policy = acked
    ? c.green(report.acknowledged())
    : findings.some((f) => f.policy === 'block' && !f.acknowledged)
      ? c.red('policy: block')
      : findings.some((f) => f.policy === 'warn' && !f.acknowledged)
        ? c.yellow('policy: warn')
        : c.dim(`policy: ${report.infoPolicy()}`);
  let out = `${c.bold(jobId)}  ${policy}\n`;
  out += `  tables: ${[...new Set(findings.map((f) => f.table))].join(', ')}\n`;
  for (const f of findings) {
    const what = `${changeText(f)} ${f.table}`;
    const possible = f.confidence === 'possible' ? ` ${c.yellow(`(${report.possible()})`)}` : '';
    const made = f.commit ? `  ${c.dim(`(${report.madeIn(f.commit)})`)}` : '';
    out += `  ${c.bold(`${f.file}:${f.line}`)}  ${what}${possible}${made}\n`;
    out += `      ${c.dim(clip(f.evidence))}\n`;
    out += `      ${c.bold(f.code)} ${f.reason}\n`;
    if (f.acknowledgedBy) out += `      ${c.green(report.acknowledgedIn(f.acknowledgedBy))}\n`;
    if (f.match) out += `      ${c.dim(f.match)}\n`;
    if (f.note) out += `      ${c.cyan('note:')} ${f.note}\n`;
  }
  out += `  ${report.contact(first.owners.source, first.owners.ingestion)}\n`;
  return out;
}

const clip = (text: string, max = 160) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 3)}...` : one;
};

/**
 * The report for people: one block per contract with its tables, file:line (and commit),
 * evidence and contacts, then the verdict for the gate it runs in. `brief` (commit-msg) prints
 * only the verdict.
 */
export function formatCheckText(
  result: CheckResult,
  c: Colors,
  options: { quiet?: boolean; advisory?: boolean; brief?: boolean; gate?: Gate } = {},
): string {
  result = printable(result); // code, paths and contracts come from authors: no terminal control
  if (options.brief) return formatBrief(result, c);
  const gate = options.gate ?? (options.advisory ? 'pre-commit' : 'staged');
  let out = '';
  const contracts = new Set(result.findings.map((f) => f.contract)).size;
  if (contracts > 0) out += c.bold(`dcr check: ${report.header(contracts)}`) + '\n';
  for (const [severity, findings] of bySeverity(result.findings)) {
    const paint = severity === 'breaking' ? c.red : severity === 'risky' ? c.yellow : c.cyan;
    out += `\n${paint(c.bold(report.severityHeading(severity, findings.length)))}\n`;
    for (const [jobId, group] of byContract(findings)) out += contractBlock(jobId, group, c);
  }
  const shownNotices = (result.notices ?? []).filter((n) => !options.quiet || n.file === '' || n.loud);
  if (shownNotices.length > 0) out += '\n';
  for (const n of shownNotices)
    out += `${c.cyan('notice:')} ${n.file ? `${n.file}${n.line ? `:${n.line}` : ''}: ` : ''}${n.message}\n`;
  if (contracts > 0) out += formatVerdict(result, c, gate, options.advisory === true);
  else if (!options.quiet) out += c.green(`✔ ${report.none()}`) + '\n';
  return out;
}

const LIMIT = 10; // GitHub shows at most 10 annotations of each level per step

/**
 * Workflow annotations on the changed lines, most important first (blocking errors, then
 * warnings, then acknowledged notices). GitHub drops annotations past ten of a level, so the
 * tenth says how many more there are.
 */
export function formatCheckGithub(result: CheckResult): string {
  const levels: Record<Annotation['level'], Annotation[]> = { error: [], warning: [], notice: [] };
  // Most serious first within each level, as GitHub shows only ten of a level.
  const ordered = [...result.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  for (const f of ordered) {
    const level =
      f.acknowledged || f.policy === 'info' ? 'notice' : f.policy === 'block' ? 'error' : 'warning';
    const contact = report.contact(f.owners.source, f.owners.ingestion);
    const lines = [
      `${f.change} ${f.table} (contract ${f.contract}): ${clip(f.evidence)}`,
      `${f.severity} ${f.code}: ${f.reason}`,
      f.match,
      f.note,
      f.commit ? report.madeIn(f.commit) : undefined,
      f.acknowledgedBy
        ? `${report.acknowledged()}, ${report.acknowledgedIn(f.acknowledgedBy)}`
        : f.acknowledged
          ? report.acknowledged()
          : undefined,
      contact,
    ];
    levels[level].push({
      level,
      file: f.file,
      line: f.line,
      title: `dcr ${f.code} ${f.severity}: contract ${f.contract}`,
      message: lines.filter(Boolean).join('\n'),
    });
  }
  for (const n of result.notices ?? []) {
    levels.notice.push({
      level: 'notice',
      ...(n.file ? { file: n.file } : {}),
      ...(n.line ? { line: n.line } : {}),
      title: 'dcr',
      message: n.message,
    });
  }
  let out = '';
  for (const list of Object.values(levels)) {
    const shown = list.length > LIMIT ? list.slice(0, LIMIT - 1) : list;
    for (const a of shown) out += annotation(a);
    if (list.length > LIMIT)
      out += annotation({
        level: list[0]!.level,
        title: 'dcr',
        message: report.moreAnnotations(list.length - shown.length),
      });
  }
  return out;
}
