import { keyword, literalAt, positional, readParenArgs, type Arg, type Call } from '../lang/args.js';
import { blockEnd, matchBracket } from '../lang/blocks.js';
import { findCalls } from '../lang/calls.js';
import { sqlOperations } from '../lang/embedded-sql.js';
import { isIgnoredPath } from '../lang/ignored-paths.js';
import { ormTable } from '../lang/naming.js';
import { changesFromOperations, type Operation, type Parsed } from '../lang/operations.js';
import { firstStringFrom, lineOf, scanSource, type Source } from '../lang/source.js';
import type { AlterDetail, ChangeKind, Extractor } from '../types.js';

/** op.<name> → where the table argument is (keyword, position) and the kind. */
const OPS: Record<string, [string, number, ChangeKind]> = {
  create_table: ['table_name', 0, 'create'],
  drop_table: ['table_name', 0, 'drop'],
  rename_table: ['old_table_name', 0, 'rename'],
  add_column: ['table_name', 0, 'alter'],
  drop_column: ['table_name', 0, 'alter'],
  alter_column: ['table_name', 0, 'alter'],
  create_index: ['table_name', 1, 'alter'],
  drop_index: ['table_name', 1, 'alter'],
  create_foreign_key: ['source_table', 1, 'alter'],
  create_unique_constraint: ['table_name', 1, 'alter'],
  create_check_constraint: ['table_name', 1, 'alter'],
  create_primary_key: ['table_name', 1, 'alter'],
  create_exclude_constraint: ['table_name', 1, 'alter'],
  drop_constraint: ['table_name', 1, 'alter'],
  create_table_comment: ['table_name', 0, 'alter'],
  drop_table_comment: ['table_name', 0, 'alter'],
  bulk_insert: ['table', 0, 'data'],
};
const BATCH = [
  'add_column',
  'drop_column',
  'alter_column',
  'create_index',
  'drop_index',
  'create_foreign_key',
  'create_unique_constraint',
  'create_check_constraint',
  'create_primary_key',
  'create_exclude_constraint',
  'drop_constraint',
];

/** What the column and key operations change: a detail, or a column operation read by `columnDetail`. */
const DETAIL: Record<string, AlterDetail | 'column'> = {
  add_column: 'column',
  drop_column: 'column',
  alter_column: 'column',
  create_index: 'index',
  drop_index: 'index',
  create_foreign_key: 'constraint',
  create_unique_constraint: 'constraint',
  create_check_constraint: 'constraint',
  create_primary_key: 'constraint',
  create_exclude_constraint: 'constraint',
  drop_constraint: 'constraint',
};

/**
 * A name written out: one string literal, or a module constant assigned a literal once
 * (`LEGACY = "legacy_code"`). Not a variable, an f-string or a concatenation.
 */
function nameArg(src: Source, a: Arg | undefined): string | undefined {
  if (!a) return undefined;
  const code = src.masked.slice(a.value, a.end).trim();
  const literal = /^[rRuU]?(['"]+)_*\1$/;
  if (literal.test(code)) return literalAt(src, a.value);
  if (!/^[A-Z_][A-Z0-9_]*$/.test(code)) return undefined;
  const assigned = [
    ...src.masked.matchAll(new RegExp(`^([ \\t]*)${code}[ \\t]*(?::[^=\\n]*)?=(?!=)(.*)$`, 'gm')),
  ];
  const [only] = assigned;
  if (assigned.length !== 1 || only![1] !== '' || !literal.test(only![2]!.trim())) return undefined;
  return literalAt(src, only!.index + only![0].length - only![2]!.length);
}

/**
 * What `add_column` / `drop_column` / `alter_column` do, and to which column; `skip` is 1 on
 * `op` (the table comes first) and 0 on a batch context. Nothing when the column is not
 * written out. `alter_column` says the strongest of what it sets: a rename, then the type,
 * the nullability, the server default (a comment alone says nothing).
 */
function columnDetail(
  src: Source,
  name: string,
  call: Call,
  skip: number,
): { detail: AlterDetail; column: string; columnTo?: string } | undefined {
  const pos = positional(call);
  if (name === 'add_column') {
    const a = keyword(call, 'column') ?? pos[skip];
    const col = a && /^\s*(?:\w+\.)*Column\s*\(/.exec(src.masked.slice(a.value, a.end));
    if (!a || !col) return undefined;
    const column = nameArg(src, positional(readParenArgs(src, a.value + col[0].length - 1))[0]);
    return column === undefined ? undefined : { detail: 'add-column', column };
  }
  const column = nameArg(src, keyword(call, 'column_name') ?? pos[skip]);
  if (column === undefined) return undefined;
  if (name === 'drop_column') return { detail: 'drop-column', column };
  const has = (k: string) => keyword(call, k) !== undefined;
  const detail: AlterDetail | undefined = has('new_column_name')
    ? 'rename-column'
    : has('type_')
      ? 'column-type'
      : has('nullable')
        ? 'nullability'
        : has('server_default')
          ? 'default'
          : undefined;
  if (detail === 'rename-column') {
    const to = nameArg(src, keyword(call, 'new_column_name'));
    return { detail, column, ...(to !== undefined ? { columnTo: to } : {}) };
  }
  return detail && { detail, column };
}

/** The detail (and column) of an `op.*` or `batch_op.*` call that alters a table. */
function detailOf(src: Source, name: string, call: Call, skip: number): Partial<Operation> {
  const d = DETAIL[name];
  if (d === undefined) return {};
  if (d !== 'column') return { detail: d };
  return columnDetail(src, name, call, skip) ?? {};
}

/** Lines of `def downgrade...():` functions. */
function downLines(src: Source): Array<[number, number]> {
  return [...src.masked.matchAll(/^def\s+downgrade\w*\s*\(/gm)].map((m) => {
    const line = lineOf(src, m.index);
    return [line, blockEnd(src, line, false)];
  });
}

/**
 * `op.execute(sql)` / `op.execute(sa.text(sql))` with the SQL in a variable: the span of the
 * last `sql = ...` assignment before the call, when the argument is a bare name.
 */
function sqlHeldBy(src: Source, start: number, end: number): [number, number] | undefined {
  const arg = src.masked.slice(start, end).trim();
  const name = /^(?:(?:sa|sqlalchemy)\.)?(?:text\()?\s*([A-Za-z_]\w*)\s*\)?$/.exec(arg)?.[1];
  if (!name || /^(sa|sqlalchemy|text|True|False|None)$/.test(name)) return undefined;
  let found: [number, number] | undefined;
  for (const m of src.masked.matchAll(new RegExp(`^[ \\t]*${name}\\s*(?::[^=\\n]*)?\\+?=(?!=)\\s*`, 'gm'))) {
    // After the call only a module-level constant (read when the function runs) still applies.
    if (m.index >= start && (found || /^[ \t]/.test(m[0]))) break;
    const from = m.index + m[0].length;
    let to = src.masked.indexOf('\n', from);
    // A value spanning lines: up to the closing of the strings or brackets it opens.
    for (let i = firstStringFrom(src, from); i < src.strings.length && src.strings[i]!.open <= to; i++)
      to = Math.max(to, src.masked.indexOf('\n', src.strings[i]!.close - 1));
    if (/^[(]/.test(src.masked.slice(from))) to = Math.max(to, matchBracket(src, from));
    found = [found && /\+=/.test(m[0]) ? found[0] : from, to < 0 ? src.masked.length : to];
  }
  return found;
}

function opsOf(text: string): Parsed {
  const src = scanSource(text, 'python');
  const down = downLines(src);
  const isDown = (line: number): boolean => down.some(([a, b]) => line >= a && line <= b);
  const ops: Operation[] = [];
  // `sa.table("orders", ...)` / `table("orders")` objects for bulk_insert and op.execute(t.update()).
  const tableVars = new Map<string, string>();
  for (const m of src.masked.matchAll(/^\s*(\w+)\s*=\s*(?:sa\.|sqlalchemy\.)?(?:table|Table)\s*\(/gm)) {
    const name = literalAt(src, m.index + m[0].length);
    if (name) tableVars.set(m[1]!, name);
  }
  const nameOf = (call: Call, key: string, index: number): string | null => {
    const a = keyword(call, key) ?? positional(call)[index];
    const name = a
      ? (literalAt(src, a.value) ?? tableVars.get(src.masked.slice(a.value, a.end).trim()))
      : undefined;
    const schema = keyword(call, 'schema');
    const s = schema ? literalAt(src, schema.value) : undefined;
    return name ? ormTable(name, s) : null;
  };
  for (const site of findCalls(src, [...Object.keys(OPS), 'execute'], false)) {
    if (
      !/^op\.$/.test(site.receiver) &&
      !(site.name === 'execute' && /(conn|connection|bind|session)\.$/.test(site.receiver))
    )
      continue;
    const base = { start: site.startLine, end: site.endLine, down: isDown(site.startLine) };
    if (site.name === 'execute') {
      const a = positional(site.call)[0];
      if (!a) continue;
      const held = sqlHeldBy(src, a.start, a.end);
      const sqlOps = held
        ? sqlOperations(src, held[0], held[1]).map((o) => ({
            ...o,
            start: base.start,
            end: base.end,
            line: base.start,
          }))
        : sqlOperations(src, a.start, a.end);
      ops.push(...sqlOps.map((o) => ({ ...o, down: base.down })));
      const obj = /^(\w+)\s*\.\s*(insert|update|delete)\b/.exec(src.masked.slice(a.value, a.end));
      if (sqlOps.length === 0 && obj && tableVars.has(obj[1]!))
        ops.push({ ...base, table: tableVars.get(obj[1]!)!, kind: 'data' });
      continue;
    }
    const [key, index, kind] = OPS[site.name]!;
    const table = nameOf(site.call, key, index);
    if (site.name === 'rename_table') {
      const to = nameOf(site.call, 'new_table_name', 1);
      ops.push({ ...base, table, kind, ...(to ? { renamedTo: to } : {}) });
    } else ops.push({ ...base, table, kind, ...detailOf(src, site.name, site.call, 1) });
  }
  // with op.batch_alter_table("orders") as batch_op: batch_op.add_column(...)
  for (const site of findCalls(src, ['batch_alter_table'], false)) {
    const name = nameOf(site.call, 'table_name', 0);
    const as = /^\s*as\s+(\w+)\s*:/.exec(src.masked.slice(site.call.end, site.call.end + 80));
    const end = blockEnd(src, site.endLine, false);
    const down = isDown(site.startLine);
    const context: Operation = { table: name, kind: 'alter', start: site.startLine, end: site.endLine, down };
    const inner = as
      ? findCalls(src, BATCH, false).filter(
          (c) => c.receiver === `${as[1]}.` && c.startLine > site.endLine && c.startLine <= end,
        )
      : [];
    const innerOps = inner.map((c): Operation => ({
      table: name,
      kind: 'alter',
      start: c.startLine,
      end: c.endLine,
      down,
      ...detailOf(src, c.name, c.call, 0),
    }));
    ops.push(...innerOps);
    // A changed `with` line (another table) changes what every call of its block does; in a
    // new file the calls themselves come first and these copies fold into them.
    if (innerOps.length === 0) ops.push(context);
    else
      ops.push(
        ...innerOps.map((o) => ({ ...o, start: context.start, end: context.end, line: context.start })),
      );
  }
  return { src, ops };
}

/**
 * A revision by its header, wherever it lives and however `op` reaches it (projects that run
 * their own revisions pass `op` to `upgrade(op=None)` without importing alembic).
 */
const REVISION = (text: string): boolean =>
  /^revision\s*(?::[^=\n]*)?=\s*['"]\w+['"]/m.test(text) &&
  /^down_revision\s*(?::[^=\n]*)?=/m.test(text) &&
  /^def\s+upgrade\s*\(/m.test(text);

/** Alembic revisions (importing alembic, or with a revision header): `op.*` calls and SQL of `upgrade()`. */
export const alembicExtractor: Extractor = {
  id: 'alembic',
  matches: (path, text) =>
    /\.py$/.test(path) &&
    !isIgnoredPath(path) &&
    (/from alembic import|import alembic\b/.test(text) || REVISION(text)),
  extract: (change) => changesFromOperations(change, opsOf),
};
