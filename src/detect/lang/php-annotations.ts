import { matchBracket } from './blocks.js';
import type { Source } from './source.js';

/** One mapping annotation (`@ORM\Column(...)` in a docblock) or attribute (`#[ORM\Column(...)]`). */
export interface Annotation {
  /** The name as written, prefix included: `ORM\Column`, `Column`. */
  name: string;
  /** Arguments: named ones by key, positional ones as `0`, `1`...; values normalised (see {@link normalise}). */
  args: Map<string, string>;
  /** Offset in the source where it is written. */
  at: number;
}

/**
 * A value written in PHP or in Doctrine's annotation syntax, normalised so that formatting does
 * not count: whitespace outside strings dropped, `"x"` and `'x'` alike, `{...}` as `[...]`,
 * `=`/`=>` as `:`, no trailing commas, `Types::STRING` as `'string'`.
 */
export function normalise(value: string): string {
  let out = '';
  for (let k = 0; k < value.length; k++) {
    const ch = value[k]!;
    if (ch === '"' || ch === "'") {
      let e = k + 1;
      let body = '';
      while (e < value.length && value[e] !== ch) {
        if (value[e] === '\\' && e + 1 < value.length) {
          body += value[e + 1];
          e += 2;
          continue;
        }
        body += value[e];
        e++;
      }
      out += `'${body.replace(/\\\\/g, '\\')}'`;
      k = e;
    } else if (/\s/.test(ch)) continue;
    else if (ch === '{') out += '[';
    else if (ch === '}') out += ']';
    else out += ch;
  }
  return out
    .replace(/=>|=/g, ':')
    .replace(/,(?=[\])])/g, '')
    .replace(
      /\\?\b(?:Doctrine\\DBAL\\Types\\)?Types?::([A-Z_]+)\b/g,
      (_, c: string) => `'${c.toLowerCase().replace(/_mutable$/, '')}'`,
    )
    .replace(/\btrue\b/gi, 'true')
    .replace(/\bfalse\b/gi, 'false');
}

/** Splits `a, b: c, d = e` at top-level commas into arguments (keys `0`, `1`... for positional ones). */
export function splitArgs(text: string): Map<string, string> {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  let quote = '';
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (quote) {
      if (ch === '\\') k++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(from, k));
      from = k + 1;
    }
  }
  parts.push(text.slice(from));
  const args = new Map<string, string>();
  let position = 0;
  for (const part of parts) {
    if (part.trim() === '') continue;
    const kv = /^\s*([A-Za-z_]\w*)\s*(?::(?!:)|=(?![=>]))\s*([\s\S]*)$/.exec(part);
    if (kv) args.set(kv[1]!, normalise(kv[2]!));
    else args.set(String(position++), normalise(part));
  }
  return args;
}

/** The end of a parenthesised group in plain text (quotes skipped), from its `(` at `open`. */
function closeParen(text: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let k = open; k < text.length; k++) {
    const ch = text[k]!;
    if (quote) {
      if (ch === '\\') k++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  return text.length;
}

/** The annotations of the docblocks (`/** ... *\/`) that lie in [start, end) of the source. */
function docblockAnnotations(src: Source, start: number, end: number): Annotation[] {
  const out: Annotation[] = [];
  const text = src.text.slice(start, end);
  for (const block of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    // Blank the leading `*` of each line, keeping offsets.
    const body = block[0].replace(/(^|\n)([ \t]*)\*(?!\/)/g, (_, nl: string, sp: string) => `${nl}${sp} `);
    for (const m of body.matchAll(/@([A-Za-z_][\w\\]*)/g)) {
      const after = m.index + m[0].length;
      const paren = /^\s*\(/.exec(body.slice(after));
      let args = new Map<string, string>();
      if (paren) {
        const open = after + paren[0].length - 1;
        const close = closeParen(body, open);
        args = splitArgs(body.slice(open + 1, close - 1));
      }
      out.push({ name: m[1]!, args, at: start + block.index + m.index });
    }
  }
  return out;
}

/** The attributes (`#[A, B(...)]`) that lie in [start, end) of the source's code. */
function attributeAnnotations(src: Source, start: number, end: number): Annotation[] {
  const out: Annotation[] = [];
  const m = src.masked;
  for (let k = m.indexOf('#[', start); k >= 0 && k < end; k = m.indexOf('#[', k + 2)) {
    const close = matchBracket(src, k + 1);
    const inner = src.text.slice(k + 2, close - 1);
    // Top-level items of the attribute group, each `Name` or `Name(args)`.
    let depth = 0;
    let from = 0;
    let quote = '';
    const items: Array<[number, number]> = [];
    for (let i = 0; i < inner.length; i++) {
      const ch = inner[i]!;
      if (quote) {
        if (ch === '\\') i++;
        else if (ch === quote) quote = '';
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
      else if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) depth--;
      else if (ch === ',' && depth === 0) {
        items.push([from, i]);
        from = i + 1;
      }
    }
    items.push([from, inner.length]);
    for (const [a, b] of items) {
      const item = inner.slice(a, b);
      const nm = /^\s*\\?([A-Za-z_][\w\\]*)\s*/.exec(item);
      if (!nm) continue;
      let args = new Map<string, string>();
      if (item[nm[0].length] === '(') {
        const close2 = closeParen(item, nm[0].length);
        args = splitArgs(item.slice(nm[0].length + 1, close2 - 1));
      }
      out.push({ name: nm[1]!, args, at: k + 2 + a });
    }
    k = close - 2;
  }
  return out;
}

/** Every annotation and attribute written in [start, end) of a PHP source, in order. */
export function annotationsIn(src: Source, start: number, end: number): Annotation[] {
  return [...docblockAnnotations(src, start, end), ...attributeAnnotations(src, start, end)].sort(
    (a, b) => a.at - b.at,
  );
}
