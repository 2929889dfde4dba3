import { keyword, literalAt, positional, readParenArgs, type Call } from '../lang/args.js';
import { blockEnd } from '../lang/blocks.js';
import { findCalls } from '../lang/calls.js';
import { stringConstants } from '../lang/constants.js';
import { sqlOperations } from '../lang/embedded-sql.js';
import { isIgnoredPath } from '../lang/ignored-paths.js';
import { ormTable } from '../lang/naming.js';
import {
  changesFromModels,
  changesFromOperations,
  type Model,
  type Operation,
  type Parsed,
} from '../lang/operations.js';
import { lineOf, scanSource, type Source } from '../lang/source.js';
import type { ChangeKind, Extractor } from '../types.js';

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

function opsOf(text: string): Parsed {
  const src = scanSource(text, 'elixir');
  const consts = stringConstants(src);
  const down = downLines(src);
  const isDown = (l: number): boolean => down.some(([a, b]) => l >= a && l <= b);
  const ops: Operation[] = [];
  /** table(:x, prefix: "p") / index(:x, ...) / constraint(:x, ...) at `open` (the `(`). */
  const target = (call: Call): string | null => {
    const first = positional(call)[0];
    const name = first ? literalAt(src, first.value, consts) : undefined;
    const prefix = keyword(call, 'prefix');
    const p = prefix ? literalAt(src, prefix.value, consts) : undefined;
    return name ? ormTable(name, p) : null;
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
    const table = target(t.call);
    if (site.name === 'rename') {
      const to = keyword(site.call, 'to');
      const toTable = to ? inner(to.value - 1) : undefined;
      if (t.kind === 'table' && toTable?.kind === 'table') {
        const renamed = target(toTable.call);
        ops.push({ ...base, table, kind: 'rename', ...(renamed ? { renamedTo: renamed } : {}) });
      } else ops.push({ ...base, table, kind: 'alter' });
    } else ops.push({ ...base, table, kind: t.kind === 'table' ? VERBS[site.name]! : 'alter' });
  }
  for (const site of findCalls(src, ['execute'], true)) {
    if (site.receiver !== '') continue;
    const a = positional(site.call)[0];
    if (a)
      for (const op of sqlOperations(src, a.start, a.end)) ops.push({ ...op, down: isDown(site.startLine) });
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
    models.push({ name: module, table: ormTable(name, prefix), start, end: blockEnd(src, start, true) });
  }
  return { src, models };
}

/** Ecto migrations (`priv/**\/migrations/*.exs`) and `schema "x"` modules. */
export const ectoExtractor: Extractor = {
  id: 'ecto',
  matches: (path, text) =>
    !isIgnoredPath(path) &&
    ((/\.exs$/.test(path) && /(^|\/)migrations\//.test(path) && /Ecto\.Migration/.test(text)) ||
      (/\.ex$/.test(path) &&
        /use Ecto\.Schema|import Ecto\.Schema/.test(text) &&
        /^\s*schema\s+"/m.test(text))),
  extract: (change) =>
    /\.exs$/.test(change.path) ? changesFromOperations(change, opsOf) : changesFromModels(change, schemas),
};
