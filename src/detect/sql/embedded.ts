import type { ChangeKind } from '../types.js';
import { chooseDialect, dialectNamed } from './dialect.js';
import { sqlTargets } from './file-changes.js';
import { collapseRebuilds } from './rebuilds.js';

/** A table change found in a piece of SQL, with the line inside that SQL (1-based). */
export interface SqlTableChange {
  table: string | null;
  kind: ChangeKind;
  line: number;
  evidence: string;
  renamedTo?: string;
}

/**
 * Table changes (targets only: DDL targets and INSERT/UPDATE/DELETE targets, not reads) in a
 * SQL text, for SQL embedded in other languages (Rails `execute`, Django `RunSQL`...).
 * Bookkeeping tables are left out and table rebuilds collapse to one change.
 */
export function sqlTableChanges(sql: string, options: { dialect?: string } = {}): SqlTableChange[] {
  const lines = sql.split(/\r?\n/);
  const found = collapseRebuilds(sqlTargets(sql, dialectNamed(options.dialect) ?? chooseDialect('', sql)));
  return found.map((t) => {
    const c: SqlTableChange = {
      table: t.table,
      kind: t.kind,
      line: t.line,
      evidence: (lines[t.line - 1] ?? '').trim(),
    };
    if (t.renamedTo) c.renamedTo = t.renamedTo;
    return c;
  });
}
