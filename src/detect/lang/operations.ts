import type { AlterDetail, ChangeKind, FileChange, TableChange } from '../types.js';
import { isBookkeepingTable } from '../sql/bookkeeping.js';
import { lineText, type Source } from './source.js';

/** One table operation found in a source file, with the lines it spans. */
export interface Operation {
  table: string | null;
  kind: ChangeKind;
  /** First and last line (1-based, inclusive) of the operation's source, block included. */
  start: number;
  end: number;
  /** The line that shows the operation (defaults to `start`). */
  line?: number;
  renamedTo?: string;
  /** What an `alter` does and the column it changes, when the extractor knows. */
  detail?: AlterDetail;
  column?: string;
  /** For a column rename, the new name. */
  columnTo?: string;
  /** In a down/downgrade/rollback direction: never counts. */
  down?: boolean;
}

/** The operations found in one image (before or after) of a file. */
export interface Parsed {
  src: Source;
  ops: Operation[];
}

/** A line that only closes a block (`}`, `end`, `)`): line diffs often shift these between blocks. */
const CLOSER = /^([)\]}]+[;,)]*|end)$/;

/** Lines of a set that hold code (not blank, not only a comment, not only a block closer). */
function codeLines(src: Source, lines: ReadonlySet<number>): number[] {
  return [...lines]
    .filter((l) => {
      const code = lineText(src, l, true).trim();
      return code !== '' && !CLOSER.test(code);
    })
    .sort((a, b) => a - b);
}

const EDITED_MIGRATION = 'edits an existing migration, which may already have been applied';

function evidence(src: Source, op: Operation, touched?: number): string {
  const head = lineText(src, op.line ?? op.start).trim();
  const t = touched !== undefined && touched !== (op.line ?? op.start) ? lineText(src, touched).trim() : '';
  const text = t && t !== head ? `${head} … ${t}` : head;
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

function toChange(src: Source, op: Operation, side: 'after' | 'before', touched?: number): TableChange {
  const change: TableChange = {
    table: op.table,
    kind: op.kind,
    line: touched ?? op.line ?? op.start,
    evidence: evidence(src, op, touched),
  };
  if (side === 'before') change.side = 'before';
  if (op.renamedTo !== undefined) change.renamedTo = op.renamedTo;
  if (op.detail !== undefined) change.detail = op.detail;
  if (op.column !== undefined) change.column = op.column;
  if (op.columnTo !== undefined) change.columnTo = op.columnTo;
  return change;
}

/**
 * The table changes of a migration-like file: every up operation of an added file, of the
 * pre-image of a deleted one, and in a modified file the operations whose lines intersect the
 * changed code lines (an operation only in the pre-image is reported on the 'before' side).
 * A pure rename reports nothing.
 */
export function changesFromOperations(
  change: FileChange,
  parse: (text: string) => Parsed,
  options: { migration: boolean } = { migration: true },
): TableChange[] {
  const out: TableChange[] = [];
  const seen = new Set<string>();
  const add = (c: TableChange): void => {
    if (c.table !== null && isBookkeepingTable(c.table)) return;
    // Several alters of one table's columns are several changes (`remove_columns :t, :a, :b`).
    const what = c.kind === 'alter' ? `|${c.detail ?? ''}|${c.column ?? ''}` : '';
    const key = `${c.table}|${c.kind}|${c.renamedTo ?? ''}${what}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  const live = (p: Parsed): Operation[] => p.ops.filter((o) => !o.down);
  if (change.status === 'added' || (change.after !== undefined && change.before === undefined)) {
    const p = parse(change.after ?? '');
    for (const op of live(p)) add(toChange(p.src, op, 'after'));
    return out;
  }
  if (change.status === 'deleted' || change.after === undefined) {
    const p = parse(change.before ?? '');
    for (const op of live(p)) add(toChange(p.src, op, 'before'));
    return out;
  }
  const after = parse(change.after);
  const before = parse(change.before ?? '');
  const added = codeLines(after.src, change.addedLines);
  const removed = codeLines(before.src, change.removedLines);
  const note = options.migration ? EDITED_MIGRATION : undefined;
  for (const op of live(after)) {
    const hit = added.find((l) => l >= op.start && l <= op.end);
    if (hit !== undefined) add({ ...toChange(after.src, op, 'after', hit), ...(note ? { note } : {}) });
  }
  for (const op of live(before)) {
    const hit = removed.find((l) => l >= op.start && l <= op.end);
    if (hit !== undefined) add({ ...toChange(before.src, op, 'before', hit), ...(note ? { note } : {}) });
  }
  return out;
}

/** One model/table definition in a declarative file (schema.rb, schema.prisma, models.py, entities). */
export interface Model {
  /** The model (class) name; equal to the table for schema dumps. */
  name: string;
  table: string;
  start: number;
  end: number;
  /** Lines inside the model that hold no schema (method bodies). */
  ignore?: ReadonlySet<number>;
}

/**
 * The table changes of a declarative file: diff the model sets of both images. A new table is
 * a create, a gone one a drop, a model whose table name changed a rename, and a model whose
 * lines intersect the changed code lines an alter.
 */
export function changesFromModels(
  change: FileChange,
  parse: (text: string) => { src: Source; models: Model[] },
): TableChange[] {
  const out: TableChange[] = [];
  const push = (c: TableChange): void => {
    if (!isBookkeepingTable(c.table ?? '')) out.push(c);
  };
  const after = change.after !== undefined ? parse(change.after) : undefined;
  const before = change.before !== undefined ? parse(change.before) : undefined;
  const op = (m: Model, kind: ChangeKind): Operation => ({
    table: m.table,
    kind,
    start: m.start,
    end: m.end,
  });
  if (!before || change.status === 'added') {
    for (const m of after?.models ?? []) push(toChange(after!.src, op(m, 'create'), 'after'));
    return out;
  }
  if (!after || change.status === 'deleted') {
    for (const m of before.models) push(toChange(before.src, op(m, 'drop'), 'before'));
    return out;
  }
  const added = codeLines(after.src, change.addedLines);
  const removed = codeLines(before.src, change.removedLines);
  if (added.length === 0 && removed.length === 0) return out;
  const beforeByTable = new Map(before.models.map((m) => [m.table, m]));
  const afterByTable = new Map(after.models.map((m) => [m.table, m]));
  const beforeByName = new Map(before.models.map((m) => [m.name, m]));
  const renamedFrom = new Set<string>();
  for (const m of after.models) {
    const old = beforeByName.get(m.name);
    if (!beforeByTable.has(m.table) && old && !afterByTable.has(old.table)) {
      renamedFrom.add(old.table);
      push({ ...toChange(after.src, op(m, 'rename'), 'after'), table: old.table, renamedTo: m.table });
    } else if (!beforeByTable.has(m.table)) push(toChange(after.src, op(m, 'create'), 'after'));
    else {
      const hit = added.find((l) => l >= m.start && l <= m.end && !m.ignore?.has(l));
      const old = beforeByTable.get(m.table)!;
      const gone = removed.find((l) => l >= old.start && l <= old.end && !old.ignore?.has(l));
      if (hit !== undefined) push(toChange(after.src, op(m, 'alter'), 'after', hit));
      else if (gone !== undefined) push(toChange(before.src, op(old, 'alter'), 'before', gone));
    }
  }
  for (const m of before.models) {
    if (!afterByTable.has(m.table) && !renamedFrom.has(m.table))
      push(toChange(before.src, op(m, 'drop'), 'before'));
  }
  return out;
}
