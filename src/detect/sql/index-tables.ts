import { bareName } from './bookkeeping.js';
import { isWord } from './cursor.js';
import type { Dialect } from './dialect.js';
import { readName } from './qualified-name.js';
import type { Statement } from './split.js';
import type { Token } from './tokenize.js';

/** An index name as a lookup key: schema and quotes dropped, case folded. */
export const indexKey = (name: string): string => bareName(name).toLowerCase();

/**
 * Index → table, from the statements that create indexes: `CREATE INDEX ix ON t`, `ALTER TABLE
 * t ADD CONSTRAINT ix UNIQUE|PRIMARY KEY`, and `CONSTRAINT ix ...`, `KEY ix (...)`, `UNIQUE
 * KEY ix` inside `CREATE TABLE t (...)`. Used to name the table of a `DROP INDEX ix`.
 */
export function indexTables(
  statements: readonly Statement[],
  dialect: Dialect,
  into = new Map<string, string>(),
) {
  for (const { tokens } of statements) {
    if (isWord(tokens[0], 'CREATE')) {
      let k = 1;
      while (tokens[k]?.type === 'word' && !isWord(tokens[k], 'INDEX', 'TABLE')) k++;
      if (isWord(tokens[k], 'INDEX')) createIndex(tokens, k + 1, dialect, into);
      else if (isWord(tokens[k], 'TABLE')) inTable(tokens, k + 1, dialect, into);
    } else if (isWord(tokens[0], 'ALTER') && isWord(tokens[1], 'TABLE')) {
      inTable(tokens, 2, dialect, into);
    }
  }
  return into;
}

const skip = (tokens: readonly Token[], k: number, ...words: string[]): number => {
  while (isWord(tokens[k], ...words)) k++;
  return k;
};

function createIndex(tokens: readonly Token[], k: number, dialect: Dialect, into: Map<string, string>): void {
  const name = readName(tokens, skip(tokens, k, 'CONCURRENTLY', 'IF', 'NOT', 'EXISTS'), dialect);
  if (!name?.text || !isWord(tokens[name.end], 'ON')) return;
  const table = readName(tokens, skip(tokens, name.end + 1, 'ONLY'), dialect);
  if (table?.text) into.set(indexKey(name.text), table.text);
}

/** Named constraints and keys of a CREATE TABLE or ALTER TABLE ... ADD statement. */
function inTable(tokens: readonly Token[], k: number, dialect: Dialect, into: Map<string, string>): void {
  const table = readName(tokens, skip(tokens, k, 'IF', 'NOT', 'EXISTS', 'ONLY'), dialect);
  if (!table?.text) return;
  for (let j = table.end; j < tokens.length - 1; j++) {
    const t = tokens[j]!;
    const named =
      isWord(t, 'CONSTRAINT') ||
      (isWord(t, 'KEY', 'INDEX') &&
        !isWord(tokens[j - 1], 'PRIMARY', 'FOREIGN') &&
        tokens[j + 1]?.text !== '(');
    if (!named) continue;
    const name = readName(tokens, j + 1, dialect);
    if (name?.text && !isWord(tokens[j + 1], 'IF')) into.set(indexKey(name.text), table.text);
  }
}
