import { isWord } from './cursor.js';
import { readAlter, readComment, readCreate, readDrop, readGrant, readRename } from './ddl-targets.js';
import type { Dialect } from './dialect.js';
import {
  readCopy,
  readDelete,
  readInsert,
  readLoad,
  readMerge,
  readRefresh,
  readSelectInto,
  readTruncate,
  readUpdate,
} from './dml-targets.js';
import { readDo, readExecute, readPrepare } from './dynamic-sql-targets.js';
import { scanBlock } from './procedural-block.js';
import type { SqlTarget } from './target.js';
import { TargetReader, type Classified, type Recursion } from './target-reader.js';
import { tokenize, type Token } from './tokenize.js';

/** Reads the targets of a statement after its verb, advancing the reader. */
type VerbReader = (c: TargetReader) => Classified | undefined | void;

const READERS: Record<string, VerbReader> = {
  CREATE: readCreate,
  ALTER: readAlter,
  DROP: readDrop,
  RENAME: readRename,
  TRUNCATE: readTruncate,
  INSERT: readInsert,
  REPLACE: readInsert,
  UPSERT: readInsert,
  UPDATE: readUpdate,
  DELETE: readDelete,
  MERGE: readMerge,
  COPY: readCopy,
  LOAD: readLoad,
  COMMENT: readComment,
  GRANT: readGrant,
  REVOKE: readGrant,
  REFRESH: readRefresh,
  SELECT: readSelectInto,
  DO: readDo,
  EXEC: readExecute,
  EXECUTE: readExecute,
  PREPARE: readPrepare,
};

/**
 * The tables a statement writes or changes (targets), never the ones it reads, read from its
 * tokens in any dialect: DDL targets, INSERT/UPDATE/DELETE/MERGE/COPY/TRUNCATE targets.
 * Procedural blocks (T-SQL `IF ... BEGIN`, PostgreSQL `DO $$ ... $$`) are scanned for the
 * statements inside them.
 */
export function tokenTargets(tokens: readonly Token[], dialect: Dialect): SqlTarget[] {
  const first = tokens[0];
  if (first === undefined) return [];
  if (dialect === 'sqlserver' || isWord(first, 'IF', 'BEGIN', 'WHILE', 'DECLARE')) {
    return scanBlock(tokens, 0, tokens.length, dialect, inBlock);
  }
  return classify(tokens, 0, tokens.length, dialect, false).targets;
}

const inBlock = (tokens: readonly Token[], from: number, to: number, dialect: Dialect): Classified =>
  classify(tokens, from, to, dialect, true);

function classify(
  tokens: readonly Token[],
  start: number,
  end: number,
  dialect: Dialect,
  procedural: boolean,
): Classified {
  const recurse: Recursion = {
    statement: (from, to, inner) => classify(tokens, from, to, dialect, inner),
    inString: (str, at) => nested(str, dialect, at),
  };
  const c = new TargetReader(tokens, start, end, dialect, procedural, recurse);
  if (c.accept('WITH')) return readWith(c);
  const read = READERS[c.kw()];
  c.i++;
  return (read?.(c) as Classified | undefined) ?? { targets: c.targets };
}

/** WITH cte AS (...), ... <statement>: data-modifying CTE bodies count, the rest are reads. */
function readWith(c: TargetReader): Classified {
  const tokens = c.tokens;
  c.accept('RECURSIVE');
  while (c.i < c.end) {
    const open = c.find((t) => t.text === '(' || t.type === 'word', c.i + 1);
    const asAt = c.find((t) => isWord(t, 'AS'), c.i);
    if (asAt < 0 || open < 0) break;
    const bodyOpen = c.find((t) => t.text === '(', asAt);
    if (bodyOpen < 0) break;
    const close = c.closeParen(bodyOpen);
    if (isWord(tokens[bodyOpen + 1], 'INSERT', 'UPDATE', 'DELETE', 'MERGE')) {
      c.targets.push(...c.recurse.statement(bodyOpen + 1, close - 1, c.procedural).targets);
    }
    c.i = close;
    if (c.tok()?.text === ',') c.i++;
    else break;
  }
  const main = c.recurse.statement(c.i, c.end, c.procedural).targets;
  return { targets: [...c.targets, ...main.map((t) => ({ ...t, at: c.start }))] };
}

/** Classifies SQL held in a string (DO bodies, EXECUTE '...', PREPARE ... FROM '...'). */
function nested(str: Token, dialect: Dialect, at: number): SqlTarget[] {
  const inner = tokenize(str.value, dialect);
  if (inner.length === 0) return [];
  const found = scanBlock(inner, 0, inner.length, dialect, inBlock);
  const outer = (l: number): number => str.line + l - 1;
  return found.map((t) => {
    const lines = new Set<number>();
    for (let k = t.at; k < inner.length && (k === t.at || inner[k]!.text !== ';'); k++)
      lines.add(outer(inner[k]!.line));
    return { ...t, at, line: t.line ?? outer(inner[t.at]!.line), lines: t.lines ?? [...lines] };
  });
}
