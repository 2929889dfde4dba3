import type { Severity } from './severity.js';

/**
 * Every rule code and its severity. Codes are stable: a rule may be reworded, never renumbered.
 * Guard codes carry their severity in their letter (B1xx breaking, R2xx risky, I3xx info);
 * contract-diff codes are C4xx: C40x breaking, C41x risky, C42x info.
 * The README's "Severity and rule codes" table lists each one (test/severity/readme.test.ts).
 */
export const RULE_SEVERITY = {
  'DCR-B101': 'breaking', // table dropped
  'DCR-B102': 'breaking', // table renamed
  'DCR-B103': 'breaking', // a column the job reads dropped
  'DCR-B104': 'breaking', // a column the job reads renamed
  'DCR-B105': 'breaking', // a column the job reads changes type (not a known widening)
  'DCR-B106': 'breaking', // the cursor column of an incremental job changes
  'DCR-B107': 'breaking', // a key column of a CDC job changes
  'DCR-B108': 'breaking', // a column dropped, the contract lists no columns
  'DCR-B109': 'breaking', // a column renamed, the contract lists no columns
  'DCR-R201': 'risky', // data written in bulk
  'DCR-R202': 'risky', // a column the job reads widened
  'DCR-R203': 'risky', // a column the job reads made nullable
  'DCR-R204': 'risky', // table altered, what changed unknown
  'DCR-R205': 'risky', // a column's type changed, the contract lists no columns
  'DCR-R206': 'risky', // another table renamed to the contracted name
  'DCR-R207': 'risky', // a possible change, in a file dcr could not read
  'DCR-I301': 'info', // table created
  'DCR-I302': 'info', // column added
  'DCR-I303': 'info', // index changed
  'DCR-I304': 'info', // constraint changed
  'DCR-I305': 'info', // a column the job does not read changed
  'DCR-I306': 'info', // a column default changed
  'DCR-I307': 'info', // a column made NOT NULL
  'DCR-C401': 'breaking', // contract removed
  'DCR-C402': 'breaking', // table removed from a contract
  'DCR-C403': 'breaking', // column removed from a contract's table
  'DCR-C404': 'breaking', // cursor column changed
  'DCR-C405': 'breaking', // key columns changed
  'DCR-C406': 'breaking', // ingestion type changed
  'DCR-C411': 'risky', // an owner removed
  'DCR-C412': 'risky', // frequency changed
  'DCR-C413': 'risky', // deprecated or retired
  'DCR-C414': 'risky', // policy weakened
  'DCR-C415': 'risky', // source host or database changed
  'DCR-C416': 'risky', // source repository changed
  'DCR-C417': 'risky', // a column's type or nullability changed in the contract
  'DCR-C421': 'info', // contract added
  'DCR-C422': 'info', // table added
  'DCR-C423': 'info', // column added
  'DCR-C424': 'info', // an owner added
  'DCR-C425': 'info', // status changed otherwise
  'DCR-C426': 'info', // policy tightened
  'DCR-C427': 'info', // another field changed (description, tags, destination, source type, file)
} as const satisfies Record<string, Severity>;

export type RuleCode = keyof typeof RULE_SEVERITY;

export const RULE_CODES = Object.keys(RULE_SEVERITY) as RuleCode[];
