import type { Dialect } from './dialect.js';
import { pgParse } from './pg-parser.js';
import { pgTreeTargets } from './pg-tree-targets.js';
import type { SqlTarget } from './target.js';
import { tokenTargets } from './token-targets.js';
import type { Token } from './tokenize.js';

/**
 * The tables a statement writes or changes (targets), never the ones it reads. PostgreSQL
 * statements go through PostgreSQL's own grammar when the parser is loaded (`loadPgParser`)
 * and `text` (the statement's source, from its first token) is given; the tokenizer classifier
 * reads every other dialect and whatever the parser rejects or keeps in a string (DO blocks,
 * templated SQL).
 */
export function statementTargets(tokens: readonly Token[], dialect: Dialect, text?: string): SqlTarget[] {
  // Generic SQL (no dialect configured or recognised) is read as PostgreSQL's grammar too; a
  // statement it rejects falls back to the tokenizer.
  if ((dialect === 'postgres' || dialect === 'generic') && text !== undefined) {
    const tree = pgParse(text);
    const found = tree && pgTreeTargets(tree, tokens, text);
    if (found) return found;
  }
  return tokenTargets(tokens, dialect);
}
