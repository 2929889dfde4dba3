import { changePeople, type ContractChange, type FieldChange } from '../contract/diff.js';
import type { RatedChange } from '../severity/rate-contract-change.js';
import { SEVERITIES, severityRank, type Severity } from '../severity/severity.js';
import type { Owners, PolicySetting } from '../contract/types.js';
import { columnText, shortId } from '../detect/messages.js';
import type { Finding } from '../detect/types.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { ledgerLine } from './finding-emails.js';
import { code, mention, text } from './markdown.js';
import { actionMessages as m } from './messages.js';

/** The hidden marker that finds our comment again on the next push. */
export const COMMENT_MARKER = '<!-- dcr:pull-request-report -->';
/** Room we leave ourselves below GitHub's 65,536-character limit. */
const BUDGET = 60_000;

/** Everything the PR comment and the job summary say. */
export interface Report {
  headSha: string;
  findings: Finding[];
  notices: { file: string; line: number; message: string }[];
  changes: ContractChange[];
  invalid: Diagnostic[];
  mode: PolicySetting;
  /** Unacknowledged findings in block mode. */
  blocking: boolean;
  ackLabel: string;
  ackedByLabel: boolean;
  /** Email → GitHub handle. */
  people: Map<string, string>;
  /** `https://github.com/o/r/blob/<sha>`, for links to file:line. */
  blobUrl?: string;
  /** Why the change guard could not run, if it could not. */
  guardProblem?: string;
  /** Fingerprints of the detection emails already sent (kept hidden in the comment). */
  ledger?: string[];
}

/** Whether the report says anything worth a new comment. */
export const hasNews = (r: Report) =>
  r.findings.length > 0 || r.changes.length > 0 || r.invalid.length > 0 || r.guardProblem !== undefined;

/** The PR comment (Markdown), at most ~60,000 characters; `budget` is for tests. */
export function renderComment(r: Report, budget = BUDGET): string {
  const head = [COMMENT_MARKER, ...(r.ledger?.length ? [ledgerLine(r.ledger)] : []), `### ${m.title}`, ''];
  const blocks: string[] = [];
  if (r.guardProblem) blocks.push(`> ${text(m.guardUnavailable(r.guardProblem), 500)}\n`);
  if (r.invalid.length > 0) blocks.push(invalidBlock(r));
  if (r.findings.length === 0) {
    if (!r.guardProblem) head.push(m.noFindings, '');
  } else {
    const groups = groupFindings(r.findings);
    head.push(m.findingsHeadline(groups.length, new Set(r.findings.map((f) => f.contract)).size), '');
    if (r.blocking) head.push(m.blockHint(r.ackLabel), '');
    const unacked = [...new Set(r.findings.filter((f) => f.commit && !f.acknowledged).map((f) => f.commit!))];
    if (r.blocking && unacked.length > 0)
      head.push(m.unacknowledgedCommits(unacked.map((c) => commitLink(c, r)).join(', ')), '');
    else if (r.ackedByLabel && r.mode !== 'warn') head.push(m.acknowledgedByLabel(r.ackLabel), '');
    for (const severity of SEVERITIES) {
      const inSeverity = groups.filter((g) => g.severity === severity);
      if (inSeverity.length === 0) continue;
      const n = inSeverity.reduce((sum, g) => sum + g.findings.length, 0);
      inSeverity.forEach((g, i) =>
        blocks.push(`${i === 0 ? `#### ${m.severityHeading(severity, n)}\n` : ''}${findingBlock(g, r)}`),
      );
    }
  }
  if (r.notices.length > 0) {
    blocks.push(
      `#### ${m.notices}\n` +
        r.notices.map((n) => `- ${fileLink(n.file, n.line, r)} ${text(n.message)}`).join('\n') +
        '\n',
    );
  }
  if (r.changes.length > 0) blocks.push(changesBlock(r));
  const footer = ['', m.footer(r.headSha)].join('\n');
  let out = head.join('\n') + '\n';
  let shown = 0;
  for (const block of blocks) {
    if (out.length + block.length + footer.length + 200 > budget) break;
    out += `${block}\n`;
    shown++;
  }
  if (shown < blocks.length) out += `${m.moreFindings(blocks.length - shown)}\n`;
  return `${out.trimEnd()}\n${footer}\n`;
}

interface Group {
  contract: string;
  table: string;
  severity: Severity;
  owners: Owners;
  findings: Finding[];
}

/** Findings by contract, table and severity (a table's breaking and info changes are shown apart). */
function groupFindings(findings: Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const key = `${f.contract}\0${f.table}\0${f.severity}`;
    const g = groups.get(key) ?? {
      contract: f.contract,
      table: f.table,
      severity: f.severity,
      owners: f.owners,
      findings: [],
    };
    g.findings.push(f);
    groups.set(key, g);
  }
  return [...groups.values()];
}

function findingBlock(g: Group, r: Report): string {
  const lines = [`##### ${code(g.contract)} · ${code(g.table)}`];
  for (const f of g.findings) {
    const ack = f.acknowledgedBy
      ? ` _(${m.acknowledgedBy(commitLink(f.acknowledgedBy, r))})_`
      : f.acknowledged
        ? ` _(${m.acknowledged})_`
        : '';
    const made = f.commit ? ` · ${commitLink(f.commit, r)}` : '';
    lines.push(
      `- **${text(f.kind)}**${columnText(f, code)} ${fileLink(f.file, f.line, r, f.commit)} ${code(f.evidence)}${made}${ack}`,
      `  - ${code(f.code)} ${text(f.reason)}`,
    );
    if (f.note) lines.push(`  - ${text(f.note)}`);
  }
  lines.push(`- ${m.contact}: ${contacts(g.owners, r.people)}`);
  return lines.join('\n') + '\n';
}

function contacts(owners: Owners, people: Map<string, string>): string {
  const side = (label: string, emails: string[]) =>
    emails.length ? `${label} ${emails.map((e) => person(e, people)).join(', ')}` : '';
  return [side(m.sourceSide, owners.source), side(m.ingestionSide, owners.ingestion)]
    .filter(Boolean)
    .join('; ');
}

/** An owner: the mapped GitHub handle as a mention (that is the point), and the email as code. */
export function person(email: string, people: Map<string, string>): string {
  const handle = people.get(email.toLowerCase());
  const at = handle ? mention(handle) : undefined;
  return at ? `${at} (${code(email)})` : code(email);
}

/** `file:line`, linked to the file as of `commit` (the commit that made the change) or of the head. */
function fileLink(file: string, line: number, r: Report, commit?: string): string {
  const label = code(`${file}:${line}`);
  if (!r.blobUrl) return label;
  const path = file.split('/').map(encodeURIComponent).join('/');
  const base = commit ? r.blobUrl.replace(/\/blob\/[^/]+$/, `/blob/${commit}`) : r.blobUrl;
  return `[${label}](${base}/${path}#L${line})`;
}

/** A commit as GitHub shows it: its short id, linked to the commit page when the repository is known. */
function commitLink(commit: string, r: Report): string {
  const label = code(shortId(commit));
  if (!r.blobUrl || !/\/blob\/[^/]+$/.test(r.blobUrl)) return label;
  return `[${label}](${r.blobUrl.replace(/\/blob\/[^/]+$/, `/commit/${commit}`)})`;
}

function invalidBlock(r: Report): string {
  const lines = [`#### ${m.invalidHeading}`, m.invalidSummary(r.invalid.length)];
  for (const d of r.invalid.slice(0, 20))
    lines.push(`- ${fileLink(d.file, d.line, r)} ${code(d.rule)} ${text(d.message)}`);
  return lines.join('\n') + '\n';
}

function changesBlock(r: Report): string {
  const lines = [`#### ${m.contractChangesHeading}`];
  const worst = (c: ContractChange) =>
    Math.min(...c.rules.map((x) => severityRank(x.severity)), SEVERITIES.length);
  for (const c of [...r.changes].sort((a, b) => worst(a) - worst(b))) {
    const what =
      c.kind === 'added'
        ? m.contractAdded
        : c.kind === 'removed'
          ? m.contractRemoved
          : c.retired
            ? m.contractRetired
            : '';
    const whole = c.rules.filter((x) => x.field === undefined || x.field === 'status');
    lines.push(`- ${code(c.contract)} (${code(c.file)})${what ? ` — **${what}**` : ''}${ruleTags(whole)}`);
    for (const f of c.fields)
      if (f.field !== 'status' || !what)
        lines.push(`  - ${fieldLine(f, r.people)}${ruleTags(c.rules.filter((x) => x.field === f.field))}`);
    // Rules about what no field line shows (columns): their own line each.
    const shown = new Set<string>(['status', ...c.fields.map((f) => f.field)]);
    for (const x of c.rules)
      if (x.field !== undefined && !shown.has(x.field)) lines.push(`  - ${text(x.message)}${ruleTags([x])}`);
    lines.push(
      `  - ${m.ownersToReview}: ${changePeople(c)
        .map((e) => person(e, r.people))
        .join(', ')}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** The rules of a line, as `dcr diff` names them: ` — **breaking** `DCR-C402`, **info** `DCR-C422``. */
function ruleTags(rules: readonly RatedChange[]): string {
  const seen = [...new Map(rules.map((x) => [x.code, x])).values()];
  return seen.length ? ` — ${seen.map((x) => `**${x.severity}** ${code(x.code)}`).join(', ')}` : '';
}

function fieldLine(f: FieldChange, people: Map<string, string>): string {
  const name = m.field(f.field);
  if (f.added || f.removed) {
    const show = f.field.startsWith('owners.') ? (x: string) => person(x, people) : code;
    if (f.added?.length === 1 && f.removed?.length === 1)
      return `${name}: ${show(f.removed[0]!)} → ${show(f.added[0]!)}`;
    const parts = [
      ...(f.added ?? []).map((x) => `+${show(x)}`),
      ...(f.removed ?? []).map((x) => `−${show(x)}`),
    ];
    return `${name}: ${parts.join(' ')}`;
  }
  const v = (x: string | number | undefined) => (x === undefined ? '_none_' : code(String(x)));
  return `${name}: ${v(f.before)} → ${v(f.after)}`;
}
