import { blockEnd } from '../lang/blocks.js';
import { lineOf, lineText, stringAt, type Source } from '../lang/source.js';

/**
 * Elixir literal data as migrations write it (`@indexes [{:logs, :inserted_at}]`, lists of maps),
 * and the variables that `for` comprehensions bind from it, so a table passed as a variable
 * (`for {table, col} <- @indexes do create index(table, [col]) end`) is known.
 */
export type Term = string | number | boolean | null | Term[] | { tuple: Term[] } | { map: Map<string, Term> };

/** A term that could not be read (a function call, an interpolated string...). */
const UNKNOWN = Symbol('unknown');
type Value = Term | typeof UNKNOWN;
export type Env = ReadonlyMap<string, Term>;

const isTuple = (t: Value): t is { tuple: Term[] } => typeof t === 'object' && t !== null && 'tuple' in t;
const isMap = (t: Value): t is { map: Map<string, Term> } =>
  typeof t === 'object' && t !== null && 'map' in t;

const skipSpace = (src: Source, k: number): number => {
  while (k < src.masked.length && /\s/.test(src.masked[k]!)) k++;
  return k;
};

/** The offset of the next `,` or unmatched closer at depth 0 from `k`. */
function skipExpr(src: Source, k: number): number {
  let depth = 0;
  for (; k < src.masked.length; k++) {
    const ch = src.masked[k]!;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) {
      if (depth === 0) return k;
      depth--;
    } else if (depth === 0 && (ch === ',' || ch === '\n')) {
      if (ch === ',') return k;
      const before = src.masked.slice(0, k).trimEnd();
      if (!/[,([{|=>+-]$/.test(before)) return k;
    }
  }
  return k;
}

/** Reads the items of a bracketed sequence from `k` (just after the opener) to `close`. */
function readSeq(
  src: Source,
  k: number,
  close: string,
  item: (at: number) => { value: Value; end: number },
): { items: Value[]; end: number } {
  const items: Value[] = [];
  for (;;) {
    k = skipSpace(src, k);
    if (k >= src.masked.length) return { items, end: k };
    if (src.masked[k] === close) return { items, end: k + 1 };
    const r = item(k);
    items.push(r.value);
    k = skipSpace(src, r.end);
    if (src.masked[k] === ',') k++;
    else if (src.masked[k] !== close) {
      k = skipExpr(src, k);
      if (src.masked[k] === ',') k++;
      else if (src.masked[k] !== close) return { items: [...items, UNKNOWN], end: k };
    }
  }
}

const KEY = /^([A-Za-z_]\w*[?!]?):(?!:)\s/;

/** Reads the term at `k`; `lookup` resolves `@attr` and variable names. */
export function readTerm(
  src: Source,
  k: number,
  lookup: (name: string) => Term | undefined = () => undefined,
): { value: Value; end: number } {
  k = skipSpace(src, k);
  const m = src.masked;
  const ch = m[k];
  const keyed = (at: number): { value: Value; end: number } => {
    const key = KEY.exec(m.slice(at, at + 100));
    if (key) {
      const v = readTerm(src, at + key[0].length, lookup);
      return { value: v.value === UNKNOWN ? UNKNOWN : { tuple: [key[1]!, v.value] }, end: v.end };
    }
    return readTerm(src, at, lookup);
  };
  if (ch === '[') {
    const r = readSeq(src, k + 1, ']', keyed);
    return { value: r.items.includes(UNKNOWN) ? UNKNOWN : (r.items as Term[]), end: r.end };
  }
  if (ch === '{') {
    const r = readSeq(src, k + 1, '}', (at) => readTerm(src, at, lookup));
    return { value: r.items.includes(UNKNOWN) ? UNKNOWN : { tuple: r.items as Term[] }, end: r.end };
  }
  if (ch === '%' && m[k + 1] === '{') {
    const map = new Map<string, Term>();
    let bad = false;
    const r = readSeq(src, k + 2, '}', (at) => {
      const key = KEY.exec(m.slice(at, at + 100));
      if (key) {
        const v = readTerm(src, at + key[0].length, lookup);
        if (v.value === UNKNOWN) bad = true;
        else map.set(key[1]!, v.value);
        return v;
      }
      const kt = readTerm(src, at, lookup);
      const arrow = /^\s*=>\s*/.exec(m.slice(kt.end, kt.end + 20));
      if (!arrow || typeof kt.value !== 'string') return { value: UNKNOWN, end: skipExpr(src, at) };
      const v = readTerm(src, kt.end + arrow[0].length, lookup);
      if (v.value === UNKNOWN) bad = true;
      else map.set(kt.value, v.value);
      return v;
    });
    return { value: bad || r.items.includes(UNKNOWN) ? UNKNOWN : { map }, end: r.end };
  }
  if (ch === '"' || (ch === ':' && m[k + 1] === '"')) {
    const lit = stringAt(src, ch === ':' ? k + 1 : k);
    if (!lit) return { value: UNKNOWN, end: skipExpr(src, k) };
    const end = lit.close;
    if (lit.interps.length > 0) return { value: UNKNOWN, end };
    return { value: src.text.slice(lit.start, lit.end), end };
  }
  if (ch === ':' && /[A-Za-z_]/.test(m[k + 1] ?? '')) {
    const atom = /^:([A-Za-z_]\w*[?!]?)/.exec(m.slice(k, k + 200))![1]!;
    return { value: atom, end: k + 1 + atom.length };
  }
  const num = /^-?\d[\d_]*(\.\d+)?/.exec(m.slice(k, k + 40));
  if (num) return { value: Number(num[0].replace(/_/g, '')), end: k + num[0].length };
  const id = /^@?[A-Za-z_]\w*[?!]?/.exec(m.slice(k, k + 200))?.[0];
  if (id !== undefined) {
    const end = k + id.length;
    const next = m.slice(end, end + 2);
    if (!/^\s*[.(]/.test(next) || /^\s*\.\./.test(next)) {
      if (id === 'true' || id === 'false') return { value: id === 'true', end };
      if (id === 'nil') return { value: null, end };
      const v = lookup(id);
      if (v !== undefined) return { value: v, end };
    }
  }
  return { value: UNKNOWN, end: skipExpr(src, k) };
}

/** Module attributes with literal values: `@indexes [...]`, `@table "x"`. */
export function moduleAttributes(src: Source): Map<string, Term> {
  const out = new Map<string, Term>();
  for (const m of src.masked.matchAll(/^[ \t]*@([a-z_]\w*)[ \t]+(?=[[{%"':\d])/gm)) {
    const name = `@${m[1]!}`;
    if (out.has(name) || name === '@doc' || name === '@moduledoc') continue;
    const r = readTerm(src, m.index + m[0].length, (n) => out.get(n));
    if (r.value !== UNKNOWN) out.set(name, r.value);
  }
  return out;
}

/** A pattern on the left of `<-` or `=`: variables, tuples, maps, lists, literals. */
type Pattern =
  | { var: string }
  | { tuple: Pattern[] }
  | { list: Pattern[] }
  | { map: Array<[string, Pattern]> }
  | { any: true };

function readPattern(src: Source, k: number): { p: Pattern; end: number } {
  k = skipSpace(src, k);
  const m = src.masked;
  const seq = (from: number, close: string): { ps: Pattern[]; end: number } => {
    const ps: Pattern[] = [];
    let at = from;
    for (;;) {
      at = skipSpace(src, at);
      if (at >= m.length || m[at] === close) return { ps, end: at + 1 };
      const key = KEY.exec(m.slice(at, at + 100));
      const r = readPattern(src, key ? at + key[0].length : at);
      ps.push(key ? { map: [[key[1]!, r.p]] } : r.p);
      at = skipSpace(src, r.end);
      if (m[at] === ',') at++;
      else if (m[at] !== close) return { ps, end: skipExpr(src, at) };
    }
  };
  if (m[k] === '{') {
    const r = seq(k + 1, '}');
    return { p: { tuple: r.ps }, end: r.end };
  }
  if (m[k] === '[') {
    const r = seq(k + 1, ']');
    return { p: { list: r.ps }, end: r.end };
  }
  if (m[k] === '%' && m[k + 1] === '{') {
    const r = seq(k + 2, '}');
    const entries = r.ps.flatMap((p) => ('map' in p ? p.map : []));
    return { p: { map: entries }, end: r.end };
  }
  const id = /^[a-z_]\w*/.exec(m.slice(k, k + 100))?.[0];
  if (id !== undefined && !/^\s*[.(]/.test(m.slice(k + id.length, k + id.length + 2))) {
    return { p: id.startsWith('_') ? { any: true } : { var: id }, end: k + id.length };
  }
  return { p: { any: true }, end: skipExpr(src, k) };
}

function bind(p: Pattern, t: Term, env: Map<string, Term>): boolean {
  if ('any' in p) return true;
  if ('var' in p) {
    env.set(p.var, t);
    return true;
  }
  if ('tuple' in p) {
    if (!isTuple(t) || t.tuple.length !== p.tuple.length) return false;
    return p.tuple.every((q, i) => bind(q, t.tuple[i]!, env));
  }
  if ('list' in p) {
    if (!Array.isArray(t) || t.length !== p.list.length) return false;
    return p.list.every((q, i) => bind(q, t[i]!, env));
  }
  if (isMap(t)) return p.map.every(([key, q]) => t.map.has(key) && bind(q, t.map.get(key)!, env));
  if (Array.isArray(t)) {
    // A keyword list matched by a map pattern never matches in Elixir; stay strict.
    return false;
  }
  return false;
}

/** One `for` comprehension: its generators, and the lines of its body. */
interface Comprehension {
  start: number;
  end: number;
  generators: Array<{ pattern: Pattern; expr: number }>;
}

function comprehensions(src: Source): Comprehension[] {
  const out: Comprehension[] = [];
  for (const m of src.masked.matchAll(/(?<![\w.])for\s+/g)) {
    const start = lineOf(src, m.index);
    const generators: Comprehension['generators'] = [];
    let k = m.index + m[0].length;
    for (let guard = 0; guard < 8; guard++) {
      const p = readPattern(src, k);
      const arrow = /^\s*<-\s*/.exec(src.masked.slice(p.end, p.end + 20));
      if (!arrow) {
        k = skipExpr(src, k); // a filter
      } else {
        const expr = p.end + arrow[0].length;
        generators.push({ pattern: p.p, expr });
        k = skipExpr(src, expr);
      }
      if (src.masked[k] !== ',') break;
      k++;
      if (/^\s*do:/.test(src.masked.slice(k, k + 10))) break;
    }
    if (generators.length === 0) continue;
    // The header's last line: where the last generator or filter ends (before a newline).
    const header = lineOf(src, src.masked[k] === '\n' ? k - 1 : k);
    const end = /\bdo\s*$/.test(lineText(src, header, true)) ? blockEnd(src, header, true) : header;
    out.push({ start, end, generators });
  }
  return out;
}

/**
 * The variable bindings in force at each line, from the `for` comprehensions around it
 * (nested ones over the outer ones' variables included). A line outside any comprehension
 * has one empty binding.
 */
export function bindingsAt(src: Source, attributes: ReadonlyMap<string, Term>): (line: number) => Env[] {
  const fors = comprehensions(src);
  const cache = new Map<Comprehension, Env[]>();
  const envsOf = (c: Comprehension): Env[] => {
    const hit = cache.get(c);
    if (hit) return hit;
    cache.set(c, []);
    const outer = fors.filter((o) => o !== c && o.start <= c.start && o.end >= c.end && o.start < c.start);
    const parent = outer.sort((a, b) => b.start - a.start)[0];
    let envs: Env[] = parent ? envsOf(parent) : [new Map()];
    for (const g of c.generators) {
      const next: Env[] = [];
      for (const env of envs) {
        const lookup = (n: string): Term | undefined => env.get(n) ?? attributes.get(n);
        const list = readTerm(src, g.expr, lookup).value;
        if (!Array.isArray(list)) continue;
        for (const item of list) {
          const e = new Map(env);
          if (bind(g.pattern, item, e)) next.push(e);
        }
      }
      envs = next;
    }
    cache.set(c, envs);
    return envs;
  };
  return (line) => {
    const around = fors.filter((c) => c.start <= line && c.end >= line).sort((a, b) => b.start - a.start);
    return around[0] ? envsOf(around[0]) : [new Map()];
  };
}

/** A name a term stands for (a string or atom), if any. */
export const nameOf = (t: Term | undefined): string | undefined =>
  typeof t === 'string' ? t : typeof t === 'number' ? String(t) : undefined;

/**
 * The settings of an Elixir config file (`config/config.exs`): `config :app, Mod, key: value`
 * under `app|Mod|key`, `config :app, key: value` under `app|key`, with top-level variables
 * (`prefix = "x"`) filled in.
 */
export function configValues(src: Source): Map<string, Term> {
  const vars = new Map<string, Term>();
  for (const m of src.masked.matchAll(/^([a-z_]\w*)[ \t]*=[ \t]*(?=[[{%"':\d])/gm)) {
    const r = readTerm(src, m.index + m[0].length, (n) => vars.get(n));
    if (r.value !== UNKNOWN && !vars.has(m[1]!)) vars.set(m[1]!, r.value);
  }
  const out = new Map<string, Term>();
  for (const m of src.masked.matchAll(/^config\s+:(\w+)\s*,\s*(?:([A-Z][\w.]*)\s*,\s*)?/gm)) {
    const scope = m[2] ? `${m[1]!}|${m[2]}` : m[1]!;
    let k = m.index + m[0].length;
    for (let guard = 0; guard < 200; guard++) {
      k = skipSpace(src, k);
      const key = KEY.exec(src.masked.slice(k, k + 100));
      if (!key) break;
      const r = readTerm(src, k + key[0].length, (n) => vars.get(n));
      if (r.value !== UNKNOWN) out.set(`${scope}|${key[1]!}`, r.value);
      k = skipSpace(src, r.end);
      if (src.masked[k] !== ',') break;
      k++;
    }
  }
  return out;
}

/**
 * Module attributes set from the application's config: `@prefix Application.compile_env(:app,
 * [App.Repo, :key])` (also `compile_env!`, `get_env`, `fetch_env!` with an atom key).
 */
export function configAttributes(src: Source, config: ReadonlyMap<string, Term>): Map<string, Term> {
  const out = new Map<string, Term>();
  const re =
    /^[ \t]*(@[a-z_]\w*)[ \t]+Application\.(?:compile_env!?|get_env|fetch_env!)\(\s*:(\w+)\s*,\s*(?:\[\s*([A-Z][\w.]*)\s*,\s*:(\w+)\s*\]|:(\w+))/gm;
  for (const m of src.masked.matchAll(re)) {
    const key = m[3] ? `${m[2]!}|${m[3]}|${m[4]!}` : `${m[2]!}|${m[5]!}`;
    const v = config.get(key);
    if (v !== undefined) out.set(m[1]!, v);
  }
  return out;
}
