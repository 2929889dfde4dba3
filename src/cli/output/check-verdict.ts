import { report, shortId } from '../../detect/messages.js';
import type { CheckResult, Finding, RewordPlan } from '../../detect/types.js';
import type { Colors } from './color.js';

/** Where a check runs, which decides what its verdict says. */
export type Gate = 'pre-commit' | 'commit-msg' | 'staged' | 'pre-push' | 'ci' | 'server';

const blockingIds = (findings: readonly Finding[]) => [
  ...new Set(findings.filter((f) => f.policy === 'block' && !f.acknowledged).map((f) => f.contract)),
];
const where = (findings: readonly Finding[]) => [...new Set(findings.map((f) => `${f.file}:${f.line}`))];

/**
 * The commit-msg stage, after pre-commit's full report: only the verdict and what it covers,
 * plus notices about the whole check (a trailer naming no contract, an unreachable registry).
 */
export function formatBrief(result: CheckResult, c: Colors): string {
  let out = '';
  for (const n of result.notices ?? []) if (n.file === '') out += `${c.cyan('notice:')} ${n.message}\n`;
  if (result.blocking) {
    const ids = blockingIds(result.findings);
    const open = result.findings.filter((f) => ids.includes(f.contract) && !f.acknowledged);
    out += `${c.red(`✖ ${report.blockedBrief(ids, where(open))}`)}\n`;
    out += `${c.cyan('hint:')} ${report.blocking(ids).hint}\n`;
    return out;
  }
  const acked = result.findings.filter((f) => f.acknowledged);
  if (acked.length > 0) {
    const ids = [...new Set(acked.map((f) => f.contract))];
    out += c.green(`✔ ${report.acknowledgedBrief(ids, where(acked))}`) + '\n';
  }
  return out;
}

/** The closing verdict of a full report: blocked (and how to fix it), will block, or warn only. */
export function formatVerdict(result: CheckResult, c: Colors, gate: Gate, advisory: boolean): string {
  const ids = blockingIds(result.findings);
  if (result.blocking && gate === 'pre-commit') {
    // The message is not known yet: say what will block, not that something is blocked.
    const m = report.willBlock(ids);
    return `\n${c.yellow(`⚠ ${m.message}`)}\n${c.cyan('hint:')} ${m.hint}\n`;
  }
  if (result.blocking) {
    const m = report.blocking(ids);
    let out = `\n${c.red(`✖ ${m.message}`)}\n`;
    out += result.reword ? formatReword(result.reword, ids, c) : `${c.cyan('hint:')} ${m.hint}\n`;
    if ((gate === 'ci' || gate === 'server') && result.findings.some((f) => f.commit && !f.acknowledged))
      out += `${c.yellow(report.bypassed(gate === 'ci' && !inCi() ? 'local' : gate))}\n`;
    if (advisory) out += `${report.advisory()}\n`;
    return out;
  }
  if (result.findings.some((f) => !f.acknowledged && f.policy === 'warn'))
    return `\n${c.yellow(report.warnOnly())}\n`;
  if (result.findings.some((f) => !f.acknowledged)) return `\n${c.dim(report.infoOnly())}\n`;
  return '';
}

/** The commits of a blocked push or range to reword, and the exact commands. */
function formatReword(plan: RewordPlan, ids: string[], c: Colors): string {
  let out = `${c.cyan('hint:')} ${report.rewordHeader()}\n`;
  for (const r of plan.commits) {
    out += `  ${c.bold(shortId(r.commit))}  ${r.subject}\n`;
    for (const job of r.contracts) out += `      Data-Contract-Ack: ${job}\n`;
  }
  if (plan.amend) out += `  ${report.rewordAmend()}\n`;
  else {
    const from = plan.rebaseFrom === null ? '--root' : shortId(plan.rebaseFrom);
    out += `  ${report.rewordRebase(`git rebase -i ${plan.merges ? '--rebase-merges ' : ''}${from}`)}\n`;
  }
  out += `  ${report.rewordLater(ids)}\n  ${report.rewordThen()}\n`;
  return out;
}

/** Whether this runs in CI (`CI=true`, as GitHub Actions, GitLab and most services set it), not in a terminal. */
const inCi = () => /^(1|true|yes)$/i.test(process.env.CI ?? '') || process.env.GITHUB_ACTIONS === 'true';
