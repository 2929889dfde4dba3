import type { Token } from './tokenize.js';

/** Small helpers for walking a statement's tokens. */
export class Cursor {
  constructor(
    readonly tokens: readonly Token[],
    public i: number,
    readonly end: number,
  ) {}

  /** The keyword at offset `k` (upper case), or '' when that token is not a word. */
  kw(k = 0): string {
    const t = this.i + k < this.end ? this.tokens[this.i + k] : undefined;
    return t?.type === 'word' ? t.value : '';
  }

  tok(k = 0): Token | undefined {
    return this.i + k < this.end ? this.tokens[this.i + k] : undefined;
  }

  /** Consumes the words in order if they all match; true when consumed. */
  accept(...words: string[]): boolean {
    if (words.every((w, k) => this.kw(k) === w)) {
      this.i += words.length;
      return true;
    }
    return false;
  }

  /** Consumes any number of the given optional words. */
  skip(words: ReadonlySet<string>): void {
    while (words.has(this.kw())) this.i++;
  }

  /** Index of the first token at parenthesis depth 0 from `i` matching `pred`, or -1. */
  find(pred: (t: Token, index: number) => boolean, from = this.i): number {
    let depth = 0;
    for (let k = from; k < this.end; k++) {
      const t = this.tokens[k]!;
      if (depth === 0 && pred(t, k)) return k;
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
    }
    return -1;
  }

  /** Index just after the parenthesis that closes the one at `open`. */
  closeParen(open: number): number {
    let depth = 0;
    for (let k = open; k < this.end; k++) {
      const t = this.tokens[k]!.text;
      if (t === '(') depth++;
      else if (t === ')' && --depth === 0) return k + 1;
    }
    return this.end;
  }
}

export const isWord = (t: Token | undefined, ...values: string[]): boolean =>
  t !== undefined && t.type === 'word' && (values.length === 0 || values.includes(t.value));
