import { keyword, literalAt, positional, readParenArgs, type Arg } from '../lang/args.js';
import type { CallSite } from '../lang/calls.js';
import type { Operation } from '../lang/operations.js';
import type { Source } from '../lang/source.js';
import type { AlterDetail } from '../types.js';

/** `queryRunner` calls that change one or more columns, and what they do to each. */
const COLUMN_CALLS: Record<string, { detail: AlterDetail; many: boolean }> = {
  addColumn: { detail: 'add-column', many: false },
  addColumns: { detail: 'add-column', many: true },
  dropColumn: { detail: 'drop-column', many: false },
  dropColumns: { detail: 'drop-column', many: true },
  renameColumn: { detail: 'rename-column', many: false },
  changeColumn: { detail: 'column-type', many: false },
  changeColumns: { detail: 'column-type', many: true },
};

/** The other `queryRunner` calls that alter a table: indexes, keys and checks. */
const KEY_CALLS: Record<string, AlterDetail> = Object.fromEntries([
  ...['createIndex', 'createIndices', 'dropIndex', 'dropIndices'].map((n) => [n, 'index']),
  ...[
    'createForeignKey',
    'createForeignKeys',
    'dropForeignKey',
    'dropForeignKeys',
    'createPrimaryKey',
    'dropPrimaryKey',
    'updatePrimaryKeys',
    'createUniqueConstraint',
    'createUniqueConstraints',
    'dropUniqueConstraint',
    'dropUniqueConstraints',
    'createCheckConstraint',
    'createCheckConstraints',
    'dropCheckConstraint',
    'dropCheckConstraints',
    'createExclusionConstraint',
    'createExclusionConstraints',
    'dropExclusionConstraint',
    'dropExclusionConstraints',
  ].map((n) => [n, 'constraint']),
]) as Record<string, AlterDetail>;

/** Whether `name` is a queryRunner call this module details. */
export const isDetailedCall = (name: string): boolean => name in COLUMN_CALLS || name in KEY_CALLS;

/** Every `queryRunner` call that alters an existing table. */
export const RUNNER_ALTERS: readonly string[] = [...Object.keys(COLUMN_CALLS), ...Object.keys(KEY_CALLS)];

/** The arguments of the object literal starting at `open` (`{`), its keys read as keywords. */
const objectArgs = (src: Source, open: number) => readParenArgs(src, open);

/**
 * The column an argument names: a string (or a constant holding one), `new TableColumn({ name:
 * 'x', ... })` or a plain `{ name: 'x' }`. Undefined for anything else (a variable).
 */
function columnName(
  src: Source,
  a: Arg | undefined,
  consts: ReadonlyMap<string, string>,
): string | undefined {
  if (!a) return undefined;
  const code = src.masked.slice(a.value, a.end).trim();
  if (/^(['"`])_*\1$/.test(code) || /^[A-Za-z_$][\w$.]*$/.test(code)) return literalAt(src, a.value, consts);
  const obj = /^(?:new\s+TableColumn\s*\(\s*)?\{/.exec(code);
  if (!obj) return undefined;
  const open = src.masked.indexOf('{', a.value);
  return columnName(src, keyword(objectArgs(src, open), 'name'), consts);
}

/** The elements of an array literal argument, or undefined when it is not one. */
function elements(src: Source, a: Arg | undefined): Arg[] | undefined {
  if (!a || src.masked[a.value] !== '[') return undefined;
  return readParenArgs(src, a.value).args;
}

/** `{ oldColumn, newColumn }` of `changeColumns`: what the change does to the old column. */
function changed(
  src: Source,
  a: Arg,
  consts: ReadonlyMap<string, string>,
): { detail: AlterDetail; column: string; columnTo?: string } | undefined {
  if (src.masked[a.value] !== '{') return undefined;
  const obj = objectArgs(src, a.value);
  return changeDetail(src, keyword(obj, 'oldColumn'), keyword(obj, 'newColumn'), consts);
}

/** A column changed into another: renamed when both names are known and differ, else retyped. */
function changeDetail(
  src: Source,
  oldArg: Arg | undefined,
  newArg: Arg | undefined,
  consts: ReadonlyMap<string, string>,
): { detail: AlterDetail; column: string; columnTo?: string } | undefined {
  const column = columnName(src, oldArg, consts);
  if (column === undefined) return undefined;
  const to = columnName(src, newArg, consts);
  return to !== undefined && to !== column
    ? { detail: 'rename-column', column, columnTo: to }
    : { detail: 'column-type', column };
}

/**
 * The operations of a `queryRunner` call that alters `table`: one per column it names, each
 * with what it does; a column it does not name (a variable) gives an operation without detail.
 */
export function runnerAlterOps(
  src: Source,
  site: CallSite,
  table: string | null,
  down: boolean,
  consts: ReadonlyMap<string, string>,
): Operation[] {
  const base: Operation = { table, kind: 'alter', start: site.startLine, end: site.endLine, down };
  const key = KEY_CALLS[site.name];
  if (key) return [{ ...base, detail: key }];
  const shape = COLUMN_CALLS[site.name];
  if (!shape) return [base];
  const args = positional(site.call);
  const one = (d: { detail: AlterDetail; column: string; columnTo?: string } | undefined): Operation =>
    d ? { ...base, ...d } : base;
  if (site.name === 'changeColumn') return [one(changeDetail(src, args[1], args[2], consts))];
  if (site.name === 'renameColumn') {
    const [column, to] = [columnName(src, args[1], consts), columnName(src, args[2], consts)];
    return [
      one(
        column === undefined
          ? undefined
          : { detail: 'rename-column', column, ...(to ? { columnTo: to } : {}) },
      ),
    ];
  }
  if (!shape.many) {
    const column = columnName(src, args[1], consts);
    return [one(column === undefined ? undefined : { detail: shape.detail, column })];
  }
  const items = elements(src, args[1]);
  if (!items || items.length === 0) return [base];
  return items.map((item) => {
    if (site.name === 'changeColumns') return one(changed(src, item, consts));
    const column = columnName(src, item, consts);
    return one(column === undefined ? undefined : { detail: shape.detail, column });
  });
}
