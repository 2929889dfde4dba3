import { lineInString, lineText, type Source } from './source.js';

const indentOf = (s: string): number => s.length - s.trimStart().length;

/**
 * The last line of the indented block headed by `line` (Ruby/Elixir `do ... end`, Python `:`
 * blocks): the block runs until a code line indented no deeper than the header; with
 * `endKeyword` that line is included when it is `end` (or a closing bracket).
 */
export function blockEnd(src: Source, line: number, endKeyword: boolean): number {
  const header = lineText(src, line, true);
  const indent = indentOf(header);
  let last = line;
  for (let l = line + 1; l <= src.lineStarts.length; l++) {
    const masked = lineText(src, l, true);
    if (masked.trim() === '' || lineInString(src, l)) continue;
    if (indentOf(masked) <= indent) {
      if (endKeyword && /^(end\b|[}\])])/.test(masked.trim())) return l;
      return last;
    }
    last = l;
  }
  return last;
}

/** The offset after the bracket matching the one at `open` (masked text), or the end of the text. */
export function matchBracket(src: Source, open: number): number {
  let depth = 0;
  for (let k = open; k < src.masked.length; k++) {
    const ch = src.masked[k]!;
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  return src.masked.length;
}
