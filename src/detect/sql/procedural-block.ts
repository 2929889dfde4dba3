import { isWord } from './cursor.js';
import type { Dialect } from './dialect.js';
import type { SqlTarget } from './target.js';
import type { Classified } from './target-reader.js';
import type { Token } from './tokenize.js';

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

/** Classifies the statement in tokens `from`..`to` (inside a block, so `procedural`). */
export type ClassifyRange = (
  tokens: readonly Token[],
  from: number,
  to: number,
  dialect: Dialect,
) => Classified;

/**
 * Finds the statements in a procedural block (T-SQL `IF ... BEGIN`, a PL/pgSQL body) and
 * classifies each with `classify`; stops after a routine definition, whose rest is its body.
 */
export function scanBlock(
  tokens: readonly Token[],
  from: number,
  to: number,
  dialect: Dialect,
  classify: ClassifyRange,
): SqlTarget[] {
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
      const r = classify(tokens, k, end, dialect);
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
