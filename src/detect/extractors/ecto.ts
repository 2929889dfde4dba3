import { keyword, literalAt, positional, readParenArgs, type Call } from '../lang/args.js';
import { blockEnd } from '../lang/blocks.js';
import { findCalls } from '../lang/calls.js';
import { stringConstants } from '../lang/constants.js';
import { sqlOperationsIn } from '../lang/embedded-sql.js';
import { isIgnoredPath } from '../lang/ignored-paths.js';
import { ormTable } from '../lang/naming.js';
import {
  changesFromModels,
  changesFromOperations,
  type Model,
  type Operation,
  type Parsed,
} from '../lang/operations.js';
import { firstStringFrom, lineOf, lineText, scanSource, stringAt, type Source } from '../lang/source.js';
import type { ChangeKind, ExtractOptions, Extractor, FileChange, TableChange } from '../types.js';
import { alterBlock, alterStatements, KEY_DETAIL } from './ecto-alter.js';
import {
  bindingsAt,
  configAttributes,
  configValues,
  moduleAttributes,
  nameOf,
  type Env,
  type Term,
} from './ecto-terms.js';

const VERBS: Record<string, ChangeKind> = {
  create: 'create',
  create_if_not_exists: 'create',
  alter: 'alter',
  drop: 'drop',
  drop_if_exists: 'drop',
};

/** Lines of `def down do ... end`. */
function downLines(src: Source): Array<[number, number]> {
  return [...src.masked.matchAll(/^\s*def\s+down\b/gm)].map((m) => {
    const line = lineOf(src, m.index + m[0].length - 1);
    return [line, blockEnd(src, line, true)];
  });
}

const MIGRATION = /\buse\s+Ecto\.Migration\b/;

/**
 * The SQL in the string literals of [start, end) under one set of bindings: interpolated
 * variables and module attributes that hold a name are filled in (`ALTER TABLE #{table}`),
 * others stay `_` (a table that is not knowable). Line breaks are kept, so lines map back.
 */
function sqlText(
  src: Source,
  start: number,
  end: number,
  lookup: (name: string) => Term | undefined,
): string {
  for (let i = firstStringFrom(src, start); i < src.strings.length && src.strings[i]!.open < end; i++) {
    end = Math.max(end, src.strings[i]!.close);
  }
  const out = new Array<string>(end - start);
  for (let k = start; k < end; k++) out[k - start] = src.text[k] === '\n' ? '\n' : ' ';
  for (let i = Math.max(0, firstStringFrom(src, start) - 1); i < src.strings.length; i++) {
    const lit = src.strings[i]!;
    if (lit.open >= end) break;
    if (lit.close <= start) continue;
    for (let k = Math.max(lit.start, start); k < Math.min(lit.end, end); k++) {
      const ch = src.text[k]!;
      if (ch === '\\' && k + 1 < lit.end) {
        const next = src.text[k + 1]!;
        out[k - start] = ' ';
        out[k + 1 - start] = 'ntr'.includes(next) ? ' ' : next;
        k++;
        continue;
      }
      out[k - start] = ch;
    }
    for (const [a, b] of lit.interps) {
      if (a < start || b > end) continue;
      const expr = src.text.slice(a + 2, b - 1).trim();
      const value = /^@?[A-Za-z_]\w*$/.test(expr) ? nameOf(lookup(expr)) : undefined;
      for (let k = a; k < b; k++)
        out[k - start] = src.text[k] === '\n' ? '\n' : value === undefined ? '_' : '';
      if (value !== undefined) out[a - start] = value;
      else if (src.text[b] === '.' && /[A-Za-z_"]/.test(src.text[b + 1] ?? '') && b < end) {
        // An unknown schema (`#{prefix}.orders`): the table is known, its schema is not.
        for (let k = a; k <= b; k++) if (src.text[k] !== '\n') out[k - start] = '';
      }
    }
  }
  return out.join('');
}

/** What the application's config says about a migration: config values, the default prefix. */
interface AppConfig {
  values: ReadonlyMap<string, Term>;
  /** The repo's `migration_default_prefix`, for tables a migration names without `prefix:`. */
  defaultPrefix?: string;
}

const NO_CONFIG: AppConfig = { values: new Map() };
const CONFIG_FILES = ['config.exs', 'prod.exs'];

/** The config of the Mix project a file belongs to (the nearest `config/config.exs` above it). */
function appConfig(path: string, options: ExtractOptions, side: 'before' | 'after'): AppConfig {
  const repo = options.repo;
  if (!repo) return NO_CONFIG;
  const parts = path.split('/').slice(0, -1);
  for (let n = parts.length; n >= 0; n--) {
    const dir = parts.slice(0, n).join('/');
    const at = (f: string): string => (dir ? `${dir}/config/${f}` : `config/${f}`);
    if (repo.read(at('config.exs'), side) === undefined) continue;
    const values = new Map<string, Term>();
    for (const f of CONFIG_FILES) {
      const text = repo.read(at(f), side);
      if (text !== undefined) for (const [k, v] of configValues(scanSource(text, 'elixir'))) values.set(k, v);
    }
    const prefixes = new Set(
      [...values].filter(([k]) => k.endsWith('|migration_default_prefix')).map(([, v]) => nameOf(v)),
    );
    const [only] = prefixes;
    // Only migrations under priv/ run with the repo's default prefix (tenant migrations elsewhere
    // are run by code that picks its own).
    return prefixes.size === 1 && only && /(^|\/)priv\//.test(path)
      ? { values, defaultPrefix: only }
      : { values };
  }
  return NO_CONFIG;
}

function opsOf(text: string, config: AppConfig = NO_CONFIG): Parsed {
  const src = scanSource(text, 'elixir');
  const consts = stringConstants(src);
  const attributes = new Map([...configAttributes(src, config.values), ...moduleAttributes(src)]);
  const envsAt = bindingsAt(src, attributes);
  const down = downLines(src);
  const isDown = (l: number): boolean => down.some(([a, b]) => l >= a && l <= b);
  const ops: Operation[] = [];
  const lookupIn =
    (env: Env) =>
    (name: string): Term | undefined =>
      env.get(name) ?? attributes.get(name);
  /** The names an argument stands for: a literal, a constant, or a variable of each binding. */
  const namesAt = (at: number, envs: Env[]): Array<string | undefined> => {
    const literal = literalAt(src, at, consts);
    if (literal !== undefined) return [literal];
    const id = /^\s*(@?[A-Za-z_]\w*)\s*(?=[,)\]]|$)/m.exec(src.masked.slice(at, at + 100))?.[1];
    if (id === undefined) return [undefined];
    const names = envs.map((env) => nameOf(lookupIn(env)(id)));
    return names.length > 0 ? names : [undefined];
  };
  /** table(:x, prefix: "p") / index(:x, ...) / constraint(:x, ...): the tables it names. */
  const targets = (call: Call, envs: Env[]): Array<string | null> => {
    const first = positional(call)[0];
    if (!first) return [null];
    const prefix = keyword(call, 'prefix');
    const prefixes = prefix ? namesAt(prefix.value, envs) : [undefined];
    const names = namesAt(first.value, envs);
    const out = new Set<string | null>();
    names.forEach((name, i) =>
      out.add(name ? ormTable(name, prefixes[i] ?? prefixes[0] ?? config.defaultPrefix) : null),
    );
    return [...out];
  };
  const inner = (from: number): { kind: string; call: Call; at: number } | undefined => {
    const m = /^\s*\(?\s*(table|index|unique_index|constraint)\s*\(/.exec(src.masked.slice(from, from + 200));
    if (!m) return undefined;
    return { kind: m[1]!, call: readParenArgs(src, from + m[0].length - 1), at: from + m[0].length };
  };
  for (const site of findCalls(src, [...Object.keys(VERBS), 'rename'], true)) {
    if (site.receiver !== '') continue;
    const start = site.nameAt + site.name.length;
    const t = inner(start);
    if (!t) continue;
    const opens = /\bdo\s*$/.test(
      src.masked.slice(
        site.call.end,
        (src.masked.indexOf('\n', site.call.end) + 1 || src.masked.length + 1) - 1,
      ),
    );
    const end = opens ? blockEnd(src, site.endLine, true) : site.endLine;
    const base = { start: site.startLine, end, down: isDown(site.startLine) };
    const envs = envsAt(site.startLine);
    const statements =
      site.name === 'alter' && t.kind === 'table' && opens
        ? alterStatements(src, site.endLine, end, (at, line) => namesAt(at, envsAt(line)))
        : undefined;
    for (const table of targets(t.call, envs)) {
      if (site.name === 'rename') {
        const to = keyword(site.call, 'to');
        const toTable = to ? inner(to.value - 1) : undefined;
        const column = positional(site.call)[1];
        if (t.kind === 'table' && toTable?.kind === 'table') {
          const renamed = targets(toTable.call, envs)[0];
          ops.push({ ...base, table, kind: 'rename', ...(renamed ? { renamedTo: renamed } : {}) });
        } else if (t.kind === 'table' && column) {
          // rename table(:orders), :amount, to: :total
          const [newName] = to ? namesAt(to.value, envs) : [];
          for (const name of namesAt(column.value, envs))
            ops.push({
              ...base,
              table,
              kind: 'alter',
              ...(name ? { detail: 'rename-column', column: name } : {}),
              ...(name && newName ? { columnTo: newName } : {}),
            });
        } else
          ops.push({
            ...base,
            table,
            kind: 'alter',
            ...(t.kind === 'table' ? {} : { detail: KEY_DETAIL[t.kind] }),
          });
      } else if (statements) ops.push(...alterBlock(src, table, base, site.endLine, statements));
      else if (t.kind === 'table') ops.push({ ...base, table, kind: VERBS[site.name]! });
      else ops.push({ ...base, table, kind: 'alter', detail: KEY_DETAIL[t.kind] });
    }
  }
  for (const site of findCalls(src, ['execute'], true)) {
    if (site.receiver !== '') continue;
    const a = positional(site.call)[0];
    if (!a) continue;
    let [from, to] = [a.start, a.end];
    // `execute(sql)` / `execute sql`: the string last assigned to that variable before the call.
    const id = /^[a-z_]\w*$/.exec(src.masked.slice(a.start, a.end))?.[0];
    if (id !== undefined) {
      const assigned = [
        ...src.masked.slice(0, site.at).matchAll(new RegExp(`^[ \\t]*${id}\\s*=\\s*`, 'gm')),
      ].pop();
      const lit = assigned ? stringAt(src, assigned.index + assigned[0].length) : undefined;
      if (!assigned || !lit || lit.open > assigned.index + assigned[0].length + 3) continue;
      [from, to] = [lit.open, lit.close];
    }
    const seen = new Set<string>();
    for (const env of envsAt(site.startLine)) {
      const sql = sqlText(src, from, to, lookupIn(env));
      if (seen.has(sql)) continue;
      seen.add(sql);
      for (const op of sqlOperationsIn(src, sql, from)) ops.push({ ...op, down: isDown(site.startLine) });
    }
  }
  for (const site of findCalls(src, ['insert_all', 'update_all', 'delete_all'], false)) {
    const a = positional(site.call)[0];
    const name = a ? literalAt(src, a.value, consts) : undefined;
    if (name)
      ops.push({
        table: ormTable(name),
        kind: 'data',
        start: site.startLine,
        end: site.endLine,
        down: isDown(site.startLine),
      });
  }
  return { src, ops };
}

/** Schema statements that hold no column of the table: associations kept elsewhere, virtual fields. */
const NO_COLUMN = /^(has_many|has_one|many_to_many)\b|\bvirtual:\s*true\b|\bdefine_field:\s*false\b/;

/**
 * Lines of a `schema` block whose statements map to no column of its table (`has_many`,
 * `many_to_many`, `field ..., virtual: true`, `belongs_to ..., define_field: false`), each
 * statement with its continuation lines: changing them leaves the table's schema as it was.
 */
function noColumnLines(src: Source, start: number, end: number): Set<number> {
  const out = new Set<number>();
  const indent = (l: string): number => l.length - l.trimStart().length;
  let statement: number[] = [];
  let base = -1;
  const flush = (): void => {
    const text = statement.map((l) => lineText(src, l, true).trim()).join(' ');
    if (NO_COLUMN.test(text)) for (const l of statement) out.add(l);
    statement = [];
  };
  for (let l = start + 1; l < end; l++) {
    const masked = lineText(src, l, true);
    if (masked.trim() === '') continue;
    if (base < 0) base = indent(masked);
    if (indent(masked) <= base) flush();
    statement.push(l);
  }
  flush();
  return out;
}

/** `schema "orders" do ... end` blocks, with `@schema_prefix`. */
function schemas(text: string): { src: Source; models: Model[] } {
  const src = scanSource(text, 'elixir');
  const prefix = stringConstants(src).get('@schema_prefix');
  const models: Model[] = [];
  const module = /defmodule\s+([\w.]+)/.exec(src.masked)?.[1] ?? 'schema';
  for (const m of src.masked.matchAll(/^\s*schema\s+/gm)) {
    const name = literalAt(src, m.index + m[0].length);
    if (!name) continue;
    const start = lineOf(src, m.index + m[0].length - 1);
    const end = blockEnd(src, start, true);
    models.push({
      name: module,
      table: ormTable(name, prefix),
      start,
      end,
      ignore: noColumnLines(src, start, end),
    });
  }
  return { src, models };
}

/** A change's code with all whitespace and comments left out: equal for a reformatted (`mix format`) text. */
function codeOf(src: Source, start: number, end: number): string {
  const from = src.lineStarts[start - 1] ?? 0;
  const to = src.lineStarts[end] ?? src.text.length;
  let out = '';
  for (let k = from; k < to; k++) if (!/\s/.test(src.masked[k]!)) out += src.text[k];
  return out;
}

/**
 * A modified migration whose operations only changed layout (line breaks, indentation, as
 * `mix format` does) changes nothing: the lines of an operation whose code, whitespace aside,
 * is the same on both sides are not counted as changed.
 */
function withoutReformats(change: FileChange, parse: (text: string) => Parsed): FileChange {
  if (change.before === undefined || change.after === undefined || change.status === 'added') return change;
  const before = parse(change.before);
  const after = parse(change.after);
  const key = (p: Parsed, o: Operation): string => `${o.table}|${o.kind}|${codeOf(p.src, o.start, o.end)}`;
  const beforeKeys = new Set(before.ops.map((o) => key(before, o)));
  const afterKeys = new Set(after.ops.map((o) => key(after, o)));
  const added = new Set(change.addedLines);
  const removed = new Set(change.removedLines);
  for (const o of after.ops)
    if (beforeKeys.has(key(after, o))) for (let l = o.start; l <= o.end; l++) added.delete(l);
  for (const o of before.ops)
    if (afterKeys.has(key(before, o))) for (let l = o.start; l <= o.end; l++) removed.delete(l);
  return { ...change, addedLines: added, removedLines: removed };
}

const isMigration = (text: string): boolean => MIGRATION.test(text);

/**
 * Ecto migrations, recognised by `use Ecto.Migration` wherever they live (`priv/repo/migrations`,
 * tenant migrations compiled as `.ex` under `lib/`), and `schema "x"` modules.
 */
export const ectoExtractor: Extractor = {
  id: 'ecto',
  matches: (path, text) =>
    !isIgnoredPath(path) &&
    /\.exs?$/.test(path) &&
    (isMigration(text) ||
      (/\.ex$/.test(path) &&
        /use Ecto\.Schema|import Ecto\.Schema/.test(text) &&
        /^\s*schema\s+"/m.test(text))),
  contextGlobs: ['**/config/config.exs', '**/config/prod.exs'],
  extract(change, options): TableChange[] {
    if (!isMigration(change.after ?? change.before ?? '')) return changesFromModels(change, schemas);
    const config = appConfig(change.path, options, change.after === undefined ? 'before' : 'after');
    const parse = (text: string): Parsed => opsOf(text, config);
    return changesFromOperations(withoutReformats(change, parse), parse);
  },
};
