import { firstStringFrom, stringAt, type Source } from './source.js';

/** One argument of a call: its span in the source, and its keyword (`name:`, `name=`) if any. */
export interface Arg {
  start: number;
  end: number;
  key?: string;
  /** Where the value starts (after the keyword). */
  value: number;
}

/** A call's arguments and the offset just after the call (after `)` or the end of the statement). */
export interface Call {
  args: Arg[];
  end: number;
}

const OPEN = '([{';
const CLOSE = ')]}';
const KEY = /^\s*([A-Za-z_]\w*)\s*(?::(?!:)|=(?![=>]))\s*/;

/** Reads the arguments of a parenthesised call; `open` is the offset of `(` (or `[`, `{`). */
export function readParenArgs(src: Source, open: number): Call {
  const m = src.masked;
  const args: Arg[] = [];
  let depth = 0;
  let from = open + 1;
  let k = open;
  for (; k < m.length; k++) {
    const ch = m[k]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) {
      depth--;
      if (depth === 0) break;
    } else if (ch === ',' && depth === 1) {
      pushArg(src, args, from, k);
      from = k + 1;
    }
  }
  pushArg(src, args, from, k);
  return { args, end: Math.min(m.length, k + 1) };
}

/**
 * Reads the arguments of a call without parentheses (Ruby `add_column :t, :c`, Elixir
 * `create table(:x)`): up to the end of the statement, a line not ending in `,` or an open
 * bracket, a `do` block or a closing bracket of an enclosing expression.
 */
export function readBareArgs(src: Source, from: number): Call {
  const m = src.masked;
  const args: Arg[] = [];
  let depth = 0;
  let argFrom = from;
  let k = from;
  for (; k < m.length; k++) {
    const ch = m[k]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0) {
      if (ch === ',') {
        pushArg(src, args, argFrom, k);
        argFrom = k + 1;
      } else if (ch === ';') break;
      else if (ch === '\n') {
        const before = m.slice(from, k).trimEnd();
        if (!/[,\\(|&+]$/.test(before)) break;
      } else if (ch === 'd' && /\s/.test(m[k - 1] ?? '') && /^do\b/.test(m.slice(k, k + 3))) break;
    }
  }
  pushArg(src, args, argFrom, k);
  return { args, end: k };
}

function pushArg(src: Source, args: Arg[], from: number, to: number): void {
  const text = src.masked.slice(from, to);
  if (text.trim() === '') return;
  const lead = text.length - text.trimStart().length;
  const start = from + lead;
  const end = from + text.trimEnd().length;
  const km = KEY.exec(src.masked.slice(start, end));
  if (km && !src.masked.slice(start, end).startsWith(':')) {
    args.push({ start, end, key: km[1]!, value: start + km[0].length });
  } else args.push({ start, end, value: start });
}

/** The positional arguments (those without a keyword). */
export const positional = (call: Call): Arg[] => call.args.filter((a) => a.key === undefined);

/** The argument with a keyword, if present. */
export const keyword = (call: Call, key: string): Arg | undefined => call.args.find((a) => a.key === key);

/**
 * The literal name at `at`: a string without interpolation, a Ruby/Elixir symbol (`:orders`,
 * `:"odd name"`), or a constant the caller resolves through `constants`. Undefined otherwise.
 */
export function literalAt(
  src: Source,
  at: number,
  constants?: ReadonlyMap<string, string>,
): string | undefined {
  let k = at;
  while (k < src.text.length && /\s/.test(src.masked[k]!)) k++;
  if (src.masked[k] === ':' && /[A-Za-z_]/.test(src.masked[k + 1] ?? '')) {
    return /^:([A-Za-z_]\w*[?!]?)/.exec(src.masked.slice(k, k + 200))![1];
  }
  const lit = stringAt(src, src.masked[k] === ':' ? k + 1 : k);
  if (lit && lit.open - k <= 3) {
    if (lit.interps.length > 0) return undefined;
    return src.text.slice(lit.start, lit.end);
  }
  if (constants) {
    const id = /^[@$]?[A-Za-z_][\w.]*/.exec(src.masked.slice(k, k + 200))?.[0];
    if (id !== undefined && constants.has(id)) return constants.get(id);
  }
  return undefined;
}

/** The literal value of `prop` in an object/hash/dict literal spanning [start, end): `{ name: 'x' }`, `{'db_table': 'x'}`. */
export function propIn(src: Source, start: number, end: number, prop: string): string | undefined {
  const m = src.masked;
  let depth = 0;
  for (let k = start; k < end; k++) {
    const ch = m[k]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth--;
    else if (depth === 1 && (ch === prop[0] || ch === '"' || ch === "'")) {
      const key = keyAt(src, k);
      if (key && key.name === prop) return literalAt(src, key.value);
    }
  }
  return undefined;
}

/** A key at `k` in an object literal: `name:` / `"name":` / `'name' =>` / `name =`. */
function keyAt(src: Source, k: number): { name: string; value: number } | undefined {
  const m = src.masked;
  if (k > 0 && /[\w.]/.test(m[k - 1]!)) return undefined;
  let name: string;
  let after: number;
  const lit = m[k] === '"' || m[k] === "'" ? src.strings[firstStringFrom(src, k)] : undefined;
  if (lit && lit.open === k) {
    name = src.text.slice(lit.start, lit.end);
    after = lit.close;
  } else {
    const id = /^[A-Za-z_]\w*/.exec(m.slice(k, k + 100));
    if (!id) return undefined;
    name = id[0];
    after = k + id[0].length;
  }
  const sep = /^\s*(:(?!:)|=>|=(?!=))\s*/.exec(m.slice(after, after + 20));
  return sep ? { name, value: after + sep[0].length } : undefined;
}

/**
 * The SQL held in the string literals of [start, end), as a string of the same length (so
 * offsets map back to the source): string contents kept (simple escapes turned into spaces),
 * interpolations as `_`, everything else as spaces.
 */
export function stringText(src: Source, start: number, end: number): string {
  const out = new Array<string>(end - start);
  for (let k = start; k < end; k++) out[k - start] = src.text[k] === '\n' ? '\n' : ' ';
  for (let i = Math.max(0, firstStringFrom(src, start) - 1); i < src.strings.length; i++) {
    const lit = src.strings[i]!;
    if (lit.open >= end) break;
    if (lit.close <= start) continue;
    for (let k = Math.max(lit.start, start); k < Math.min(lit.end, end); k++) {
      const ch = src.text[k]!;
      if (ch === '\\' && k + 1 < lit.end) {
        const next = 'ntr'.includes(src.text[k + 1]!) ? ' ' : src.text[k + 1]!;
        // An escaped quote keeps to the name it delimits: `\`t\`` reads as ` `t` ` and not
        // ` `t `` (a name with a stray space): after a word character it closes, else it opens.
        const closes = /\w/.test(src.text[k - 1] ?? '') || !/\w/.test(src.text[k + 2] ?? '');
        out[k - start] = closes ? next : ' ';
        out[k + 1 - start] = closes ? ' ' : next;
        k++;
        continue;
      }
      out[k - start] = ch;
    }
    for (const [a, b] of lit.interps) {
      for (let k = Math.max(a, start); k < Math.min(b, end); k++) out[k - start] = '_';
    }
  }
  return out.join('');
}
