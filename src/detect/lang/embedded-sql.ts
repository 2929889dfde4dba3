import { sqlTableChanges } from '../sql/embedded.js';
import { stringText } from './args.js';
import type { Operation } from './operations.js';
import { firstStringFrom, lineOf, type Source } from './source.js';

/** Statement ranges [start, end) of a SQL text, split at `;` outside quotes, comments and dollar quotes. */
export function splitSql(sql: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  let k = 0;
  const n = sql.length;
  while (k < n) {
    const c = sql[k]!;
    if (c === "'" || c === '"' || c === '`') {
      const e = sql.indexOf(c, k + 1);
      k = e < 0 ? n : e + 1;
    } else if (c === '-' && sql[k + 1] === '-') {
      const e = sql.indexOf('\n', k);
      k = e < 0 ? n : e;
    } else if (c === '/' && sql[k + 1] === '*') {
      const e = sql.indexOf('*/', k + 2);
      k = e < 0 ? n : e + 2;
    } else if (c === '$' && /^\$\w*\$/.test(sql.slice(k, k + 40))) {
      const tag = /^\$\w*\$/.exec(sql.slice(k, k + 40))![0];
      const e = sql.indexOf(tag, k + tag.length);
      k = e < 0 ? n : e + tag.length;
    } else if (c === ';') {
      out.push([from, k + 1]);
      from = k + 1;
      k++;
    } else k++;
  }
  if (sql.slice(from).trim() !== '') out.push([from, n]);
  return out.filter(([a, b]) => sql.slice(a, b).replace(/--.*$/gm, '').trim() !== '');
}

/** Whether a name came out of interpolated code (`#{table}`, `${t}`), which was filled with `_`. */
const interpolated = (name: string): boolean => /(^|\.)"?_{2,}"?$/.test(name) || /^_+$/.test(name);

/**
 * SQL table changes in a piece of SQL at source offset `base` (the SQL has the same offsets as
 * the source from there), each spanning the lines of its statement.
 */
export function sqlOperationsIn(src: Source, sql: string, base: number, dialect?: string): Operation[] {
  const first = lineOf(src, base);
  const statements = splitSql(sql).map(([a, b]) => {
    const lead = sql.slice(a, b).length - sql.slice(a, b).trimStart().length;
    return [lineOf(src, base + a + lead), lineOf(src, base + Math.max(a, b - 1))] as const;
  });
  const ops: Operation[] = [];
  for (const c of sqlTableChanges(sql, dialect ? { dialect } : {})) {
    const line = first + c.line - 1;
    const [start, end] = statements.find(([s, e]) => line >= s && line <= e) ?? [line, line];
    const op: Operation = {
      table: c.table !== null && interpolated(c.table) ? null : c.table,
      kind: c.kind,
      start,
      end,
      line,
    };
    if (c.renamedTo !== undefined) op.renamedTo = c.renamedTo;
    ops.push(op);
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
