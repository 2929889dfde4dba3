import type { ChangeKind } from '../types.js';

/** A Liquibase change type: its kind and the attributes that name the changed table. */
export interface LiquibaseChangeType {
  kind: ChangeKind;
  /** The attribute holding the table (first present wins). */
  table: string[];
  renamedTo?: string;
}

const alter = (...table: string[]): LiquibaseChangeType => ({
  kind: 'alter',
  table: table.length ? table : ['tableName'],
});
const data: LiquibaseChangeType = { kind: 'data', table: ['tableName'] };

/** Liquibase change types that change a table; preconditions and rollbacks are handled apart. */
export const LIQUIBASE_CHANGES: Record<string, LiquibaseChangeType> = {
  createTable: { kind: 'create', table: ['tableName'] },
  createView: { kind: 'create', table: ['viewName'] },
  dropTable: { kind: 'drop', table: ['tableName'] },
  dropView: { kind: 'drop', table: ['viewName'] },
  renameTable: { kind: 'rename', table: ['oldTableName'], renamedTo: 'newTableName' },
  renameView: { kind: 'rename', table: ['oldViewName'], renamedTo: 'newViewName' },
  addColumn: alter(),
  dropColumn: alter(),
  renameColumn: alter(),
  modifyDataType: alter(),
  mergeColumns: alter(),
  addNotNullConstraint: alter(),
  dropNotNullConstraint: alter(),
  addDefaultValue: alter(),
  dropDefaultValue: alter(),
  addPrimaryKey: alter(),
  dropPrimaryKey: alter(),
  addUniqueConstraint: alter(),
  dropUniqueConstraint: alter(),
  addAutoIncrement: alter(),
  addLookupTable: { kind: 'create', table: ['newTableName'] },
  addForeignKeyConstraint: alter('baseTableName'),
  dropForeignKeyConstraint: alter('baseTableName'),
  dropAllForeignKeyConstraints: alter('baseTableName'),
  createIndex: alter(),
  dropIndex: alter(),
  setTableRemarks: alter(),
  setColumnRemarks: alter(),
  insert: data,
  update: data,
  delete: data,
  loadData: data,
  loadUpdateData: data,
};
