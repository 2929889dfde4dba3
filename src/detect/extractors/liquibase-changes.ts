import type { Located } from '../sql/sides.js';
import type { AlterDetail, ChangeKind } from '../types.js';

/** A Liquibase change type: its kind and the attributes that name the changed table. */
export interface LiquibaseChangeType {
  kind: ChangeKind;
  /** The attribute holding the table (first present wins). */
  table: string[];
  renamedTo?: string;
  /** What the change does to the table, for an alter. */
  detail?: AlterDetail;
  /** The attribute naming the column it changes. */
  column?: string;
  /** Its columns may also be nested `column` entries, one change each (addColumn, dropColumn). */
  nested?: boolean;
}

const alter = (
  detail?: AlterDetail,
  more: Partial<LiquibaseChangeType> = {},
  table = 'tableName',
): LiquibaseChangeType => ({ kind: 'alter', table: [table], ...(detail ? { detail } : {}), ...more });
const data: LiquibaseChangeType = { kind: 'data', table: ['tableName'] };
const onColumn = (detail: AlterDetail, column = 'columnName') => alter(detail, { column });

/** Liquibase change types that change a table; preconditions and rollbacks are handled apart. */
export const LIQUIBASE_CHANGES: Record<string, LiquibaseChangeType> = {
  createTable: { kind: 'create', table: ['tableName'] },
  createView: { kind: 'create', table: ['viewName'] },
  dropTable: { kind: 'drop', table: ['tableName'] },
  dropView: { kind: 'drop', table: ['viewName'] },
  renameTable: { kind: 'rename', table: ['oldTableName'], renamedTo: 'newTableName' },
  renameView: { kind: 'rename', table: ['oldViewName'], renamedTo: 'newViewName' },
  addColumn: alter('add-column', { nested: true }),
  dropColumn: alter('drop-column', { column: 'columnName', nested: true }),
  renameColumn: onColumn('rename-column', 'oldColumnName'),
  modifyDataType: onColumn('column-type'),
  mergeColumns: alter(),
  addNotNullConstraint: onColumn('nullability'),
  dropNotNullConstraint: onColumn('nullability'),
  addDefaultValue: onColumn('default'),
  dropDefaultValue: onColumn('default'),
  // An identity now generates the column's values: its default, in effect.
  addAutoIncrement: onColumn('default'),
  addPrimaryKey: alter('constraint'),
  dropPrimaryKey: alter('constraint'),
  addUniqueConstraint: alter('constraint'),
  dropUniqueConstraint: alter('constraint'),
  addCheckConstraint: alter('constraint'),
  dropCheckConstraint: alter('constraint'),
  enableCheckConstraint: alter('constraint'),
  disableCheckConstraint: alter('constraint'),
  addLookupTable: { kind: 'create', table: ['newTableName'] },
  addForeignKeyConstraint: alter('constraint', {}, 'baseTableName'),
  dropForeignKeyConstraint: alter('constraint', {}, 'baseTableName'),
  dropAllForeignKeyConstraints: alter('constraint', {}, 'baseTableName'),
  createIndex: alter('index'),
  dropIndex: alter('index'),
  setTableRemarks: alter(),
  setColumnRemarks: alter(),
  insert: data,
  update: data,
  delete: data,
  loadData: data,
  loadUpdateData: data,
};

/** What one change of a changeset does: a detail and a column, and the nested column it comes from. */
export interface ChangeTarget {
  detail?: AlterDetail;
  column?: string;
  /** For renameColumn, the new name. */
  columnTo?: string;
  /** Index of the nested `column` entry it comes from. */
  nested?: number;
}

/** A name written out (a `${property}` placeholder is not known until Liquibase runs). */
const known = (name: string | undefined): string | undefined =>
  name && !name.includes('${') ? name : undefined;

/**
 * What a change does, one entry per column it touches: `attr` reads the change's attributes,
 * `nested` holds the names of its nested `column` entries. A column operation whose column is
 * not written out has no detail.
 */
export function changeTargets(
  name: string,
  attr: (a: string) => string | undefined,
  nested: ReadonlyArray<string | undefined>,
): ChangeTarget[] {
  const type = LIQUIBASE_CHANGES[name];
  if (name === 'mergeColumns') {
    // Two columns become one: both are dropped, the final one is added.
    const cols: Array<[AlterDetail, string]> = [
      ['drop-column', 'column1Name'],
      ['drop-column', 'column2Name'],
      ['add-column', 'finalColumnName'],
    ];
    return cols.map(([detail, a]) => {
      const column = known(attr(a));
      return column ? { detail, column } : {};
    });
  }
  if (!type?.detail) return [{}];
  if (!type.column && !type.nested) return [{ detail: type.detail }];
  const column = type.column ? known(attr(type.column)) : undefined;
  const to = name === 'renameColumn' ? known(attr('newColumnName')) : undefined;
  if (column) return [{ detail: type.detail, column, ...(to ? { columnTo: to } : {}) }];
  if (type.nested && nested.length > 0)
    return nested.map((n, i) => {
      const c = known(n);
      return c ? { detail: type.detail, column: c, nested: i } : { nested: i };
    });
  return [{}];
}

/**
 * The located changes of one change element (`base`, spanning `base.from`..`base.to`), one per
 * target: a nested column's change counts for its own lines and those of the element outside
 * every other nested column (`ranges`, first and last line of each), and shows both.
 */
export function perTarget(
  base: Located,
  targets: readonly ChangeTarget[],
  ranges: ReadonlyArray<[number, number]>,
  lineText: (line: number) => string,
): Located[] {
  return targets.map((t) => {
    const l: Located = { ...base };
    if (t.detail) l.detail = t.detail;
    if (t.column !== undefined) l.column = t.column;
    if (t.columnTo !== undefined) l.columnTo = t.columnTo;
    const own = t.nested === undefined ? undefined : ranges[t.nested];
    if (!own) return l;
    const lines = new Set<number>();
    for (let n = base.from; n <= base.to; n++) {
      const mine = n >= own[0] && n <= own[1];
      if (mine || !ranges.some(([a, b]) => n >= a && n <= b)) lines.add(n);
    }
    l.lines = lines;
    const head = lineText(base.line).trim();
    const col = lineText(own[0]).trim();
    if (own[0] !== base.line && col) l.evidence = `${head} … ${col}`;
    return l;
  });
}
