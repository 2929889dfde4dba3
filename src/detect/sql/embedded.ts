import type { ChangeKind } from '../types.js';

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
 * The SQL work replaces this body with the real parser and tokenizer; keep the signature.
 */
export function sqlTableChanges(sql: string, _options: { dialect?: string } = {}): SqlTableChange[] {
  const out: SqlTableChange[] = [];
  const re = /\b(create|alter|drop)\s+table\s+(?:if\s+(?:not\s+)?exists\s+)?([\w."`[\]]+)|\b(insert\s+into|update|delete\s+from|truncate(?:\s+table)?)\s+([\w."`[\]]+)/gi;
  for (const m of sql.matchAll(re)) {
    const line = sql.slice(0, m.index).split('\n').length;
    const verb = (m[1] ?? m[3] ?? '').toLowerCase();
    const kind: ChangeKind = verb === 'create' ? 'create' : verb === 'alter' ? 'alter' : verb === 'drop' ? 'drop' : 'data';
    out.push({ table: m[2] ?? m[4] ?? null, kind, line, evidence: m[0] });
  }
  return out;
}
