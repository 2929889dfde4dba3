import type { Dialect } from './dialect.js';

/**
 * `word`: a keyword or unquoted identifier; `ident`: a quoted identifier (`"x"`, `` `x` ``,
 * `[x]`); `string`: any string literal, dollar-quoted bodies included; `template`: Jinja and
 * similar `{{ }}` / `{% %}` blocks; `comment`: line or block comment.
 */
export type TokenType = 'word' | 'ident' | 'string' | 'number' | 'punct' | 'param' | 'template' | 'comment';

export interface Token {
  type: TokenType;
  /** The source text, quotes included. */
  text: string;
  /** Upper-cased text for words, the unquoted content for identifiers and strings. */
  value: string;
  /** Offsets in the source text. */
  start: number;
  end: number;
  /** 1-based lines of the first and last character. */
  line: number;
  endLine: number;
}

const WORD_START = /[A-Za-z_\u00C0-\uFFFF]/;
const WORD_CHAR = /[\w$\u00C0-\uFFFF]/;
const PREFIX_START = 'EeNnXxBbRrUu';
const OPERATORS = ['::', '->>', '->', '<>', '<=', '>=', '!=', '||', ':=', '=>', '#>>', '#>'];

/** Splits SQL into tokens. Never throws: an unterminated quote or comment runs to the end. */
export function tokenize(text: string, dialect: Dialect = 'generic'): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  const push = (type: TokenType, start: number, end: number, value: string): void => {
    const raw = text.slice(start, end);
    let newlines = 0;
    for (let k = start; k < end; k++) if (text.charCodeAt(k) === 10) newlines++;
    tokens.push({ type, text: raw, value, start, end, line, endLine: line + newlines });
    line += newlines;
  };
  // Finds the end of a quoted run; `double` means a doubled closer escapes it.
  const closeQuote = (from: number, close: string, backslash: boolean, double: boolean): number => {
    let j = from;
    while (j < n) {
      const c = text[j];
      if (backslash && c === '\\') {
        j += 2;
        continue;
      }
      if (c === close) {
        if (double && text[j + 1] === close) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return n;
  };
  const mysqlish = dialect === 'mysql' || dialect === 'bigquery';

  while (i < n) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\uFEFF') {
      i++;
      continue;
    }
    // Comments.
    if ((c === '-' && next === '-') || (c === '#' && mysqlish && next !== '>')) {
      let j = text.indexOf('\n', i);
      if (j < 0) j = n;
      push('comment', i, j, '');
      i = j;
      continue;
    }
    if (c === '/' && next === '*') {
      // Nested block comments (PostgreSQL, SQL Server).
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        if (text[j] === '/' && text[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (text[j] === '*' && text[j + 1] === '/') {
          depth--;
          j += 2;
        } else j++;
      }
      push('comment', i, j, '');
      i = j;
      continue;
    }
    // Templates: Jinja, dbt, Liquibase/Flyway placeholders stay opaque.
    if (c === '{' && (next === '{' || next === '%' || next === '#')) {
      const closer = next === '{' ? '}}' : next === '%' ? '%}' : '#}';
      let j = text.indexOf(closer, i + 2);
      j = j < 0 ? n : j + 2;
      push('template', i, j, text.slice(i + 2, j - 2).trim());
      i = j;
      continue;
    }
    // Placeholders of migration tools: Flyway `${schema}`, Liquibase `${x}`.
    if (c === '$' && next === '{') {
      let j = text.indexOf('}', i + 2);
      j = j < 0 ? n : j + 1;
      push('template', i, j, text.slice(i + 2, j - 1).trim());
      i = j;
      continue;
    }
    // Dollar-quoted strings: $$...$$ and $tag$...$tag$.
    if (c === '$' && dialect !== 'mysql' && dialect !== 'sqlserver') {
      const m = /^\$([A-Za-z_][\w]*)?\$/.exec(text.slice(i, i + 64));
      if (m) {
        const tag = m[0];
        const close = text.indexOf(tag, i + tag.length);
        const j = close < 0 ? n : close + tag.length;
        push('string', i, j, text.slice(i + tag.length, close < 0 ? n : close));
        i = j;
        continue;
      }
      if (next !== undefined && /\d/.test(next)) {
        let j = i + 1;
        while (j < n && /\d/.test(text[j]!)) j++;
        push('param', i, j, text.slice(i, j));
        i = j;
        continue;
      }
    }
    // Strings, with the prefixes E'', N'', X'', B'', U&'', r'' (BigQuery raw), b''.
    const prefix =
      PREFIX_START.includes(c) &&
      (next === "'" || next === '&' || next === 'b' || next === 'B' || next === 'r' || next === 'R')
        ? /^(?:[EeNnXxBbRr]|U&|[Rr][Bb]|[Bb][Rr])'/.exec(text.slice(i, i + 3))
        : null;
    if (c === "'" || prefix) {
      const p = prefix ? prefix[0].length - 1 : 0;
      const pre = text.slice(i, i + p).toUpperCase();
      const backslash = pre === 'E' || (mysqlish && !pre.includes('R'));
      const j = closeQuote(i + p + 1, "'", backslash, true);
      push('string', i, j, text.slice(i + p + 1, j - 1).replace(/''/g, "'"));
      i = j;
      continue;
    }
    if (c === '"') {
      const j = closeQuote(i + 1, '"', dialect === 'mysql', true);
      push(dialect === 'mysql' ? 'string' : 'ident', i, j, text.slice(i + 1, j - 1).replace(/""/g, '"'));
      i = j;
      continue;
    }
    if (c === '`') {
      const j = closeQuote(i + 1, '`', false, true);
      push('ident', i, j, text.slice(i + 1, j - 1).replace(/``/g, '`'));
      i = j;
      continue;
    }
    if (c === '[' && dialect !== 'postgres' && dialect !== 'mysql') {
      // `[dbo]` is an identifier; `arr[1]` and `ARRAY[...]` are subscripts and literals.
      const prev = tokens[tokens.length - 1];
      const subscript =
        prev !== undefined &&
        prev.end === i &&
        (prev.type === 'word' || prev.type === 'ident' || prev.text === ')' || prev.text === ']');
      const m = /^\[[^\]\n'"]*\]/.exec(text.slice(i, i + 300));
      if (m && !subscript && !(prev?.type === 'word' && prev.value === 'ARRAY')) {
        const j = i + m[0].length;
        push('ident', i, j, text.slice(i + 1, j - 1));
        i = j;
        continue;
      }
    }
    if (WORD_START.test(c)) {
      let j = i + 1;
      for (;;) {
        const code = text.charCodeAt(j);
        // [A-Za-z0-9_$] and anything past Latin-1's symbols
        const fast =
          (code >= 97 && code <= 122) ||
          (code >= 65 && code <= 90) ||
          (code >= 48 && code <= 57) ||
          code === 95 ||
          code === 36;
        if (j < n && (fast || (code >= 0xc0 && WORD_CHAR.test(text[j]!)))) j++;
        else break;
      }
      push('word', i, j, text.slice(i, j).toUpperCase());
      i = j;
      continue;
    }
    if (/\d/.test(c) || (c === '.' && next !== undefined && /\d/.test(next))) {
      const m = /^(?:0x[\da-f]+|\d*\.?\d+(?:e[+-]?\d+)?|\d+\.)/i.exec(text.slice(i, i + 100));
      const j = i + (m ? m[0].length : 1);
      push('number', i, j, text.slice(i, j));
      i = j;
      continue;
    }
    if ((c === '@' || c === ':' || c === '?') && next !== ':' && next !== '=') {
      const m = /^(?:@@?|:|\?)[\w$.]*/.exec(text.slice(i, i + 200))!;
      const j = i + Math.max(1, m[0].length);
      push('param', i, j, text.slice(i, j));
      i = j;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    const j = i + (op ? op.length : 1);
    push('punct', i, j, text.slice(i, j));
    i = j;
  }
  return tokens;
}
