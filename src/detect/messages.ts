/**
 * Every sentence the change guard says to people, apart from the logic that decides when.
 * Errors are `{ message, hint }`; `fail` turns one into a DcrError.
 */
import { DcrError } from '../errors.js';
import type { Message } from '../messages.js';

/** A commit id as people read it: long enough to be unique in practice, short enough to type. */
export const shortId = (id: string): string => id.slice(0, 10);

/** Throws the message as a DcrError (exit code 2: usage or operational problem). */
export function fail(m: Message): never {
  throw new DcrError(m.message, m.hint === undefined ? {} : { hint: m.hint });
}

const SHALLOW_FIX =
  'fetch the full history: in GitHub Actions set `fetch-depth: 0` on actions/checkout; elsewhere run `git fetch --unshallow` (or `git fetch --deepen=200`)';

export const errors = {
  notARepo: (): Message => ({
    message: '`dcr check` needs a git repository, and this folder is not in one',
    hint: 'run it inside a git work tree, or pass --cwd',
  }),
  badRevision: (rev: string, role: string): Message => ({
    message: `--${role} ${JSON.stringify(rev)} is not a revision`,
    hint: 'give a branch, tag or commit id, such as `origin/main`',
  }),
  unknownRevision: (rev: string, role: string): Message => ({
    message: `--${role} ${JSON.stringify(rev)} names no commit in this repository`,
    hint: rev.includes('/')
      ? `fetch it first: \`git fetch origin\``
      : 'check the spelling, or fetch the branch first',
  }),
  shallowMissing: (rev: string): Message => ({
    message: `${JSON.stringify(rev)} is not in this shallow clone`,
    hint: SHALLOW_FIX,
  }),
  shallowNoBase: (base: string, head: string): Message => ({
    message: `this shallow clone does not reach the merge base of ${base} and ${head}`,
    hint: SHALLOW_FIX,
  }),
  noMergeBase: (base: string, head: string): Message => ({
    message: `${base} and ${head} have no common history`,
    hint: 'check that --base names the branch this work started from',
  }),
  badUpdates: (line: string): Message => ({
    message: `cannot read the ref update line ${JSON.stringify(line.slice(0, 200))}`,
    hint: 'git passes `<old-id> <new-id> <ref>` lines on stdin to pre-receive; run `dcr check --pre-receive` only from that hook',
  }),
};

export const notices = {
  skipped: (why: 'binary' | 'encoding' | 'size', maxBytes: number): string =>
    why === 'binary'
      ? 'binary file, not checked'
      : why === 'encoding'
        ? 'not valid UTF-8, not checked; save it as UTF-8 so dcr can read it'
        : `larger than ${Math.round(maxBytes / 1024)} KiB, not checked`,
  refDeleted: (ref: string): string => `${ref} is deleted; nothing to check`,
  tooManyCommits: (count: number, max: number): string =>
    `${count} new commits (more than ${max}) were checked as one diff; an acknowledgement in any of them counts`,
  unknownAck: (id: string, commit: string | undefined, suggestion: string | undefined): string =>
    `\`Data-Contract-Ack: ${id}\`${commit ? ` (commit ${shortId(commit)})` : ''} names no known contract, so it acknowledges nothing${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
  retiredAck: (id: string, commit: string | undefined): string =>
    `\`Data-Contract-Ack: ${id}\`${commit ? ` (commit ${shortId(commit)})` : ''} names a retired contract, so it acknowledges nothing`,
  unread: (): string =>
    'looks like schema code, but no reader of dcr understands this file; its changed lines were only searched for contracted table names',
  unknownTable: (evidence: string): string => `changes a table whose name dcr cannot tell: ${evidence}`,
  extractorFailed: (id: string, error: string): string =>
    `the ${id} reader failed on this file (${error}); it was not checked`,
  repoUnknown: (jobId: string, repo: string): string =>
    `contract ${jobId} is limited to ${repo}, but this repository's name is unknown (no remote, no \`repo:\` in the config); applied anyway`,
};

/** How a code name was matched to a contract table, shown beside the finding. */
export const matchNotes = {
  renamedInto: (from: string, to: string): string => `${from} is renamed to ${to}`,
  unqualified: (code: string, contract: string): string =>
    `unqualified \`${code}\` in code matches ${contract}`,
  defaultSchema: (code: string, schema: string, contract: string): string =>
    `\`${code}\` read as ${schema}.${code} (defaultSchema) matches ${contract}`,
};

const trailers = (jobIds: string[]) => jobIds.map((j) => `\`Data-Contract-Ack: ${j}\``).join(' and ');

type Described = { kind: string; change: string; column?: string; columnTo?: string };

/**
 * The column a finding's change touches, after its kind (` total → total_cents` for a
 * rename; empty when none). `name` quotes a name for the medium (Markdown code).
 */
export function columnText(f: Described, name: (s: string) => string = (s) => s): string {
  if (f.change !== 'alter' || !f.column) return '';
  return ` ${name(f.column)}${f.columnTo ? ` → ${name(f.columnTo)}` : ''}`;
}

/** What a finding's change does, as people read it: `rename-column total → total_cents`. */
export const changeText = (f: Described): string => `${f.kind}${columnText(f)}`;

/** Words of the report for people. */
export const report = {
  possible: (): string =>
    'possible: dcr could not read this file fully; a contracted name is on a changed line',
  none: (): string => 'no contracted table is changed',
  header: (contracts: number): string =>
    `${contracts} contract${contracts === 1 ? '' : 's'} affected by this change`,
  contact: (source: string[], ingestion: string[]): string =>
    `contact: ${[...source, ...ingestion].join(', ')}`,
  acknowledged: (): string => 'acknowledged (Data-Contract-Ack)',
  acknowledgedBy: (jobIds: string[]): string => `acknowledged with Data-Contract-Ack: ${jobIds.join(', ')}`,
  blocking: (jobIds: string[]): Message => ({
    message: `blocked: ${jobIds.length} contract${jobIds.length === 1 ? '' : 's'} with policy "block" ${jobIds.length === 1 ? 'is' : 'are'} affected`,
    hint: `talk to the owners, then add ${trailers(jobIds)} as the last line(s) of the commit message`,
  }),
  warnOnly: (): string => 'policy "warn": nothing is blocked, but please tell the owners before this merges',
  infoOnly: (): string => 'only changes that do not affect the jobs (info): nothing to do',
  infoPolicy: (): string => 'info',
  severityHeading: (severity: string, n: number): string =>
    `${severity.toUpperCase()} (${n} finding${n === 1 ? '' : 's'})`,
  advisory: (): string =>
    'the commit-msg hook decides whether this commit is blocked (a Data-Contract-Ack trailer acknowledges a finding)',
  madeIn: (commit: string): string => `commit ${shortId(commit)}`,
  acknowledgedIn: (commit: string): string => `acknowledged by commit ${shortId(commit)}`,
  willBlock: (jobIds: string[]): Message => ({
    message: `this commit will be blocked unless its message acknowledges ${jobIds.length === 1 ? 'this change' : 'these changes'} (policy "block")`,
    hint: `talk to the owners, then end the commit message with ${trailers(jobIds)}`,
  }),
  blockedBrief: (jobIds: string[], where: string[]): string =>
    `dcr: blocked, ${jobIds.join(', ')} (policy "block"): ${where.join(', ')}`,
  acknowledgedBrief: (jobIds: string[], where: string[]): string =>
    `dcr: acknowledged with Data-Contract-Ack: ${jobIds.join(', ')} (${where.join(', ')})`,
  rewordHeader: (): string =>
    'commits to reword (talk to the owners, then end each message with the line shown):',
  rewordAmend: (): string => 'the last commit: `git commit --amend`, add the line at the end of the message',
  rewordRebase: (command: string): string =>
    `older commits: \`${command}\`, change \`pick\` to \`reword\` on each commit listed above`,
  rewordLater: (jobIds: string[]): string =>
    `or acknowledge them in a new commit on top: \`git commit --allow-empty -m "Acknowledge contract changes" ${jobIds.map((j) => `-m "Data-Contract-Ack: ${j}"`).join(' ')}\``,
  rewordThen: (): string => 'then push again',
  bypassed: (gate: 'ci' | 'server' | 'local'): string =>
    gate === 'local'
      ? "these commits have no acknowledgement that dcr's local hooks (commit-msg, pre-push) would have asked for: the hooks were skipped (DCR_SKIP=1, --no-verify) or are not installed."
      : `${gate === 'ci' ? 'these commits reached CI' : 'these commits reached the server'} without an acknowledgement that dcr's local hooks (commit-msg, pre-push) would have asked for: they were skipped (DCR_SKIP=1, --no-verify) or are not installed. This check is the authoritative gate.`,
  moreAnnotations: (n: number): string =>
    `${n} more finding${n === 1 ? '' : 's'} of this kind; see the job log for the full list`,
};
