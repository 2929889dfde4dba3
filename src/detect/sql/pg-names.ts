import type { RangeVar } from 'libpg-query';
import type { Token } from './tokenize.js';

/**
 * Maps names in a PostgreSQL parse tree back to the statement's tokens, so a table keeps the
 * spelling it has in the code (`"apiKeys"` stays quoted, `Orders` keeps its case): the parser
 * folds and unquotes names, and matching needs to tell `"apiKeys"` from `apikeys`.
 */
export class TreeNames {
  private readonly base: number;
  private readonly charOf: (byte: number) => number;
  /** Where the search for the next name given without a location starts (DROP lists). */
  private next = 0;

  constructor(
    readonly tokens: readonly Token[],
    text: string,
  ) {
    this.base = tokens[0]?.start ?? 0;
    this.charOf = byteToChar(text);
  }

  /** Index of the token that starts at a parser location (a byte offset), or -1. */
  tokenAt(location: number | undefined): number {
    if (location === undefined || location < 0) return -1;
    const at = this.base + this.charOf(location);
    let lo = 0;
    let hi = this.tokens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = this.tokens[mid]!.start;
      if (start === at) return mid;
      if (start < at) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** A relation as written at its location, or spelled out from its parts. */
  relation(rv: RangeVar): string {
    const parts = [rv.catalogname, rv.schemaname, rv.relname].filter((p): p is string => !!p);
    const k = this.tokenAt(rv.location);
    return (k >= 0 && this.writtenAt(k, parts)) || spell(parts);
  }

  /** A dotted name the tree gives without a location (DROP, COMMENT), found in the tokens in order. */
  parts(parts: readonly string[]): string {
    for (let k = this.next; k < this.tokens.length; k++) {
      const written = this.writtenAt(k, parts);
      if (written) {
        this.next = k + 1;
        return written;
      }
    }
    return spell(parts);
  }

  /** The first token after `from` that is the word `word` (upper case), or -1. */
  wordAfter(from: number, word: string): number {
    for (let k = Math.max(0, from); k < this.tokens.length; k++) {
      const t = this.tokens[k]!;
      if (t.type === 'word' && t.value === word) return k;
    }
    return -1;
  }

  /** The name written at token `k` when its parts are `parts`, else undefined. */
  private writtenAt(k: number, parts: readonly string[]): string | undefined {
    for (let p = 0; p < parts.length; p++) {
      if (p > 0 && this.tokens[k + 2 * p - 1]?.text !== '.') return undefined;
      if (identifier(this.tokens[k + 2 * p]) !== parts[p]) return undefined;
    }
    return parts.map((_, p) => this.tokens[k + 2 * p]!.text).join('.');
  }
}

/** The identifier a token names in PostgreSQL: unquoted words fold to lower case. */
const identifier = (t: Token | undefined): string | undefined =>
  t?.type === 'word' ? t.text.toLowerCase() : t?.type === 'ident' ? t.value : undefined;

/** A name from its parts, quoted where PostgreSQL would need quotes to keep it. */
const spell = (parts: readonly string[]): string =>
  parts.map((p) => (/^[a-z_][a-z0-9_$]*$/.test(p) ? p : `"${p.replace(/"/g, '""')}"`)).join('.');

/** Parser locations count UTF-8 bytes; the tokens count UTF-16 code units. */
function byteToChar(text: string): (byte: number) => number {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(text)) return (byte) => byte;
  const map: number[] = [];
  let char = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let b = 0; b < bytes; b++) map.push(char);
    char += ch.length;
  }
  map.push(char);
  return (byte) => map[byte] ?? char;
}
