import { isWord } from './cursor.js';
import { readName } from './qualified-name.js';
import type { TargetReader } from './target-reader.js';

/** TRUNCATE [TABLE] a, b. */
export function readTruncate(c: TargetReader): void {
  c.accept('TABLE');
  c.names('data');
}

/** INSERT/REPLACE/UPSERT [INTO] t, SQLite `INSERT OR ...`, Snowflake/Oracle multi-table inserts. */
export function readInsert(c: TargetReader): void {
  c.skip(new Set(['LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'IGNORE']));
  if (c.accept('OR')) c.i++; // SQLite INSERT OR REPLACE / OR IGNORE
  if (isWord(c.tok(), 'ALL', 'FIRST')) {
    // Snowflake/Oracle multi-table insert: every INTO at depth 0.
    for (let k = c.find((t) => isWord(t, 'INTO')); k >= 0; k = c.find((t) => isWord(t, 'INTO'), k + 1)) {
      c.i = k + 1;
      c.add(c.name(), 'data');
    }
    return;
  }
  c.accept('OVERWRITE');
  c.accept('INTO');
  c.accept('TABLE');
  c.add(c.name(), 'data');
}

/** UPDATE [TOP (n)] t (or an alias of a table in FROM). */
export function readUpdate(c: TargetReader): void {
  c.skip(new Set(['LOW_PRIORITY', 'IGNORE']));
  if (c.accept('TOP')) c.i = c.closeParen(c.i);
  c.add(resolveAlias(c, c.name()), 'data');
}

/** DELETE [TOP (n)] FROM t, or `DELETE t FROM ...` (MySQL, SQL Server) with t an alias. */
export function readDelete(c: TargetReader): void {
  c.skip(new Set(['LOW_PRIORITY', 'QUICK', 'IGNORE']));
  if (c.accept('TOP')) c.i = c.closeParen(c.i);
  if (c.accept('FROM')) c.add(c.name(), 'data');
  else c.add(resolveAlias(c, c.name()), 'data');
}

/** MERGE [INTO] t. */
export function readMerge(c: TargetReader): void {
  c.accept('INTO');
  c.add(c.name(), 'data');
}

/** Snowflake `COPY INTO t` (not a stage), PostgreSQL `COPY t [(cols)] FROM` (not `TO`). */
export function readCopy(c: TargetReader): void {
  if (c.accept('INTO')) {
    if (c.tok()?.type !== 'param' && c.tok()?.text !== '@') c.add(c.name(), 'data');
    return;
  }
  const n = c.name();
  if (c.tok()?.text === '(') c.i = c.closeParen(c.i);
  if (c.kw() === 'FROM') c.add(n, 'data');
}

/** MySQL `LOAD DATA ... INTO TABLE t`. */
export function readLoad(c: TargetReader): void {
  const into = c.find((t, k) => isWord(t, 'INTO') && isWord(c.tokens[k + 1], 'TABLE'));
  if (into >= 0) {
    c.i = into + 2;
    c.add(c.name(), 'data');
  }
}

/** REFRESH MATERIALIZED VIEW [CONCURRENTLY] v. */
export function readRefresh(c: TargetReader): void {
  c.accept('MATERIALIZED');
  if (c.accept('VIEW')) {
    c.accept('CONCURRENTLY');
    c.add(c.name(), 'data');
  }
}

/** SELECT ... INTO new_table (PostgreSQL, SQL Server) creates a table; in a block it fills variables. */
export function readSelectInto(c: TargetReader): void {
  if (c.procedural) return;
  const tokens = c.tokens;
  const into = c.find((t) => isWord(t, 'INTO'));
  if (
    into >= 0 &&
    !isWord(tokens[into + 1], 'OUTFILE', 'DUMPFILE', 'TEMP', 'TEMPORARY', 'UNLOGGED') &&
    tokens[into + 1]?.type !== 'param'
  ) {
    c.i = into + 1;
    c.accept('TABLE');
    c.add(c.name(), 'create');
  }
}

/** Words that end a FROM list (where its table names and aliases stop). */
const END_OF_FROM = new Set(['WHERE', 'RETURNING', 'ORDER', 'LIMIT', 'GROUP', 'OPTION', 'OUTPUT', 'SET']);

/**
 * `UPDATE t SET ... FROM orders t` / `DELETE t FROM orders t JOIN ...`: the alias stands for a
 * table. Only table positions of the FROM list are read (after FROM, JOIN or a comma), so
 * `UPDATE t ... FROM s WHERE t.col = s.col` keeps `t`.
 */
function resolveAlias(c: TargetReader, name: string | null | undefined): string | null | undefined {
  if (!name || name.includes('.')) return name;
  const tokens = c.tokens;
  const from = c.find((t) => isWord(t, 'FROM'));
  if (from < 0) return name;
  let tablePosition = true;
  for (let k = from + 1; k < c.end; k++) {
    const t = tokens[k]!;
    if (t.text === '(') {
      k = c.closeParen(k) - 1; // a derived table: its alias is not a table
      tablePosition = false;
      continue;
    }
    if (t.type === 'word' && END_OF_FROM.has(t.value)) break;
    if (isWord(t, 'JOIN', 'APPLY') || t.text === ',') {
      tablePosition = true;
      continue;
    }
    if (!tablePosition) continue;
    tablePosition = false;
    const n = readName(tokens, k, c.dialect);
    if (!n || n.text === null) continue;
    let a = n.end;
    if (isWord(tokens[a], 'AS')) a++;
    const alias = tokens[a];
    if (
      alias &&
      (alias.type === 'word' || alias.type === 'ident') &&
      alias.text.toLowerCase() === name.toLowerCase() &&
      n.text.toLowerCase() !== name.toLowerCase()
    ) {
      return n.text;
    }
    k = n.end - 1;
  }
  return name;
}
