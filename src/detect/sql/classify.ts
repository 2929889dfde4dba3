import type { ChangeKind } from '../types.js';
import { Cursor, isWord } from './cursor.js';
import type { Dialect } from './dialect.js';
import { readName } from './qualified-name.js';
import type { SqlTarget } from './target.js';
import { tokenize, type Token } from './tokenize.js';

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
]);
const TABLE_OR_VIEW = new Set(['TABLE', 'VIEW']);
/** Words that cannot be a table name where one is expected (guards against odd syntax). */
const NOT_A_NAME = new Set([
  'SET',
  'WHERE',
  'FROM',
  'SELECT',
  'VALUES',
  'AS',
  'ON',
  'TO',
  'USING',
  'DEFAULT',
  'TABLE',
  'INTO',
  'IF',
  'NOT',
  'EXISTS',
  'ONLY',
  'CASCADE',
  'RESTRICT',
  'AND',
  'OR',
  'WITH',
  'BEGIN',
  'END',
  'TOP',
  'ALL',
  'COLUMN',
  'SCHEMA',
  'DATABASE',
  'FUNCTION',
  'PROCEDURE',
  'SEQUENCE',
  'TYPE',
  'INDEX',
  'OUTFILE',
  'DUMPFILE',
  'STDIN',
  'STDOUT',
  'NULL',
  'LATERAL',
  'OVERWRITE',
  'IGNORE',
]);
/** Keywords that begin a statement that can change a table (used inside procedural blocks). */
export const STATEMENT_STARTS = new Set([
  'CREATE',
  'ALTER',
  'DROP',
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'TRUNCATE',
  'RENAME',
  'EXEC',
  'EXECUTE',
  'COPY',
  'PREPARE',
  'REPLACE',
  'UPSERT',
  'COMMENT',
  'GRANT',
  'REVOKE',
  'REFRESH',
  'LOAD',
  'WITH',
  'SELECT',
  'DO',
  'CALL',
  'SET',
  'IF',
  'BEGIN',
  'DECLARE',
  'WHILE',
  'PRINT',
  'USE',
  'RAISERROR',
  'THROW',
  'RETURN',
]);

/** What the classifier found in one statement, and where it stopped reading. */
interface Classified {
  targets: SqlTarget[];
  /** For routine definitions: the whole rest belongs to the body (nothing in it runs now). */
  swallow?: boolean;
}

/**
 * The tables a statement writes or changes (targets), never the ones it reads: DDL targets,
 * INSERT/UPDATE/DELETE/MERGE/COPY/TRUNCATE targets. Procedural blocks (T-SQL `IF ... BEGIN`,
 * PostgreSQL `DO $$ ... $$`) are scanned for the statements inside them.
 */
export function statementTargets(tokens: readonly Token[], dialect: Dialect): SqlTarget[] {
  const first = tokens[0];
  if (first === undefined) return [];
  if (dialect === 'sqlserver' || isWord(first, 'IF', 'BEGIN', 'WHILE', 'DECLARE')) {
    return scanBlock(tokens, 0, tokens.length, dialect);
  }
  return classify(tokens, 0, tokens.length, dialect, false).targets;
}

/** Finds and classifies the statements in a procedural block. */
function scanBlock(tokens: readonly Token[], from: number, to: number, dialect: Dialect): SqlTarget[] {
  const out: SqlTarget[] = [];
  let depth = 0;
  let k = from;
  while (k < to) {
    const t = tokens[k]!;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    if (
      depth === 0 &&
      t.type === 'word' &&
      isStatementStart(tokens, k, from) &&
      !isWord(t, 'IF', 'BEGIN', 'WHILE', 'DECLARE')
    ) {
      const end = subStatementEnd(tokens, k, to, dialect);
      const r = classify(tokens, k, end, dialect, true);
      out.push(...r.targets);
      if (r.swallow) break;
      k = Math.max(end, k + 1);
      continue;
    }
    k++;
  }
  return out;
}

const AFTER_NON_STATEMENT = new Set([
  'AFTER',
  'BEFORE',
  'ON',
  'FOR',
  'OF',
  'OR',
  'DO',
  'INSTEAD',
  'NOT',
  'IS',
  'BY',
]);

function isStatementStart(tokens: readonly Token[], k: number, from: number): boolean {
  const t = tokens[k]!;
  if (!STATEMENT_STARTS.has(t.value)) return false;
  if (k === from) return true;
  const prev = tokens[k - 1]!;
  if (prev.text === ',' || prev.text === '.' || prev.text === '=' || prev.text === '(') return false;
  return !(prev.type === 'word' && AFTER_NON_STATEMENT.has(prev.value));
}

/** End of a statement inside a block: `;`, a block keyword, or (no `;` needed in T-SQL) the next line-start statement. */
function subStatementEnd(tokens: readonly Token[], k: number, to: number, dialect: Dialect): number {
  let depth = 0;
  let cases = 0;
  for (let j = k + 1; j < to; j++) {
    const t = tokens[j]!;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    if (depth !== 0) continue;
    if (t.text === ';') return j;
    if (t.type !== 'word') continue;
    if (t.value === 'CASE') cases++;
    else if (t.value === 'END' && cases > 0) cases--;
    else if (cases === 0 && ['END', 'ELSE', 'ELSIF', 'ELSEIF', 'EXCEPTION'].includes(t.value)) return j;
    else if (
      cases === 0 &&
      dialect !== 'postgres' &&
      t.line > tokens[j - 1]!.endLine &&
      STATEMENT_STARTS.has(t.value) &&
      !['SELECT', 'WITH', 'SET'].includes(t.value) &&
      isStatementStart(tokens, j, k)
    ) {
      return j;
    }
  }
  return to;
}

function classify(
  tokens: readonly Token[],
  start: number,
  end: number,
  dialect: Dialect,
  procedural: boolean,
): Classified {
  const c = new Cursor(tokens, start, end);
  const targets: SqlTarget[] = [];
  const add = (name: string | null | undefined, kind: ChangeKind, extra: Partial<SqlTarget> = {}): void => {
    if (name === undefined) return;
    if (name !== null && NOT_A_NAME.has(name.toUpperCase())) return;
    targets.push({ table: name, kind, at: start, ...extra });
  };
  /** Reads a name at the cursor (skipping IF [NOT] EXISTS / ONLY), advancing past it. */
  const name = (): string | null | undefined => {
    if (!c.accept('IF', 'NOT', 'EXISTS')) c.accept('IF', 'EXISTS');
    c.accept('ONLY');
    const n = readName(tokens, c.i, dialect);
    if (!n) return undefined;
    c.i = n.end;
    if (c.tok()?.text === '*') c.i++;
    return n.temporary ? undefined : n.text;
  };

  // WITH cte AS (...), ... <statement>: data-modifying CTE bodies count, the rest are reads.
  if (c.accept('WITH')) {
    c.accept('RECURSIVE');
    while (c.i < end) {
      const open = c.find((t) => t.text === '(' || t.type === 'word', c.i + 1);
      const asAt = c.find((t) => isWord(t, 'AS'), c.i);
      if (asAt < 0 || open < 0) break;
      const bodyOpen = c.find((t) => t.text === '(', asAt);
      if (bodyOpen < 0) break;
      const close = c.closeParen(bodyOpen);
      if (isWord(tokens[bodyOpen + 1], 'INSERT', 'UPDATE', 'DELETE', 'MERGE')) {
        targets.push(...classify(tokens, bodyOpen + 1, close - 1, dialect, procedural).targets);
      }
      c.i = close;
      if (c.tok()?.text === ',') c.i++;
      else break;
    }
    return {
      targets: [
        ...targets,
        ...classify(tokens, c.i, end, dialect, procedural).targets.map((t) => ({ ...t, at: start })),
      ],
    };
  }

  const verb = c.kw();
  c.i++;
  switch (verb) {
    case 'CREATE': {
      let temporary = false;
      let orReplace = false;
      while (CREATE_MODIFIERS.has(c.kw()) || c.tok()?.text === '=' || (c.kw() === 'DEFINER' && c.i++ >= 0)) {
        if (c.kw() === 'TEMP' || c.kw() === 'TEMPORARY') temporary = true;
        if (c.kw() === 'REPLACE' || c.kw() === 'ALTER') orReplace = true;
        c.i++;
        if (tokens[c.i - 1]?.text === '=') c.i++; // DEFINER = x, ALGORITHM = y
        while (c.tok()?.type === 'param' || c.tok()?.text === '@') c.i++;
      }
      // MySQL `ALGORITHM=...`, `SQL SECURITY DEFINER` before VIEW.
      while (
        ['ALGORITHM', 'SQL', 'SECURITY', 'DEFINER', 'INVOKER', 'MERGE', 'UNDEFINED', 'TEMPTABLE'].includes(
          c.kw(),
        ) ||
        c.tok()?.text === '='
      )
        c.i++;
      const object = c.kw();
      c.i++;
      if (TABLE_OR_VIEW.has(object)) {
        const n = name();
        if (!temporary)
          add(n, 'create', orReplace && object === 'VIEW' ? { note: 'view definition replaced' } : {});
      } else if (object === 'INDEX') {
        const on = c.find((t) => isWord(t, 'ON'));
        if (on >= 0) {
          c.i = on + 1;
          add(name(), 'alter');
        }
      } else if (object === 'TRIGGER' || object === 'POLICY') {
        const stop = c.find((t) => isWord(t, 'ON', 'AS', 'BEGIN', 'EXECUTE', 'FOR', 'WHEN'));
        if (stop >= 0 && isWord(tokens[stop], 'ON')) {
          c.i = stop + 1;
          if (!isWord(c.tok(), 'DATABASE', 'ALL')) add(name(), 'alter');
        }
        return { targets, swallow: dialect !== 'postgres' };
      } else if (object === 'RULE') {
        const to = c.find((t) => isWord(t, 'TO'));
        if (to >= 0) {
          c.i = to + 1;
          add(name(), 'alter');
        }
      } else if (['PROCEDURE', 'PROC', 'FUNCTION', 'PACKAGE', 'EVENT'].includes(object)) {
        return { targets, swallow: dialect !== 'postgres' };
      }
      break;
    }
    case 'ALTER': {
      c.skip(new Set(['MATERIALIZED', 'FOREIGN', 'EXTERNAL', 'ONLINE', 'IGNORE']));
      const object = c.kw();
      c.i++;
      if (!TABLE_OR_VIEW.has(object)) break;
      const n = name();
      if (n === undefined) break;
      if (
        c.accept('RENAME', 'TO') ||
        c.accept('RENAME', 'AS') ||
        (c.kw() === 'RENAME' &&
          !isWord(c.tok(1), 'COLUMN', 'CONSTRAINT', 'INDEX', 'KEY') &&
          readName(tokens, c.i + 1, dialect) &&
          tokens[c.i + 2]?.text !== 'TO' &&
          c.accept('RENAME'))
      ) {
        const to = readName(tokens, c.i, dialect);
        add(n, 'rename', to?.text ? { renamedTo: to.text } : {});
      } else add(n, 'alter');
      break;
    }
    case 'DROP': {
      c.skip(new Set(['MATERIALIZED', 'FOREIGN', 'EXTERNAL', 'TEMPORARY']));
      const object = c.kw();
      c.i++;
      if (TABLE_OR_VIEW.has(object)) {
        for (;;) {
          add(name(), 'drop');
          if (c.tok()?.text !== ',') break;
          c.i++;
        }
      } else if (['INDEX', 'TRIGGER', 'POLICY', 'RULE'].includes(object)) {
        // MySQL and SQL Server name the table (`DROP INDEX ix ON t`); PostgreSQL does not.
        const on = c.find((t) => isWord(t, 'ON'));
        if (on >= 0) {
          c.i = on + 1;
          add(name(), 'alter');
        }
      }
      break;
    }
    case 'RENAME': {
      c.accept('TABLE');
      for (;;) {
        const from = name();
        if (!c.accept('TO')) break;
        const to = readName(tokens, c.i, dialect);
        add(from, 'rename', to?.text ? { renamedTo: to.text } : {});
        if (!to) break;
        c.i = to.end;
        if (c.tok()?.text !== ',') break;
        c.i++;
      }
      break;
    }
    case 'TRUNCATE': {
      c.accept('TABLE');
      for (;;) {
        add(name(), 'data');
        if (c.tok()?.text !== ',') break;
        c.i++;
      }
      break;
    }
    case 'INSERT':
    case 'REPLACE':
    case 'UPSERT': {
      c.skip(new Set(['LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'IGNORE']));
      if (c.accept('OR')) c.i++; // SQLite INSERT OR REPLACE / OR IGNORE
      if (isWord(c.tok(), 'ALL', 'FIRST')) {
        // Snowflake/Oracle multi-table insert: every INTO at depth 0.
        for (let k = c.find((t) => isWord(t, 'INTO')); k >= 0; k = c.find((t) => isWord(t, 'INTO'), k + 1)) {
          c.i = k + 1;
          add(name(), 'data');
        }
        break;
      }
      c.accept('OVERWRITE');
      c.accept('INTO');
      c.accept('TABLE');
      add(name(), 'data');
      break;
    }
    case 'UPDATE': {
      c.skip(new Set(['LOW_PRIORITY', 'IGNORE']));
      if (c.accept('TOP')) c.i = c.closeParen(c.i);
      const n = name();
      add(resolveAlias(c, n, dialect), 'data');
      break;
    }
    case 'DELETE': {
      c.skip(new Set(['LOW_PRIORITY', 'QUICK', 'IGNORE']));
      if (c.accept('TOP')) c.i = c.closeParen(c.i);
      if (c.accept('FROM')) {
        add(name(), 'data');
      } else {
        const n = name();
        add(resolveAlias(c, n, dialect), 'data');
      }
      break;
    }
    case 'MERGE': {
      c.accept('INTO');
      add(name(), 'data');
      break;
    }
    case 'COPY': {
      if (c.accept('INTO')) {
        if (c.tok()?.type !== 'param' && c.tok()?.text !== '@') add(name(), 'data');
      } else {
        const n = name();
        if (c.tok()?.text === '(') c.i = c.closeParen(c.i);
        if (c.kw() === 'FROM') add(n, 'data');
      }
      break;
    }
    case 'LOAD': {
      const into = c.find((t, k) => isWord(t, 'INTO') && isWord(tokens[k + 1], 'TABLE'));
      if (into >= 0) {
        c.i = into + 2;
        add(name(), 'data');
      }
      break;
    }
    case 'COMMENT': {
      if (!c.accept('ON')) break;
      c.skip(new Set(['MATERIALIZED', 'FOREIGN']));
      const object = c.kw();
      c.i++;
      if (TABLE_OR_VIEW.has(object)) add(name(), 'alter');
      else if (object === 'COLUMN') {
        const n = readName(tokens, c.i, dialect);
        const text = n?.text;
        if (text) {
          const cut = lastDot(text);
          if (cut > 0) add(text.slice(0, cut), 'alter');
        }
      }
      break;
    }
    case 'GRANT':
    case 'REVOKE': {
      const on = c.find((t) => isWord(t, 'ON'));
      if (on < 0) break;
      c.i = on + 1;
      if (
        c.accept('TABLE') ||
        !isWord(
          c.tok(),
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
        )
      ) {
        for (;;) {
          add(name(), 'alter', { note: 'permission change' });
          if (c.tok()?.text !== ',') break;
          c.i++;
        }
      }
      break;
    }
    case 'REFRESH': {
      c.accept('MATERIALIZED');
      if (c.accept('VIEW')) {
        c.accept('CONCURRENTLY');
        add(name(), 'data');
      }
      break;
    }
    case 'SELECT': {
      // SELECT ... INTO new_table (PostgreSQL, SQL Server) creates a table; in a block it fills variables.
      if (procedural) break;
      const into = c.find((t) => isWord(t, 'INTO'));
      if (
        into >= 0 &&
        !isWord(tokens[into + 1], 'OUTFILE', 'DUMPFILE', 'TEMP', 'TEMPORARY', 'UNLOGGED') &&
        tokens[into + 1]?.type !== 'param'
      ) {
        c.i = into + 1;
        c.accept('TABLE');
        add(name(), 'create');
      }
      break;
    }
    case 'DO': {
      const body = tokens.slice(c.i, end).find((t) => t.type === 'string');
      if (body) targets.push(...nested(body, dialect, start));
      break;
    }
    case 'EXEC':
    case 'EXECUTE':
      targets.push(...executeTargets(c, dialect, start));
      break;
    case 'PREPARE': {
      const from = c.find((t) => isWord(t, 'FROM', 'AS'));
      const arg = from >= 0 ? tokens[from + 1] : undefined;
      if (arg?.type === 'string') targets.push(...nested(arg, dialect, start));
      else if (from >= 0 && isWord(tokens[from], 'AS'))
        targets.push(...classify(tokens, from + 1, end, dialect, procedural).targets);
      else add(null, 'alter', { note: 'dynamic SQL: the table is named at run time' });
      break;
    }
  }
  return { targets };
}

const lastDot = (name: string): number => {
  // The last dot outside quotes.
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
};

/** `UPDATE t SET ... FROM orders t` / `DELETE t FROM orders t JOIN ...`: the alias stands for a table. */
function resolveAlias(
  c: Cursor,
  name: string | null | undefined,
  dialect: Dialect,
): string | null | undefined {
  if (!name || name.includes('.')) return name;
  const tokens = c.tokens;
  const from = c.find((t) => isWord(t, 'FROM'));
  if (from < 0) return name;
  for (let k = from + 1; k < c.end; k++) {
    const n = readName(tokens, k, dialect);
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
  }
  return name;
}

/** Classifies SQL held in a string (DO bodies, EXECUTE '...', PREPARE ... FROM '...'). */
function nested(str: Token, dialect: Dialect, at: number): SqlTarget[] {
  const inner = tokenize(str.value, dialect);
  if (inner.length === 0) return [];
  const found = scanBlock(inner, 0, inner.length, dialect);
  const outer = (l: number): number => str.line + l - 1;
  return found.map((t) => {
    const lines = new Set<number>();
    for (let k = t.at; k < inner.length && (k === t.at || inner[k]!.text !== ';'); k++)
      lines.add(outer(inner[k]!.line));
    return { ...t, at, line: t.line ?? outer(inner[t.at]!.line), lines: t.lines ?? [...lines] };
  });
}

const DYNAMIC = /^\s*(?:\(?\s*)(create|alter|drop|insert|update|delete|merge|truncate|rename)\b/i;

/** EXEC sp_rename, EXEC('...'), EXECUTE 'sql', EXECUTE format('...', t), EXECUTE IMMEDIATE. */
function executeTargets(c: Cursor, dialect: Dialect, at: number): SqlTarget[] {
  const tokens = c.tokens;
  c.accept('IMMEDIATE');
  if (c.tok()?.type === 'param' && c.tok(1)?.text === '=') c.i += 2; // EXEC @rc = proc
  const proc = readName(tokens, c.i, dialect);
  const procName = proc?.text?.toLowerCase().replace(/[[\]"]/g, '') ?? '';
  if (procName.endsWith('sp_rename')) {
    const args = tokens.slice(proc!.end, c.end).filter((t) => t.type !== 'punct');
    const [what, to, type] = args;
    if (what?.type !== 'string')
      return [{ table: null, kind: 'rename', at, note: 'sp_rename with a computed name' }];
    const objectType = type?.type === 'string' ? type.value.toUpperCase() : 'OBJECT';
    const target = what.value;
    if (objectType === 'OBJECT') {
      const r: SqlTarget = { table: target, kind: 'rename', at };
      if (to?.type === 'string') r.renamedTo = to.value;
      return [r];
    }
    const cut = target.lastIndexOf('.');
    return objectType === 'COLUMN' || objectType === 'INDEX'
      ? [{ table: cut > 0 ? target.slice(0, cut) : null, kind: 'alter', at }]
      : [];
  }
  const strings = tokens.slice(c.i, c.end).filter((t) => t.type === 'string');
  const isProcCall =
    proc !== undefined &&
    proc.text !== null &&
    !procName.endsWith('sp_executesql') &&
    !['format', 'immediate'].includes(procName);
  if (isProcCall && tokens[proc.end]?.text !== '(') return [];
  const out: SqlTarget[] = [];
  for (const s of strings) {
    const m = DYNAMIC.exec(s.value);
    if (!m) continue;
    const found = nested(s, dialect, at).filter((t) => t.table !== null && !/[%{}]/.test(t.table));
    // A name assembled at run time (`'ALTER TABLE ' || t`, `format('... %I', t)`) is unknowable.
    const complete =
      strings.length === 1 &&
      !/%[IsL]|\?/.test(s.value) &&
      !/\b(?:table|into|from|update)\s*$/i.test(s.value.trim());
    if (found.length > 0 && complete) out.push(...found);
    else
      out.push({ table: null, kind: kindOf(m[1]!), at, note: 'dynamic SQL: the table is named at run time' });
    break;
  }
  return out;
}

const kindOf = (verb: string): ChangeKind => {
  const v = verb.toLowerCase();
  return v === 'create'
    ? 'create'
    : v === 'alter'
      ? 'alter'
      : v === 'drop'
        ? 'drop'
        : v === 'rename'
          ? 'rename'
          : 'data';
};
