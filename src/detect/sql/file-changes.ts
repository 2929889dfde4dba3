import type { FileChange, TableChange } from '../types.js';
import { bareName, isBookkeepingTable } from './bookkeeping.js';
import { isWord } from './cursor.js';
import { indexKey, indexTables } from './index-tables.js';
import { statementTargets } from './statement-targets.js';
import { statementFacts } from './table-facts.js';
import type { Dialect } from './dialect.js';
import { collapseRebuilds } from './rebuilds.js';
import { changesOnBothSides, type Located } from './sides.js';
import { splitStatements, type Statement } from './split.js';
import type { SqlTarget } from './target.js';

export interface SqlFileOptions {
  dialect: Dialect;
  /** Blanks out parts of the text that are not SQL (keeping line numbers), e.g. Jinja blocks. */
  prepare?: (text: string) => string;
  /** Only statements on lines this function accepts count (e.g. a golang-migrate up section). */
  lineFilter?: (line: number, side: 'after' | 'before') => boolean;
}

export interface LocatedTarget extends Omit<SqlTarget, 'lines'> {
  line: number;
  /** Code lines of the statement: it counts as changed when one of them changed. */
  lines: Set<number>;
}

/** Every target in a SQL text with the line of its statement, bookkeeping tables left out. */
export function sqlTargets(text: string, dialect: Dialect): LocatedTarget[] {
  return readSql(text, dialect).flatMap((r) => r.targets);
}

/** A statement and the targets found in it. */
interface ReadStatement {
  statement: Statement;
  targets: LocatedTarget[];
}

/**
 * Every statement of a SQL text with its targets. Bookkeeping tables and tables the same text
 * creates as temporary (session scratch, dropped or gone when it ends) are left out.
 */
function readSql(text: string, dialect: Dialect, otherImage?: string): ReadStatement[] {
  const statements = splitStatements(text, dialect);
  const temporary = temporaryTables(statements);
  const indexes = indexTables(statements, dialect);
  if (otherImage !== undefined) indexTables(splitStatements(otherImage, dialect), dialect, indexes);
  return statements.map((s) => ({
    statement: s,
    targets: statementTargetsAt(s, dialect, temporary).map((t) => resolveIndex(t, indexes)),
  }));
}

/** A `DROP INDEX ix` gets the table of the statement that created `ix` (this file, either image), or stays unknown. */
function resolveIndex(t: LocatedTarget, indexes: ReadonlyMap<string, string>): LocatedTarget {
  if (t.index === undefined) return t;
  const { index, ...rest } = t;
  const table = indexes.get(indexKey(index));
  if (table) return { ...rest, table, note: `drops index ${index}` };
  return { ...rest, note: `drops index ${index}; the statement that created it is not in this file` };
}

function statementTargetsAt(s: Statement, dialect: Dialect, temporary: ReadonlySet<string>): LocatedTarget[] {
  const out: LocatedTarget[] = [];
  for (const t of statementTargets(s.tokens, dialect, s.text)) {
    if (t.table !== null && isBookkeepingTable(t.table)) continue;
    if (t.table !== null && temporary.has(tableKey(bareName(t.table)))) continue;
    const start = s.tokens[t.at];
    const line = t.line ?? start?.line ?? s.line;
    // A sub-statement inside a block counts only by its own lines; a whole statement by all of its code lines.
    const lines = t.lines
      ? new Set(t.lines)
      : t.at === 0
        ? s.codeLines
        : subLines(s.codeLines, line, s.tokens, t.at);
    out.push({ ...t, line, lines });
  }
  return out;
}

/** `CREATE [GLOBAL|LOCAL] TEMP[ORARY] TABLE [IF NOT EXISTS] x`: the names of a text's temporary tables. */
function temporaryTables(statements: readonly Statement[]): Set<string> {
  const out = new Set<string>();
  for (const { tokens } of statements) {
    if (!isWord(tokens[0], 'CREATE')) continue;
    let k = 1;
    while (isWord(tokens[k], 'GLOBAL', 'LOCAL', 'OR', 'REPLACE')) k++;
    if (!isWord(tokens[k], 'TEMP', 'TEMPORARY') || !isWord(tokens[k + 1], 'TABLE')) continue;
    k += 2;
    while (isWord(tokens[k], 'IF', 'NOT', 'EXISTS')) k++;
    const t = tokens[k];
    if (t && (t.type === 'word' || t.type === 'ident'))
      out.add(tableKey(t.type === 'word' ? t.text : t.value));
  }
  return out;
}

/** A table name as a comparison key: quotes dropped, case folded. */
const tableKey = (table: string | null): string =>
  table === null ? '\u0000' : table.replace(/["`[\]]/g, '').toLowerCase();

/**
 * Per table, the canonical facts the statements of a text state about it (see table-facts.ts):
 * two texts whose facts about a table are equal do the same to it, however they are written.
 */
function tableFacts(
  read: ReadStatement[],
  dialect: Dialect,
  keep: (line: number) => boolean,
): Map<string, string> {
  const facts = new Map<string, string[]>();
  for (const { statement, targets } of read) {
    const kept = targets.filter((t) => keep(t.line));
    if (kept.length === 0) continue;
    const stated = statementFacts(statement.tokens, dialect);
    for (const key of new Set(kept.map((t) => tableKey(t.table)))) {
      const list = facts.get(key) ?? [];
      list.push(...stated);
      facts.set(key, list);
    }
  }
  return new Map([...facts].map(([k, v]) => [k, v.sort().join('\n')]));
}

function subLines(
  all: Set<number>,
  line: number,
  tokens: { line: number; text: string }[],
  at: number,
): Set<number> {
  const lines = new Set<number>();
  for (let k = at; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (k > at && t.text === ';') break;
    if (all.has(t.line)) lines.add(t.line);
  }
  lines.add(line);
  return lines;
}

/**
 * The table changes in a SQL file change: the whole before- and after-image are parsed and
 * the statements whose code lines intersect the changed lines are kept (every statement of an
 * added file; the before-image's statements of a deleted file, kind as written).
 */
export function sqlFileChanges(change: FileChange, options: SqlFileOptions): TableChange[] {
  const prepare = options.prepare ?? ((t: string) => t);
  const read = new Map<'after' | 'before', ReadStatement[]>();
  const readSide = (side: 'after' | 'before', text: string): ReadStatement[] => {
    let r = read.get(side);
    const other = side === 'after' ? change.before : change.after;
    if (!r)
      read.set(
        side,
        (r = readSql(prepare(text), options.dialect, other === undefined ? undefined : prepare(other))),
      );
    return r;
  };
  const keep = (side: 'after' | 'before') => (line: number) =>
    !options.lineFilter || options.lineFilter(line, side);
  const changes = changesOnBothSides(change, (text, side) =>
    collapseRebuilds(readSide(side, text).flatMap((r) => r.targets))
      .filter((t) => keep(side)(t.line))
      .map((t) => {
        const l: Located = {
          table: t.table,
          kind: t.kind,
          line: t.line,
          from: t.line,
          to: t.line,
          lines: t.lines,
        };
        if (t.renamedTo) l.renamedTo = t.renamedTo;
        if (t.note) l.note = t.note;
        return l;
      }),
  );
  if (change.before === undefined || change.after === undefined || changes.length === 0) return changes;
  // An edit that only rewrites statements with the same effect (layout, comments, synonyms,
  // moved statements, a final newline) changes no table: compare what both texts state.
  const before = tableFacts(readSide('before', change.before), options.dialect, keep('before'));
  const after = tableFacts(readSide('after', change.after), options.dialect, keep('after'));
  return changes.filter((c) => {
    const key = tableKey(c.table);
    const was = before.get(key);
    return was === undefined || was !== after.get(key);
  });
}
