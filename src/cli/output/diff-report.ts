import { diffWords as w } from '../../severity/messages.js';
import type { DiffFinding } from '../../severity/diff-findings.js';
import { atLeast, SEVERITIES, type Severity } from '../../severity/severity.js';
import type { Diagnostic } from '../../validate/diagnostic.js';
import type { Colors } from './color.js';
import { annotation } from './github.js';

/** What `dcr diff` found (also its `--format json` shape). */
export interface DiffResult {
  ok: boolean;
  base: string;
  head: string;
  /** The merge base the head is compared with. */
  from: string;
  to: string;
  changes: DiffFinding[];
  summary: Record<Severity, number>;
  /** Contract files the head revision holds that do not validate (left out of the comparison). */
  invalid: Diagnostic[];
}

/** The report for people: the changes grouped by severity, most serious first. */
export function formatDiffText(r: DiffResult, c: Colors, failOn?: Severity): string {
  const from = r.from.slice(0, 10);
  const to = r.to.slice(0, 10);
  let out = '';
  for (const d of r.invalid) out += `${c.cyan('notice:')} ${w.invalid(d.file, d.line, d.message)}\n`;
  if (r.changes.length === 0) return out + c.green(`✔ ${w.none(from, to)}`) + '\n';
  const contracts = new Set(r.changes.map((f) => f.contract)).size;
  out += c.bold(w.header(r.changes.length, contracts, from, to)) + '\n';
  for (const s of SEVERITIES) {
    const list = r.changes.filter((f) => f.severity === s);
    if (list.length === 0) continue;
    const paint = s === 'breaking' ? c.red : s === 'risky' ? c.yellow : c.cyan;
    out += `\n${paint(c.bold(w.heading(s, list.length)))}\n`;
    for (const f of list)
      out += `  ${c.bold(`${f.file}:${f.line}`)}  ${f.code}  ${f.contract}  ${f.message}\n`;
  }
  if (failOn && !r.ok) {
    const n = r.changes.filter((f) => atLeast(f.severity, failOn)).length;
    out += `\n${c.red(w.failed(failOn, n))}\n`;
  }
  return out;
}

/** One annotation per change: errors for what fails the run, warnings for breaking and risky, notices for info. */
export function formatDiffGithub(r: DiffResult, failOn?: Severity): string {
  let out = '';
  for (const f of r.changes) {
    const level =
      failOn && atLeast(f.severity, failOn) ? 'error' : f.severity === 'info' ? 'notice' : 'warning';
    out += annotation({
      level,
      file: f.file,
      line: f.line,
      column: f.column,
      title: `dcr ${f.code} ${f.severity}: contract ${f.contract}`,
      message: f.message,
    });
  }
  return out;
}
