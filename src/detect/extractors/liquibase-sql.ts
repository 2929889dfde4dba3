import { splitAlter } from '../sql/alter-detail.js';
import { isBookkeepingTable } from '../sql/bookkeeping.js';
import { chooseDialect, dialectNamed } from '../sql/dialect.js';
import { sqlTargets } from '../sql/file-changes.js';
import type { Located } from '../sql/sides.js';
import { splitStatements } from '../sql/split.js';

/** Targets of SQL embedded in a changelog, placed at the lines they occupy in the file. */
export function embeddedSql(
  body: string,
  firstLine: number,
  dialect: string | undefined,
  note?: string,
): Located[] {
  const d = dialectNamed(dialect) ?? chooseDialect('', body);
  const bodyLines = body.split('\n');
  const statements = splitStatements(body, d);
  return sqlTargets(body, d)
    .filter((t) => t.table === null || !isBookkeepingTable(t.table))
    .flatMap((t) => {
      const line = firstLine + t.line - 1;
      const lines = new Set([...t.lines].map((l) => firstLine + l - 1));
      const l: Located = {
        table: t.table,
        kind: t.kind,
        line,
        from: line,
        to: line,
        lines,
        evidence: bodyLines[t.line - 1] ?? '',
      };
      if (t.renamedTo) l.renamedTo = t.renamedTo;
      const n = [note, t.note].filter(Boolean).join('; ');
      if (n) l.note = n;
      // `ALTER TABLE t ADD a int, DROP b`: one change per action, read from the whole statement.
      const statement = statements.find((st) => t.line >= st.line && t.line <= st.endLine);
      return splitAlter(l, statement?.text ?? l.evidence ?? '');
    });
}
