import type { Dialect } from './dialect.js';
import type { SqlTarget } from './target.js';
import { tokenTargets } from './token-targets.js';
import type { Token } from './tokenize.js';

/** The tables a statement writes or changes (targets), never the ones it reads. */
export function statementTargets(tokens: readonly Token[], dialect: Dialect): SqlTarget[] {
  return tokenTargets(tokens, dialect);
}
