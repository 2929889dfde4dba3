import { literalAt } from './args.js';
import { matchBracket } from './blocks.js';
import { firstStringFrom, lineOf, type Source } from './source.js';

/** A function or method of a PHP file: its name, body offsets and lines. */
export interface PhpFunction {
  name: string;
  /** Offset of the `function` keyword, and just after the body's closing brace. */
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

/** The named functions and methods of a PHP file (abstract ones, without a body, are left out). */
export function phpFunctions(src: Source): PhpFunction[] {
  const out: PhpFunction[] = [];
  for (const m of src.masked.matchAll(/\bfunction\s+&?\s*(\w+)\s*\(/g)) {
    const params = matchBracket(src, m.index + m[0].length - 1);
    const body = /^[^{;]*\{/.exec(src.masked.slice(params, params + 300));
    if (!body) continue;
    const end = matchBracket(src, params + body[0].length - 1);
    out.push({
      name: m[1]!,
      start: m.index,
      end,
      startLine: lineOf(src, m.index),
      endLine: lineOf(src, end - 1),
    });
  }
  return out;
}

/** The innermost function holding `offset`, if any. */
export const functionAt = (fns: readonly PhpFunction[], offset: number): PhpFunction | undefined =>
  fns.filter((f) => offset >= f.start && offset < f.end).sort((a, b) => b.start - a.start)[0];

/** The short name of a class reference (`\Foo\Bar` → `Bar`, `Bar::class` → `Bar`). */
export const shortClass = (name: string): string =>
  name
    .replace(/::class$/, '')
    .split('\\')
    .pop() ?? name;

/** Class constants of a file with a literal string value: `const TABLE = 'x'` (any visibility). */
export function phpConstants(src: Source): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of src.masked.matchAll(/\bconst\s+(?:\w+\s+)?([A-Za-z_]\w*)\s*=\s*/g)) {
    const v = literalAt(src, m.index + m[0].length);
    if (v !== undefined && !out.has(m[1]!)) out.set(m[1]!, v);
  }
  return out;
}

/** `$name = <expr>;` assignments of a file: the variable, the expression's span and its offset. */
export interface PhpAssignment {
  name: string;
  at: number;
  start: number;
  end: number;
}

/** Every plain variable assignment (`$x = ...;`, not `==`, `=>`, `.=`), in file order. */
export function phpAssignments(src: Source): PhpAssignment[] {
  const out: PhpAssignment[] = [];
  for (const m of src.masked.matchAll(/(?<![\w>$:])(\$[A-Za-z_]\w*)\s*=(?![=>])\s*/g)) {
    const start = m.index + m[0].length;
    let depth = 0;
    let k = start;
    for (; k < src.masked.length; k++) {
      const ch = src.masked[k]!;
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') {
        if (depth === 0) break;
        depth--;
      } else if (ch === ';' && depth === 0) break;
    }
    out.push({ name: m[1]!, at: m.index, start, end: stringsEnd(src, start, k) });
  }
  return out;
}

/** `end`, pushed past any string (heredoc) opened before it. */
function stringsEnd(src: Source, start: number, end: number): number {
  let e = end;
  for (let i = firstStringFrom(src, start); i < src.strings.length && src.strings[i]!.open < end; i++)
    e = Math.max(e, src.strings[i]!.close);
  return e;
}

/** Resolves a name used in an expression: `$var`, `self::X`, `Other::X`; undefined when unknown. */
export type PhpResolver = (name: string, at: number) => string | undefined;

const INTERP = /\{\$(\w+)\}|\$\{(\w+)\}|\$(\w+)(?:->\w+|\[[^\]]*\])?/g;

/**
 * The string value of a PHP expression in [start, end) as SQL text with the same line structure
 * (so the n-th line of the result is the n-th line of the expression): string literals and
 * heredocs kept, `.` concatenation joined, names resolved through `resolve` and everything
 * else (calls, unknown variables) as `__`, which the SQL readers take for "unknown name".
 * `sprintf('... %s ...', a, b)` is formatted.
 */
export function phpStringExpr(src: Source, start: number, end: number, resolve: PhpResolver): string {
  end = stringsEnd(src, start, end);
  const sprintf = /^\s*\\?sprintf\s*\(/.exec(src.masked.slice(start, end));
  if (sprintf) return formatted(src, start, start + sprintf[0].length - 1, resolve);
  let out = '';
  let k = start;
  const m = src.masked;
  while (k < end) {
    const i = firstStringFrom(src, k);
    const lit = src.strings[i];
    if (lit && lit.open === k) {
      const raw = src.text.slice(lit.start, lit.end);
      const interpolates =
        src.text[lit.open] === '"' ||
        (src.text[lit.open] === '<' && !/^<<<\s*'/.test(src.text.slice(lit.open, lit.open + 10)));
      const unescaped = raw.replace(/\\(.)/g, (_, c: string) => ('ntr'.includes(c) ? ' ' : c));
      out += src.text.slice(lit.open, lit.start).replace(/[^\n]/g, '');
      out += interpolates
        ? unescaped.replace(
            INTERP,
            (w, a?: string, b?: string, c?: string) => resolve(`$${a ?? b ?? c}`, lit.open) ?? '__',
          )
        : unescaped;
      k = lit.close;
      continue;
    }
    const ch = m[k]!;
    if (ch === '\n') {
      out += '\n';
      k++;
    } else if (/[\s.(),]/.test(ch)) {
      out += ' ';
      k++;
    } else {
      const name = /^(?:\$[A-Za-z_]\w*|\\?[A-Za-z_][\w\\]*::[A-Za-z_]\w*|[A-Za-z_]\w*)/.exec(
        m.slice(k, k + 200),
      );
      if (name) {
        const v = resolve(name[0], k);
        // An unknown call (`implode(...)`, `$this->x()`): its arguments are not SQL text.
        if (v === undefined && /^\s*(\(|->|\[)/.test(m.slice(k + name[0].length, k + name[0].length + 5))) {
          out += '__';
          const stop = skipOperand(src, k + name[0].length, end);
          out += src.text.slice(k, stop).replace(/[^\n]/g, '');
          k = stop;
          continue;
        }
        out += v ?? '__';
        k += name[0].length;
      } else {
        out += ' ';
        k++;
      }
    }
  }
  return out;
}

/** From `at`, the end of a call chain (`(...)`, `->x(...)`, `[...]`) of an operand. */
function skipOperand(src: Source, at: number, end: number): number {
  let k = at;
  const m = src.masked;
  for (;;) {
    while (k < end && /[ \t]/.test(m[k]!)) k++;
    if (m[k] === '(' || m[k] === '[') k = matchBracket(src, k);
    else if (m.startsWith('->', k) || m.startsWith('::', k)) {
      k += 2;
      while (k < end && /\w|\$/.test(m[k]!)) k++;
    } else return Math.min(k, end);
  }
}

function formatted(src: Source, start: number, open: number, resolve: PhpResolver): string {
  const close = matchBracket(src, open);
  const args: Array<[number, number]> = [];
  let depth = 0;
  let from = open + 1;
  for (let k = open; k < close; k++) {
    const ch = src.masked[k]!;
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    if ((ch === ',' && depth === 1) || k === close - 1) {
      args.push([from, k]);
      from = k + 1;
    }
  }
  const lead = src.text.slice(start, args[0]?.[0] ?? open).replace(/[^\n]/g, '');
  if (args.length === 0) return lead;
  const fmt = phpStringExpr(src, args[0]![0], args[0]![1], resolve);
  const values = args
    .slice(1)
    .map(([a, b]) => phpStringExpr(src, a, b, resolve).replace(/\s+/g, ' ').trim() || '__');
  let next = 0;
  return (
    lead +
    fmt.replace(/%(?:(\d+)\$)?[-+ 0]*\d*(?:\.\d+)?([sdfu%])/g, (_, pos?: string, conv?: string) => {
      if (conv === '%') return '%';
      const v = pos ? values[Number(pos) - 1] : values[next++];
      return v ?? '__';
    })
  );
}
