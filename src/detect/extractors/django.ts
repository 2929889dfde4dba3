import { keyword, literalAt, positional, propIn, type Call } from '../lang/args.js';
import { blockEnd } from '../lang/blocks.js';
import { findCalls, type CallSite } from '../lang/calls.js';
import { sqlOperations } from '../lang/embedded-sql.js';
import { isIgnoredPath } from '../lang/ignored-paths.js';
import {
  changesFromModels,
  changesFromOperations,
  type Model,
  type Operation,
  type Parsed,
} from '../lang/operations.js';
import { lineOf, scanSource, type Source } from '../lang/source.js';
import type { ChangeKind, Extractor } from '../types.js';

const MIGRATION = /(^|\/)([\w-]+)\/migrations\/\d{4}_\w*\.py$/;
const MODELS = /(^|\/)([\w-]+)\/models(\.py|\/[\w-]+\.py)$/;

/** The app label: the folder holding `migrations/` or `models.py`. */
const appLabel = (path: string): string => (MIGRATION.exec(path) ?? MODELS.exec(path))?.[2] ?? 'app';

const OPS: Record<string, ChangeKind> = {
  CreateModel: 'create',
  DeleteModel: 'drop',
  AddField: 'alter',
  RemoveField: 'alter',
  AlterField: 'alter',
  RenameField: 'alter',
  AddIndex: 'alter',
  RemoveIndex: 'alter',
  RenameIndex: 'alter',
  AddConstraint: 'alter',
  RemoveConstraint: 'alter',
  AlterUniqueTogether: 'alter',
  AlterIndexTogether: 'alter',
  AlterOrderWithRespectTo: 'alter',
  AddIndexConcurrently: 'alter',
  RemoveIndexConcurrently: 'alter',
};
const WRITES =
  /\.(save|update|create|delete|bulk_create|bulk_update|get_or_create|update_or_create|add|remove|set|clear)\(/;

function migrationOps(text: string, path: string): Parsed {
  const src = scanSource(text, 'python');
  const app = appLabel(path);
  const ops: Operation[] = [];
  const tables = new Map<string, string>();
  const tableOf = (model: string): string =>
    tables.get(model.toLowerCase()) ?? `${app}_${model.toLowerCase()}`;
  const arg = (call: Call, key: string, index: number): string | undefined => {
    const a = keyword(call, key) ?? positional(call)[index];
    return a ? literalAt(src, a.value) : undefined;
  };
  // State-only operations of SeparateDatabaseAndState change nothing in the database.
  const stateOnly: Array<[number, number]> = [];
  for (const site of findCalls(src, ['SeparateDatabaseAndState'], false)) {
    const state = keyword(site.call, 'state_operations');
    if (state) stateOnly.push([state.start, state.end]);
  }
  const names = [...Object.keys(OPS), 'RenameModel', 'AlterModelTable', 'RunSQL', 'RunPython'];
  const sites = findCalls(src, names, false).filter(
    (s) => !stateOnly.some(([a, b]) => s.at >= a && s.at < b),
  );
  const span = (s: CallSite): Pick<Operation, 'start' | 'end'> => ({ start: s.startLine, end: s.endLine });
  for (const site of sites) {
    const call = site.call;
    if (site.name === 'CreateModel') {
      const name = arg(call, 'name', 0);
      if (!name) continue;
      const options = keyword(call, 'options');
      const dbTable = options ? propIn(src, options.value, options.end, 'db_table') : undefined;
      if (dbTable) tables.set(name.toLowerCase(), dbTable);
      ops.push({ table: tableOf(name), kind: 'create', ...span(site) });
    } else if (site.name === 'RenameModel') {
      const from = arg(call, 'old_name', 0);
      const to = arg(call, 'new_name', 1);
      if (!from || !to) continue;
      const old = tableOf(from);
      if (!tables.has(from.toLowerCase())) tables.set(to.toLowerCase(), `${app}_${to.toLowerCase()}`);
      else tables.set(to.toLowerCase(), old);
      if (tableOf(to) !== old)
        ops.push({ table: old, kind: 'rename', renamedTo: tableOf(to), ...span(site) });
    } else if (site.name === 'AlterModelTable') {
      const name = arg(call, 'name', 0);
      if (!name) continue;
      const old = tableOf(name);
      const to = arg(call, 'table', 1) ?? `${app}_${name.toLowerCase()}`;
      tables.set(name.toLowerCase(), to);
      ops.push({ table: old, kind: 'rename', renamedTo: to, ...span(site) });
    } else if (site.name === 'RunSQL') {
      const sql = keyword(call, 'sql') ?? positional(call)[0];
      if (sql) ops.push(...sqlOperations(src, sql.start, sql.end));
    } else if (site.name === 'RunPython') {
      ops.push(...runPython(src, site, app));
    } else {
      const model = arg(call, 'model_name', 0) ?? arg(call, 'name', 0);
      if (model) ops.push({ table: tableOf(model), kind: OPS[site.name]!, ...span(site) });
    }
  }
  return { src, ops };
}

/** `RunPython(forwards, ...)`: the models the forward function writes through `apps.get_model`. */
function runPython(src: Source, site: CallSite, app: string): Operation[] {
  const code = keyword(site.call, 'code') ?? positional(site.call)[0];
  if (!code) return [];
  const fn = /^[A-Za-z_]\w*/.exec(src.masked.slice(code.value, code.end))?.[0];
  if (!fn) return [];
  const def = new RegExp(`\\bdef\\s+${fn}\\s*\\(`).exec(src.masked);
  if (!def) return [];
  const start = lineOf(src, def.index);
  const end = blockEnd(src, start, false);
  const body = src.masked.slice(def.index, src.lineStarts[end] ?? src.masked.length);
  if (!WRITES.test(body)) return [];
  const ops: Operation[] = [];
  for (const m of body.matchAll(/\bget_model\s*\(/g)) {
    const call = findCalls(src, ['get_model'], false).find((s) => s.nameAt === def.index + m.index);
    if (!call) continue;
    const args = positional(call.call).map((a) => literalAt(src, a.value));
    const [label, model] = args.length >= 2 ? [args[0], args[1]] : (args[0] ?? '').split('.');
    if (!model) continue;
    const table = `${label ?? app}_${model.toLowerCase()}`;
    ops.push({ table, kind: 'data', start, end, line: lineOf(src, call.nameAt) });
    ops.push({ table, kind: 'data', start: site.startLine, end: site.endLine });
  }
  return ops;
}

const NOT_MODELS =
  /\b(QuerySet|Manager|TextChoices|IntegerChoices|Choices|Enum|Form|ModelForm|Serializer|Admin|AppConfig|TestCase)\b/;

/** Model classes of a models.py: table `<app>_<model>` unless `Meta.db_table`; abstract and unmanaged models skipped. */
function modelSet(text: string, path: string): { src: Source; models: Model[] } {
  const src = scanSource(text, 'python');
  const app = appLabel(path);
  const models: Model[] = [];
  for (const m of src.masked.matchAll(/^class\s+(\w+)\s*\(([^)]*)\)\s*:/gm)) {
    if (NOT_MODELS.test(m[2]!) || /^\s*$/.test(m[2]!)) continue;
    const start = lineOf(src, m.index);
    const end = blockEnd(src, start, false);
    const body = src.masked.slice(m.index, src.lineStarts[end] ?? src.masked.length);
    if (!/models\.\w+Field\s*\(|\bclass\s+Meta\b|ForeignKey\s*\(/.test(body) && !/\bModel\b/.test(m[2]!))
      continue;
    if (/\babstract\s*=\s*True\b|\bmanaged\s*=\s*False\b|\bproxy\s*=\s*True\b/.test(body)) continue;
    const t = /\bdb_table\s*=\s*/.exec(body);
    const table =
      (t ? literalAt(src, m.index + t.index + t[0].length) : undefined) ?? `${app}_${m[1]!.toLowerCase()}`;
    const ignore = new Set<number>();
    for (const d of body.matchAll(/^[ \t]+(?:@[^\n]*\n[ \t]+)*(?:async\s+)?def\s/gm)) {
      const first = lineOf(src, m.index + d.index);
      const last = blockEnd(src, lineOf(src, m.index + d.index + d[0].length - 1), false);
      for (let l = first; l <= last; l++) ignore.add(l);
    }
    models.push({ name: m[1]!, table, start, end, ignore });
  }
  return { src, models };
}

/** Django migrations (`<app>/migrations/NNNN_*.py`) and models (`<app>/models.py`). */
export const djangoExtractor: Extractor = {
  id: 'django',
  matches: (path, text) =>
    !isIgnoredPath(path) &&
    ((MIGRATION.test(path) && /\bmigrations\.|from django\.db/.test(text)) ||
      (MODELS.test(path) && /from django\.db import models|models\.Model/.test(text))),
  extract: (change) =>
    MIGRATION.test(change.path)
      ? changesFromOperations(change, (t) => migrationOps(t, change.path))
      : changesFromModels(change, (t) => modelSet(t, change.path)),
};
