import { literalAt, positional } from '../lang/args.js';
import { findCalls, type CallSite } from '../lang/calls.js';
import type { Operation } from '../lang/operations.js';
import { lineText, type Source } from '../lang/source.js';
import type { AlterDetail } from '../types.js';

/**
 * What a schema statement does to the columns it names: the detail, and where the column
 * names sit (`from`: the first positional argument holding one; `many`: every one after it).
 * `ref` names are references (`user` is `user_id`), `stamps` the two timestamp columns.
 */
interface Shape {
  detail: AlterDetail;
  from?: number;
  many?: boolean;
  ref?: boolean;
  stamps?: boolean;
}
const col = (detail: AlterDetail, from: number, many = false): Shape => ({ detail, from, many });
const ref = (detail: AlterDetail, from: number): Shape => ({ detail, from, many: true, ref: true });
const INDEX: Shape = { detail: 'index' };
const CONSTRAINT: Shape = { detail: 'constraint' };

/** Top-level statements (`add_column :t, :c, ...`): the table is the first argument. */
export const STATEMENTS: Record<string, Shape> = {
  add_column: col('add-column', 1),
  remove_column: col('drop-column', 1),
  remove_columns: col('drop-column', 1, true),
  rename_column: col('rename-column', 1),
  change_column: col('column-type', 1),
  change_column_default: col('default', 1),
  change_column_null: col('nullability', 1),
  add_index: INDEX,
  remove_index: INDEX,
  rename_index: INDEX,
  add_reference: ref('add-column', 1),
  add_belongs_to: ref('add-column', 1),
  remove_reference: ref('drop-column', 1),
  remove_belongs_to: ref('drop-column', 1),
  add_timestamps: { detail: 'add-column', stamps: true },
  remove_timestamps: { detail: 'drop-column', stamps: true },
  add_foreign_key: CONSTRAINT,
  remove_foreign_key: CONSTRAINT,
  validate_foreign_key: CONSTRAINT,
  add_check_constraint: CONSTRAINT,
  remove_check_constraint: CONSTRAINT,
  validate_check_constraint: CONSTRAINT,
  add_exclusion_constraint: CONSTRAINT,
  remove_exclusion_constraint: CONSTRAINT,
  add_unique_constraint: CONSTRAINT,
  remove_unique_constraint: CONSTRAINT,
};

/** Column types of the table definition (`t.string :a, :b` adds both). */
const COLUMN_TYPES = (
  'string text integer bigint smallint float decimal numeric datetime timestamp ' +
  'timestamptz time date binary blob boolean json jsonb uuid inet cidr macaddr hstore ' +
  'citext ltree xml tsvector money bit bit_varying interval point line lseg box path ' +
  'polygon circle int4range int8range numrange tsrange tstzrange daterange enum virtual ' +
  'serial bigserial oid primary_key'
).split(' ');

/** Calls on the block variable of `change_table :t do |t|`: the table is the block's. */
const TABLE_METHODS: Record<string, Shape> = {
  ...Object.fromEntries(COLUMN_TYPES.map((t) => [t, col('add-column', 0, true)])),
  column: col('add-column', 0),
  remove: col('drop-column', 0, true),
  rename: col('rename-column', 0),
  change: col('column-type', 0),
  change_default: col('default', 0),
  change_null: col('nullability', 0),
  index: INDEX,
  remove_index: INDEX,
  rename_index: INDEX,
  references: ref('add-column', 0),
  belongs_to: ref('add-column', 0),
  remove_references: ref('drop-column', 0),
  remove_belongs_to: ref('drop-column', 0),
  timestamps: { detail: 'add-column', stamps: true },
  remove_timestamps: { detail: 'drop-column', stamps: true },
  foreign_key: CONSTRAINT,
  remove_foreign_key: CONSTRAINT,
  check_constraint: CONSTRAINT,
  remove_check_constraint: CONSTRAINT,
  unique_constraint: CONSTRAINT,
  remove_unique_constraint: CONSTRAINT,
  exclusion_constraint: CONSTRAINT,
  remove_exclusion_constraint: CONSTRAINT,
};

/**
 * The detailed operations of one call: one per column it names. A column name Rails cannot
 * read statically (a variable) leaves that operation a bare alter: dcr does not guess.
 */
export function detailedOps(
  src: Source,
  site: CallSite,
  shape: Shape,
  base: Omit<Operation, 'kind'>,
): Operation[] {
  const op = (column?: string): Operation =>
    column === undefined
      ? { ...base, kind: 'alter' }
      : { ...base, kind: 'alter', detail: shape.detail, column };
  if (shape.stamps) return [op('created_at'), op('updated_at')];
  if (shape.from === undefined) return [{ ...base, kind: 'alter', detail: shape.detail }];
  const args = positional(site.call).slice(shape.from, shape.many ? undefined : shape.from + 1);
  if (args.length === 0) return [op()];
  const polymorphic =
    shape.ref && /\bpolymorphic:\s*(?!false|nil)/.test(src.masked.slice(site.nameAt, site.call.end));
  if (shape.detail === 'rename-column') {
    // `rename_column :t, :old, :new` / `t.rename :old, :new`: the new name follows the old.
    const name = literalAt(src, args[0]!.value);
    const next = positional(site.call)[shape.from + 1];
    const to = next ? literalAt(src, next.value) : undefined;
    return [name === undefined ? op() : { ...op(name), ...(to !== undefined ? { columnTo: to } : {}) }];
  }
  return args.flatMap((a) => {
    const name = literalAt(src, a.value);
    if (name === undefined) return [op()];
    if (!shape.ref) return [op(name)];
    return polymorphic ? [op(`${name}_id`), op(`${name}_type`)] : [op(`${name}_id`)];
  });
}

/**
 * The operations of a `change_table :t do |t| ... end` block: one per call on its block
 * variable. Each also counts from the block's first line (a changed table name changes them all);
 * a line that uses the variable in a way dcr does not read is a bare alter of the table.
 */
export function changeTableOps(
  src: Source,
  site: CallSite,
  table: string | null,
  [start, end]: [number, number],
  down: boolean,
): Operation[] | undefined {
  const header = src.masked.slice(site.call.end, src.lineStarts[site.endLine] ?? src.masked.length);
  const v = /(?:\bdo|\{)\s*\|\s*(\w+)\s*\|/.exec(header)?.[1];
  if (!v) return undefined;
  // The block's body: after the header, up to its `end` (or, on one line, the end of that line).
  const from = site.call.end;
  const to = end > site.endLine ? src.lineStarts[end - 1]! : from + header.length;
  const ops: Operation[] = [];
  const covered = new Set<number>();
  for (const inner of findCalls(src, Object.keys(TABLE_METHODS), true)) {
    if (inner.at < from || inner.at >= to || inner.receiver.replace(/\s+/g, '') !== `${v}.`) continue;
    const lines: Pick<Operation, 'start' | 'end'> = { start: inner.startLine, end: inner.endLine };
    ops.push(...detailedOps(src, inner, TABLE_METHODS[inner.name]!, { ...lines, table, down }));
    for (let l = inner.startLine; l <= inner.endLine; l++) covered.add(l);
  }
  const uses = new RegExp(`(?<![\\w$@.])${v}\\s*\\.`);
  for (let l = site.endLine + 1; l < end; l++) {
    if (!covered.has(l) && uses.test(lineText(src, l, true)))
      ops.push({ table, kind: 'alter', start: l, end: l, down });
  }
  const head = ops.map((o) => ({ ...o, start, end: site.endLine, line: o.line ?? o.start }));
  return [...ops, ...head];
}
