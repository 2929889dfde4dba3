import type { Dialect } from './dialect.js';
import { tokenize, type Token } from './tokenize.js';

/** One SQL statement: its tokens without comments or the terminator, and where it is. */
export interface Statement {
  tokens: Token[];
  /** The source text from the first to the last token. */
  text: string;
  /** 1-based first and last line (the terminator included). */
  line: number;
  endLine: number;
  /** Lines that hold code of this statement (not comments, not blank lines). */
  codeLines: Set<number>;
}

// END followed by one of these closes a construct that did not open with BEGIN or CASE.
const END_OF_OTHER = new Set(['IF', 'LOOP', 'WHILE', 'REPEAT', 'FOR', 'FUNCTION', 'PROCEDURE']);
// BEGIN followed by one of these (or `;`) starts a transaction, not a block.
const BEGIN_TRANSACTION = new Set([
  'TRAN',
  'TRANSACTION',
  'WORK',
  'DEFERRED',
  'IMMEDIATE',
  'EXCLUSIVE',
  'ISOLATION',
]);

/**
 * Splits a SQL text into statements at `;` outside parentheses and BEGIN...END / CASE...END
 * blocks, at T-SQL `GO` lines and at a MySQL `DELIMITER` in force. Quotes, comments and
 * dollar-quoted bodies are never split.
 */
export function splitStatements(text: string, dialect: Dialect = 'generic'): Statement[] {
  const tokens = tokenize(text, dialect);
  const out: Statement[] = [];
  let current: Token[] = [];
  let paren = 0;
  let block = 0;
  let delimiter = ';';
  const finish = (terminator?: Token): void => {
    const code = current.filter((t) => t.type !== 'comment');
    if (code.length > 0) {
      const first = code[0]!;
      const last = code[code.length - 1]!;
      const codeLines = new Set<number>();
      for (const t of code) for (let l = t.line; l <= t.endLine; l++) codeLines.add(l);
      if (terminator) codeLines.add(terminator.line);
      out.push({
        tokens: code,
        text: text.slice(first.start, last.end),
        line: first.line,
        endLine: Math.max(last.endLine, terminator?.line ?? 0),
        codeLines,
      });
    }
    current = [];
    paren = 0;
    block = 0;
  };
  const lineEnd = (from: number): number => {
    const j = text.indexOf('\n', from);
    return j < 0 ? text.length : j;
  };

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const startsLine = prev === undefined || prev.endLine < t.line;
    if (
      t.type === 'word' &&
      startsLine &&
      t.value === 'DELIMITER' &&
      current.every((c) => c.type === 'comment')
    ) {
      const end = lineEnd(t.end);
      const d = text.slice(t.end, end).trim();
      if (d) delimiter = d;
      while (k + 1 < tokens.length && tokens[k + 1]!.start < end) k++;
      current = [];
      continue;
    }
    if (
      t.type === 'word' &&
      t.value === 'GO' &&
      startsLine &&
      (next === undefined ||
        next.line > t.line ||
        (next.type === 'number' && (tokens[k + 2]?.line ?? Infinity) > t.line))
    ) {
      if (next?.type === 'number' && next.line === t.line) k++;
      finish(t);
      continue;
    }
    if (delimiter !== ';' && (t.type === 'punct' || t.type === 'word')) {
      // The delimiter may be glued to a word (`END$$`, `END//`).
      const at = text.indexOf(delimiter, t.start);
      if (at >= t.start && at < t.end) {
        if (at > t.start)
          current.push({
            ...t,
            text: text.slice(t.start, at),
            value: text.slice(t.start, at).toUpperCase(),
            end: at,
          });
        while (k + 1 < tokens.length && tokens[k + 1]!.start < at + delimiter.length) k++;
        finish(t);
        continue;
      }
    }
    if (t.type === 'punct') {
      if (t.text === '(') paren++;
      else if (t.text === ')') paren = Math.max(0, paren - 1);
      else if (t.text === ';' && delimiter === ';' && paren === 0 && block === 0) {
        finish(t);
        continue;
      }
    } else if (t.type === 'word') {
      if (t.value === 'CASE' || (t.value === 'BEGIN' && !beginsTransaction(next))) block++;
      else if (t.value === 'END' && block > 0 && !(next?.type === 'word' && END_OF_OTHER.has(next.value)))
        block--;
    }
    current.push(t);
  }
  finish();
  return out;
}

const beginsTransaction = (next: Token | undefined): boolean =>
  next === undefined || next.text === ';' || (next.type === 'word' && BEGIN_TRANSACTION.has(next.value));
