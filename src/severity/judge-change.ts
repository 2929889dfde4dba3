import type { IngestionType } from '../contract/types.js';
import type { AlterDetail, ChangeKind } from '../detect/types.js';
import { RULE_SEVERITY, type RuleCode } from './codes.js';
import { newTypeOf, nullabilityOf, widens } from './column-facts.js';
import { guardReasons as r } from './messages.js';
import type { Severity } from './severity.js';

/** What a contract says about one of its tables: the columns its job reads, its key and cursor. */
export interface JobColumns {
  /** Columns the job reads (empty: the contract lists none, so any column may be read). */
  columns: readonly { name: string; type?: string; nullable?: boolean }[];
  keyColumns: readonly string[];
  cursorColumn?: string;
}

/** The facts of one change the guard found, as the rules need them. */
export interface ChangeFacts {
  change: ChangeKind;
  kind: ChangeKind | AlterDetail;
  column?: string;
  evidence: string;
  confidence: 'certain' | 'possible';
  /** The contracted name is the new name of a rename (another table takes its place). */
  renamedInto?: boolean;
}

export interface Judgement {
  code: RuleCode;
  severity: Severity;
  /** Why, in one sentence, with the column. */
  reason: string;
}

const judged = (code: RuleCode, reason: string): Judgement => ({
  code,
  severity: RULE_SEVERITY[code],
  reason,
});

/** Compares column names as databases mostly do: quotes off, case aside. */
const key = (name: string) => name.replace(/^["`[]|["`\]]$/g, '').toLowerCase();

/**
 * Judges one change against the job that reads the table: breaking, risky or info, with its
 * rule code. Pure and cheap (no I/O): it runs on the hook's hot path.
 */
export function judgeChange(
  facts: ChangeFacts,
  job: { ingestionType: IngestionType; columns?: JobColumns },
): Judgement {
  if (facts.confidence === 'possible') return judged('DCR-R207', r.possible());
  switch (facts.change) {
    case 'drop':
      return judged('DCR-B101', r.dropped());
    case 'rename':
      return facts.renamedInto ? judged('DCR-R206', r.renamedInto()) : judged('DCR-B102', r.renamed());
    case 'create':
      return judged('DCR-I301', r.created());
    case 'data':
      return judged('DCR-R201', r.data(job.ingestionType === 'incremental' || job.ingestionType === 'cdc'));
    case 'alter':
      break;
  }
  const column = facts.column;
  switch (facts.kind) {
    case 'add-column':
      return judged('DCR-I302', r.added(column));
    case 'index':
      return judged('DCR-I303', r.index());
    case 'constraint':
      return judged('DCR-I304', r.constraint());
    case 'drop-column':
    case 'rename-column':
    case 'column-type':
    case 'nullability':
    case 'default':
      return judgeColumn(facts.kind, facts.evidence, column, job);
    default:
      // `ALTER TABLE new RENAME TO old_name`: extractors report the table that takes the name as altered.
      return /\bRENAME\s+(?:TO|AS)\b/i.test(facts.evidence)
        ? judged('DCR-R206', r.renamedInto())
        : judged('DCR-R204', r.unknownAlter());
  }
}

function judgeColumn(
  kind: 'drop-column' | 'rename-column' | 'column-type' | 'nullability' | 'default',
  evidence: string,
  column: string | undefined,
  job: { ingestionType: IngestionType; columns?: JobColumns },
): Judgement {
  const cols = job.columns;
  const name = column ? key(column) : undefined;
  if (cols && name !== undefined) {
    if (job.ingestionType === 'incremental' && cols.cursorColumn && key(cols.cursorColumn) === name)
      return judged('DCR-B106', r.cursor(column!));
    if (job.ingestionType === 'cdc' && kind !== 'default' && cols.keyColumns.some((k) => key(k) === name))
      return judged('DCR-B107', r.key(column!));
  }
  const read = new Set(
    cols
      ? [
          ...cols.columns.map((c) => key(c.name)),
          ...cols.keyColumns.map(key),
          ...(cols.cursorColumn ? [key(cols.cursorColumn)] : []),
        ]
      : [],
  );
  // Known to be read: the contract lists columns and names this one.
  const listed = read.size > 0 && name !== undefined;
  if (listed && !read.has(name)) return judged('DCR-I305', r.unread(column!));
  switch (kind) {
    case 'drop-column':
      return listed
        ? judged('DCR-B103', r.readDropped(column!))
        : judged('DCR-B108', r.unlistedDropped(column));
    case 'rename-column':
      return listed
        ? judged('DCR-B104', r.readRenamed(column!))
        : judged('DCR-B109', r.unlistedRenamed(column));
    case 'column-type': {
      const to = newTypeOf(evidence, column);
      const from = listed ? cols!.columns.find((c) => key(c.name) === name)?.type : undefined;
      if (from && to && widens(from, to)) return judged('DCR-R202', r.widened(column!, from, to));
      return listed
        ? judged('DCR-B105', r.readType(column!, to, from))
        : judged('DCR-R205', r.unlistedType(column));
    }
    case 'nullability':
      return nullabilityOf(evidence) === 'not-null'
        ? judged('DCR-I307', r.notNull(column))
        : judged('DCR-R203', r.nullable(column));
    case 'default':
      return judged('DCR-I306', r.defaultChanged(column));
  }
}
