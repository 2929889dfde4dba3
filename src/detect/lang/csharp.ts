import { readParenArgs, type Call } from './args.js';
import { matchBracket } from './blocks.js';
import { firstStringFrom, lineOf, type Source } from './source.js';

/** A C# method call `recv.Name<T>(...)` found in code. */
export interface CsCall {
  receiver: string;
  name: string;
  /** Offset of the receiver. */
  at: number;
  call: Call;
  startLine: number;
  endLine: number;
}

/**
 * Calls of `names` on one of `receivers` (`migrationBuilder.AddColumn<bool>(...)`), generic
 * type arguments allowed; comments and strings are masked, so mentions there do not count.
 */
export function csharpCalls(src: Source, receivers: readonly string[], names: readonly string[]): CsCall[] {
  const re = new RegExp(
    `(?<![\\w.])(${receivers.join('|')})\\s*\\.\\s*(${names.join('|')})\\s*(?:<(?:[^<>()]|<[^<>()]*>)*>)?\\s*\\(`,
    'g',
  );
  const out: CsCall[] = [];
  for (const m of src.masked.matchAll(re)) {
    const call = readParenArgs(src, m.index + m[0].length - 1);
    let end = call.end - 1;
    for (
      let i = firstStringFrom(src, m.index);
      i < src.strings.length && src.strings[i]!.open < call.end;
      i++
    )
      end = Math.max(end, src.strings[i]!.close - 1);
    out.push({
      receiver: m[1]!,
      name: m[2]!,
      at: m.index,
      call,
      startLine: lineOf(src, m.index),
      endLine: lineOf(src, end),
    });
  }
  return out;
}

/**
 * The text held in the C# string literals of [start, end), same length and line breaks as the
 * source (so lines map back): escapes resolved (`\"`, verbatim `""`), interpolations as `_`,
 * everything outside strings as spaces.
 */
export function csharpStringText(src: Source, start: number, end: number): string {
  const out = new Array<string>(end - start);
  for (let k = start; k < end; k++) out[k - start] = src.text[k] === '\n' ? '\n' : ' ';
  for (let i = Math.max(0, firstStringFrom(src, start) - 1); i < src.strings.length; i++) {
    const lit = src.strings[i]!;
    if (lit.open >= end) break;
    if (lit.close <= start) continue;
    const from = Math.max(lit.start, start);
    const to = Math.min(lit.end, end);
    // Line by line, so that an escape that shortens the text keeps the line breaks in place.
    for (let s = from; s < to;) {
      const nl = src.text.indexOf('\n', s);
      const e = nl < 0 || nl >= to ? to : nl;
      let line = src.text.slice(s, e);
      if (lit.escapes === 'verbatim') line = line.replace(/""/g, '"');
      else if (lit.escapes !== 'raw')
        line = line.replace(/\\(.)/g, (_, c: string) => ('ntr0'.includes(c) ? ' ' : c));
      for (let k = 0; k < e - s; k++) out[s + k - start] = line[k] ?? ' ';
      s = e + 1;
    }
    for (const [a, b] of lit.interps) {
      for (let k = Math.max(a, start); k < Math.min(b, end); k++)
        if (src.text[k] !== '\n') out[k - start] = '_';
    }
  }
  return out.join('');
}

/**
 * The control-flow headers (`if (...)`, `else`, `foreach (...)`) of the blocks enclosing each
 * offset, normalised: two copies of a statement under different conditions are different code.
 */
export function guardsAt(src: Source): (offset: number) => string {
  const blocks: { open: number; close: number; head: string }[] = [];
  const m = src.masked;
  for (let k = m.indexOf('{'); k >= 0; k = m.indexOf('{', k + 1)) {
    let h = k - 1;
    while (h >= 0 && !';{}'.includes(m[h]!)) h--;
    const head = m
      .slice(h + 1, k)
      .replace(/\s+/g, ' ')
      .trim();
    if (/^(else\b|if\b|switch\b|while\b|for\b|foreach\b|case\b|try\b|catch\b)/.test(head))
      blocks.push({
        open: k,
        close: matchBracket(src, k),
        head: src.text
          .slice(h + 1, k)
          .replace(/\s+/g, ' ')
          .trim(),
      });
  }
  return (offset) =>
    blocks
      .filter((b) => b.open < offset && offset < b.close)
      .map((b) => b.head)
      .join(' / ');
}

/** The body of each method named `name` as a line range (`void Down(MigrationBuilder b) { ... }`). */
export function methodLines(src: Source, name: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of src.masked.matchAll(new RegExp(`\\bvoid\\s+${name}\\s*\\(`, 'g'))) {
    const params = matchBracket(src, m.index + m[0].length - 1);
    const body = /^\s*(\{|=>)/.exec(src.masked.slice(params, params + 200));
    if (!body) continue;
    const open = params + body[0].length - 1;
    const close =
      body[1] === '{' ? matchBracket(src, open) : src.masked.indexOf(';', open) + 1 || src.masked.length;
    out.push([lineOf(src, m.index), lineOf(src, close - 1)]);
  }
  return out;
}
