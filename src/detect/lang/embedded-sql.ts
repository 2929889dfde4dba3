import { splitAlter } from '../sql/alter-detail.js';
import { dialectNamed } from '../sql/dialect.js';
import { sqlTableChanges } from '../sql/embedded.js';
import { splitStatements } from '../sql/split.js';
import { stringText } from './args.js';
import type { Operation } from './operations.js';
import { firstStringFrom, lineOf, type Source } from './source.js';

/** Whether a name came out of interpolated code (`#{table}`, `${t}`), which was filled with `_`. */
const interpolated = (name: string): boolean => /(^|\.)"?_{2,}"?$/.test(name) || /^_+$/.test(name);

/**
 * SQL table changes in a piece of SQL at source offset `base` (the SQL has the same offsets as
 * the source from there), each spanning the lines of its statement.
 */
export function sqlOperationsIn(src: Source, sql: string, base: number, dialect?: string): Operation[] {
  const first = lineOf(src, base);
  // Statements in SQL lines (the SQL keeps the source's line breaks).
  const statements = splitStatements(sql, dialectNamed(dialect) ?? 'generic');
  const ops: Operation[] = [];
  for (const c of sqlTableChanges(sql, dialect ? { dialect } : {})) {
    const statement = statements.find((st) => c.line >= st.line && c.line <= st.endLine);
    const line = first + c.line - 1;
    const op: Operation = {
      table: c.table !== null && interpolated(c.table) ? null : c.table,
      kind: c.kind,
      start: statement ? first + statement.line - 1 : line,
      end: statement ? first + statement.endLine - 1 : line,
      line,
    };
    if (c.renamedTo !== undefined) op.renamedTo = c.renamedTo;
    ops.push(...splitAlter(op, statement?.text ?? c.evidence));
  }
  return ops;
}

/** SQL table changes in the string literals of the source range [start, end) (an `execute(...)` argument). */
export function sqlOperations(src: Source, start: number, end: number, dialect?: string): Operation[] {
  const limit = end;
  for (let i = firstStringFrom(src, start); i < src.strings.length && src.strings[i]!.open < limit; i++) {
    end = Math.max(end, src.strings[i]!.close);
  }
  return sqlOperationsIn(src, stringText(src, start, end), start, dialect);
}

/** The dialect SQL text suggests by its quoting: backticks for MySQL, brackets for SQL Server. */
export function sniffDialect(text: string): string | undefined {
  if (/`\w+`/.test(text)) return 'mysql';
  if (/\[dbo\]|\bnvarchar\b/i.test(text)) return 'sqlserver';
  if (/"\w+"|\bserial\b|\bjsonb\b|\btimestamptz\b/i.test(text)) return 'postgres';
  return undefined;
}

/** A SQL file as a {@link Source}: comments masked, so comment-only lines are not code. */
export function sqlSource(text: string): Source {
  const masked = text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === '\n') lineStarts.push(k + 1);
  return { text, masked, strings: [], lineStarts };
}
