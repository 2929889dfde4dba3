import { isWord } from './cursor.js';
import { readName } from './qualified-name.js';
import type { Classified, TargetReader } from './target-reader.js';

const CREATE_MODIFIERS = new Set([
  'GLOBAL',
  'LOCAL',
  'TEMP',
  'TEMPORARY',
  'UNLOGGED',
  'TRANSIENT',
  'VOLATILE',
  'EXTERNAL',
  'SECURE',
  'MATERIALIZED',
  'RECURSIVE',
  'FOREIGN',
  'VIRTUAL',
  'DYNAMIC',
  'ICEBERG',
  'HYBRID',
  'UNIQUE',
  'CLUSTERED',
  'NONCLUSTERED',
  'FULLTEXT',
  'SPATIAL',
  'BITMAP',
  'COLUMNSTORE',
  'CONSTRAINT',
  'OR',
  'REPLACE',
  'ALTER',
  'SHARDED',
  'MULTISET',
  'SET',
  'EVENT',
  'EDITIONABLE',
  'NONEDITIONABLE',
  // H2 storage: CREATE CACHED|MEMORY TABLE
  'CACHED',
  'MEMORY',
]);
const TABLE_OR_VIEW = new Set(['TABLE', 'VIEW']);
// MySQL `ALGORITHM=...`, `SQL SECURITY DEFINER` before VIEW.
const VIEW_OPTIONS = [
  'ALGORITHM',
  'SQL',
  'SECURITY',
  'DEFINER',
  'INVOKER',
  'MERGE',
  'UNDEFINED',
  'TEMPTABLE',
];
/** GRANT/REVOKE ON these objects changes no table's permissions. */
const NOT_TABLE_GRANTS = [
  'SCHEMA',
  'DATABASE',
  'FUNCTION',
  'SEQUENCE',
  'ALL',
  'TYPE',
  'PROCEDURE',
  'LANGUAGE',
  'FOREIGN',
  'TABLESPACE',
  'DOMAIN',
  'ROUTINE',
  'WAREHOUSE',
  'INTEGRATION',
  'STAGE',
  'FUTURE',
];

/** CREATE TABLE/VIEW (not temporary), CREATE INDEX/TRIGGER/POLICY ... ON t, CREATE RULE ... TO t. */
export function readCreate(c: TargetReader): Classified | undefined {
  const tokens = c.tokens;
  let temporary = false;
  let orReplace = false;
  while (CREATE_MODIFIERS.has(c.kw()) || c.tok()?.text === '=' || (c.kw() === 'DEFINER' && c.i++ >= 0)) {
    if (c.kw() === 'TEMP' || c.kw() === 'TEMPORARY') temporary = true;
    if (c.kw() === 'REPLACE' || c.kw() === 'ALTER') orReplace = true;
    c.i++;
    if (tokens[c.i - 1]?.text === '=') c.i++; // DEFINER = x, ALGORITHM = y
    while (c.tok()?.type === 'param' || c.tok()?.text === '@') c.i++;
  }
  while (VIEW_OPTIONS.includes(c.kw()) || c.tok()?.text === '=') c.i++;
  const object = c.kw();
  c.i++;
  if (TABLE_OR_VIEW.has(object)) {
    const n = c.name();
    if (!temporary)
      c.add(n, 'create', orReplace && object === 'VIEW' ? { note: 'view definition replaced' } : {});
  } else if (object === 'INDEX') {
    const on = c.find((t) => isWord(t, 'ON'));
    if (on >= 0) {
      c.i = on + 1;
      c.add(c.name(), 'alter');
    }
  } else if (object === 'TRIGGER' || object === 'POLICY') {
    const stop = c.find((t) => isWord(t, 'ON', 'AS', 'BEGIN', 'EXECUTE', 'FOR', 'WHEN'));
    if (stop >= 0 && isWord(tokens[stop], 'ON')) {
      c.i = stop + 1;
      if (!isWord(c.tok(), 'DATABASE', 'ALL')) c.add(c.name(), 'alter');
    }
    return { targets: c.targets, swallow: c.dialect !== 'postgres' };
  } else if (object === 'RULE') {
    const to = c.find((t) => isWord(t, 'TO'));
    if (to >= 0) {
      c.i = to + 1;
      c.add(c.name(), 'alter');
    }
  } else if (['PROCEDURE', 'PROC', 'FUNCTION', 'PACKAGE', 'EVENT'].includes(object)) {
    return { targets: c.targets, swallow: c.dialect !== 'postgres' };
  }
  return undefined;
}

/** ALTER TABLE/VIEW t ...: a rename (`RENAME TO`, `RENAME AS`, MySQL `RENAME x`) or an alter. */
export function readAlter(c: TargetReader): void {
  const tokens = c.tokens;
  c.skip(new Set(['MATERIALIZED', 'FOREIGN', 'EXTERNAL', 'ONLINE', 'IGNORE']));
  const object = c.kw();
  c.i++;
  if (!TABLE_OR_VIEW.has(object)) return;
  const n = c.name();
  if (n === undefined) return;
  if (
    c.accept('RENAME', 'TO') ||
    c.accept('RENAME', 'AS') ||
    (c.kw() === 'RENAME' &&
      !isWord(c.tok(1), 'COLUMN', 'CONSTRAINT', 'INDEX', 'KEY') &&
      readName(tokens, c.i + 1, c.dialect) &&
      tokens[c.i + 2]?.text !== 'TO' &&
      c.accept('RENAME'))
  ) {
    const to = readName(tokens, c.i, c.dialect);
    c.add(n, 'rename', to?.text ? { renamedTo: to.text } : {});
  } else c.add(n, 'alter');
}

/** DROP TABLE/VIEW a, b; DROP INDEX/TRIGGER/POLICY/RULE x ON t. */
export function readDrop(c: TargetReader): void {
  c.skip(new Set(['MATERIALIZED', 'FOREIGN', 'EXTERNAL', 'TEMPORARY']));
  const object = c.kw();
  c.i++;
  if (TABLE_OR_VIEW.has(object)) {
    c.names('drop');
  } else if (['INDEX', 'TRIGGER', 'POLICY', 'RULE'].includes(object)) {
    // MySQL and SQL Server name the table (`DROP INDEX ix ON t`); PostgreSQL does not.
    const on = c.find((t) => isWord(t, 'ON'));
    if (on >= 0) {
      c.i = on + 1;
      c.add(c.name(), 'alter');
    } else if (object === 'INDEX') {
      c.accept('CONCURRENTLY');
      for (;;) {
        const index = c.name();
        if (!index) break;
        // SQL Server's old form `DROP INDEX t.ix` names the table; elsewhere a dot is a schema.
        const dot = index.lastIndexOf('.');
        if (c.dialect === 'sqlserver' && dot > 0) c.add(index.slice(0, dot), 'alter');
        else c.add(null, 'alter', { index });
        if (c.tok()?.text !== ',') break;
        c.i++;
      }
    }
  }
}

/** MySQL `RENAME TABLE a TO b, c TO d`. */
export function readRename(c: TargetReader): void {
  c.accept('TABLE');
  for (;;) {
    const from = c.name();
    if (!c.accept('TO')) break;
    const to = readName(c.tokens, c.i, c.dialect);
    c.add(from, 'rename', to?.text ? { renamedTo: to.text } : {});
    if (!to) break;
    c.i = to.end;
    if (c.tok()?.text !== ',') break;
    c.i++;
  }
}

/** COMMENT ON TABLE t / COMMENT ON COLUMN t.c. */
export function readComment(c: TargetReader): void {
  if (!c.accept('ON')) return;
  c.skip(new Set(['MATERIALIZED', 'FOREIGN']));
  const object = c.kw();
  c.i++;
  if (TABLE_OR_VIEW.has(object)) c.add(c.name(), 'alter');
  else if (object === 'COLUMN') {
    const text = readName(c.tokens, c.i, c.dialect)?.text;
    if (text) {
      const cut = lastDot(text);
      if (cut > 0) c.add(text.slice(0, cut), 'alter');
    }
  }
}

/** GRANT/REVOKE ... ON [TABLE] a, b: a permission change of each table. */
export function readGrant(c: TargetReader): void {
  const on = c.find((t) => isWord(t, 'ON'));
  if (on < 0) return;
  c.i = on + 1;
  if (c.accept('TABLE') || !isWord(c.tok(), ...NOT_TABLE_GRANTS))
    c.names('alter', { note: 'permission change' });
}

/** The last dot outside quotes. */
function lastDot(name: string): number {
  let quote = '';
  let at = -1;
  for (let k = 0; k < name.length; k++) {
    const ch = name[k]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === '`') quote = ch;
    else if (ch === '[') quote = ']';
    else if (ch === '.') at = k;
  }
  return at;
}
