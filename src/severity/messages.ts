/** Every sentence about severities, rule codes and policies. */
import type { RuleCode } from './codes.js';
import type { PolicySetting } from './policy.js';
import type { Severity } from './severity.js';

const q = (name: string) => `\`${name}\``;

/** One line per rule: what it is about (the README table's "rule" column says the same). */
export const ruleTitles: Record<RuleCode, string> = {
  'DCR-B101': 'table dropped',
  'DCR-B102': 'table renamed',
  'DCR-B103': 'a column the job reads is dropped',
  'DCR-B104': 'a column the job reads is renamed',
  'DCR-B105': 'a column the job reads changes type',
  'DCR-B106': 'the cursor column of an incremental job changes',
  'DCR-B107': 'a key column of a CDC job changes',
  'DCR-B108': 'a column is dropped and the contract lists no columns',
  'DCR-B109': 'a column is renamed and the contract lists no columns',
  'DCR-R201': 'data written in bulk',
  'DCR-R202': 'a column the job reads is widened',
  'DCR-R203': 'a column the job reads is made nullable',
  'DCR-R204': 'the table is altered in a way dcr cannot tell',
  'DCR-R205': 'a column changes type and the contract lists no columns',
  'DCR-R206': 'another table is renamed to the contracted name',
  'DCR-R207': 'a possible change, in a file dcr could not read',
  'DCR-I301': 'table created',
  'DCR-I302': 'column added',
  'DCR-I303': 'index changed',
  'DCR-I304': 'constraint changed',
  'DCR-I305': 'a column the job does not read changes',
  'DCR-I306': 'a column default changes',
  'DCR-I307': 'a column is made NOT NULL',
  'DCR-C401': 'contract removed',
  'DCR-C402': 'table removed from the contract',
  'DCR-C403': 'column removed from the contract',
  'DCR-C404': 'cursor column changed',
  'DCR-C405': 'key columns changed',
  'DCR-C406': 'ingestion type changed',
  'DCR-C411': 'owner removed',
  'DCR-C412': 'frequency changed',
  'DCR-C413': 'contract deprecated or retired',
  'DCR-C414': 'policy weakened',
  'DCR-C415': 'source host or database changed',
  'DCR-C416': 'source repository changed',
  'DCR-C417': 'column type or nullability changed',
  'DCR-C421': 'contract added',
  'DCR-C422': 'table added',
  'DCR-C423': 'column added',
  'DCR-C424': 'owner added',
  'DCR-C425': 'status changed',
  'DCR-C426': 'policy tightened',
  'DCR-C427': 'field changed',
};

/** Why a guard finding has its code: one sentence with the column and the job's kind. */
export const guardReasons = {
  dropped: () => 'the job reads this table, and it is dropped',
  renamed: () => 'the job reads this table by its old name',
  readDropped: (c: string) => `the job reads ${q(c)}, and it is dropped`,
  readRenamed: (c: string) => `the job reads ${q(c)} by its old name`,
  readType: (c: string, to?: string, from?: string) =>
    `the job reads ${q(c)}${from ? ` (${q(from)})` : ''}, and its type changes${to ? ` to ${q(to)}` : ''}${from ? '' : '; state its type in the contract to let dcr tell a widening'}`,
  cursor: (c: string) => `${q(c)} is the cursor of this incremental job: rows may be missed or read twice`,
  key: (c: string) => `${q(c)} is a key column of this CDC job: changes can no longer be matched to rows`,
  unlistedDropped: (c?: string) =>
    `${c ? q(c) : 'a column'} is dropped, and the contract lists no columns, so the job may read it`,
  unlistedRenamed: (c?: string) =>
    `${c ? q(c) : 'a column'} is renamed, and the contract lists no columns, so the job may read it`,
  data: (incremental: boolean) =>
    incremental
      ? 'rows written in bulk: an incremental job may read them again, or miss them'
      : 'rows written in bulk: the next load carries them',
  widened: (c: string, from: string, to: string) => `the job reads ${q(c)}; ${q(from)} widens to ${q(to)}`,
  nullable: (c?: string) =>
    `${c ? `the job may read ${q(c)}` : 'a column'}, and it may now hold NULL (or its nullability changes)`,
  unknownAlter: () => 'dcr cannot tell what this alter changes',
  unlistedType: (c?: string) =>
    `${c ? q(c) : 'a column'} changes type; the contract lists no columns, so dcr cannot tell whether the job reads it`,
  renamedInto: () => 'another table takes the contracted name: the job reads different rows',
  possible: () => 'a contracted name on a changed line of a file dcr could not read',
  created: () => 'the table is created',
  added: (c?: string) => `${c ? q(c) : 'a column'} is added: the job reads only what it names`,
  index: () => 'an index or key change does not change what the job reads',
  constraint: () => 'a constraint does not change what the job reads',
  unread: (c: string) => `the job does not read ${q(c)}`,
  defaultChanged: (c?: string) =>
    `${c ? `the default of ${q(c)}` : 'a default'} changes; existing rows keep their values`,
  notNull: (c?: string) => `${c ? q(c) : 'a column'} is made NOT NULL: the job sees no NULL any more`,
};

const v = (x: unknown) => (x === undefined || x === '' ? '(none)' : String(x));

/** What a change to a contract is, in a few words (`dcr diff`, the PR summary). */
export const contractReasons = {
  added: () => 'contract added',
  removed: () => 'contract removed: its tables are no longer guarded',
  tableRemoved: (t: string) => `table removed: ${t} (no longer guarded for this job)`,
  tableAdded: (t: string) => `table added: ${t}`,
  columnRemoved: (t: string, c: string) => `column removed: ${t}.${c}`,
  columnAdded: (t: string, c: string) => `column added: ${t}.${c}`,
  columnChanged: (t: string, c: string, what: string) => `column ${t}.${c}: ${what}`,
  columnsListed: (t: string, n: number) => `columns listed for ${t}: ${n} (changes to others become info)`,
  columnsUnlisted: (t: string) => `the column list of ${t} is removed (every column counts as read again)`,
  cursor: (t: string, a?: string, b?: string) => `cursor column of ${t}: ${v(a)} → ${v(b)}`,
  keys: (t: string, a: readonly string[], b: readonly string[]) =>
    `key columns of ${t}: ${v(a.join(', '))} → ${v(b.join(', '))}`,
  ingestionType: (a: string, b: string) => `ingestion type: ${a} → ${b}`,
  ownerRemoved: (side: 'source' | 'ingestion', e: string) => `${side} owner removed: ${e}`,
  ownerAdded: (side: 'source' | 'ingestion', e: string) => `${side} owner added: ${e}`,
  frequency: (a?: number, b?: number) => `frequency: ${v(a)} → ${v(b)} minutes`,
  status: (a: string, b: string) => `status: ${a} → ${b}`,
  policy: (a?: PolicySetting, b?: PolicySetting) =>
    `policy: ${a === undefined ? '(default)' : policyWords(a)} → ${b === undefined ? '(default)' : policyWords(b)}`,
  scalar: (label: string, a?: string, b?: string) => `${label}: ${v(a)} → ${v(b)}`,
  other: (label: string, a: unknown, b: unknown) =>
    a === undefined && b === undefined ? `${label} changed` : `${label}: ${v(a)} → ${v(b)}`,
};

const policyWords = (p: PolicySetting) =>
  typeof p === 'string' ? p : severityMessages.policyText(p.block, p.warn);

export const severityMessages = {
  heading: (s: Severity, n: number) => `${s} (${n})`,
  /** How a policy reads in a report: `block`, or `block breaking, warn risky`. */
  policyText: (block: Severity | undefined, warn: Severity | undefined) =>
    [block ? `block ${block}` : '', `warn ${warn ?? 'info'}`].filter(Boolean).join(', '),
  badPolicy: (text: string) =>
    `a policy is warn, block, or thresholds such as block=breaking,warn=risky; not ${JSON.stringify(text)}`,
  policyHint:
    'severities are breaking, risky and info; `block=breaking` blocks what breaks the job, `warn=risky` warns from risky up and reports the rest as info',
};

/** Words of `dcr diff`. */
export const diffWords = {
  header: (n: number, contracts: number, from: string, to: string) =>
    `dcr diff: ${n} change${n === 1 ? '' : 's'} to ${contracts} contract${contracts === 1 ? '' : 's'} between ${from} and ${to}`,
  none: (from: string, to: string) => `no contract changes between ${from} and ${to}`,
  heading: (s: Severity, n: number) => `${s.toUpperCase()} (${n})`,
  invalid: (file: string, line: number, message: string) =>
    `${file}:${line}: invalid at the head revision (${message}); compared as absent`,
  failed: (s: Severity, n: number) => `✖ ${n} change${n === 1 ? '' : 's'} at ${s} or worse (--fail-on ${s})`,
  remoteContracts: (where: string) =>
    `dcr diff compares contracts in this repository's history, and the contracts are at ${where}`,
  remoteHint: 'run it in the contracts repository, or give the folder with --contracts DIR',
};
