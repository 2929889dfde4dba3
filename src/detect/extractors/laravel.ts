import { literalAt, positional } from '../lang/args.js';
import { matchBracket } from '../lang/blocks.js';
import { findCalls } from '../lang/calls.js';
import { downRanges, inRanges } from '../lang/directions.js';
import { sqlOperations } from '../lang/embedded-sql.js';
import { isIgnoredPath } from '../lang/ignored-paths.js';
import { dottedTable, pluralize, underscore } from '../lang/naming.js';
import { changesFromOperations, type Operation, type Parsed } from '../lang/operations.js';
import { lineOf, scanSource, type Source } from '../lang/source.js';
import type { ChangeKind, Extractor } from '../types.js';

const SCHEMA: Record<string, ChangeKind> = {
  create: 'create',
  table: 'alter',
  drop: 'drop',
  dropIfExists: 'drop',
  rename: 'rename',
  dropColumns: 'alter',
};
const WRITES = [
  'insert',
  'insertOrIgnore',
  'insertGetId',
  'update',
  'updateOrInsert',
  'upsert',
  'delete',
  'truncate',
  'increment',
  'decrement',
  'create',
  'forceCreate',
  'firstOrCreate',
  'updateOrCreate',
  'save',
  'forceDelete',
];
const UP = /\bfunction\s+up\s*\(/g;
const DOWN = /\bfunction\s+down\s*\(/g;
/** Facades and helpers that are not Eloquent models. */
const NOT_MODELS = new Set([
  'DB',
  'Schema',
  'Str',
  'Arr',
  'Carbon',
  'Log',
  'Cache',
  'Config',
  'Artisan',
  'Hash',
  'App',
  'Storage',
  'Event',
  'Queue',
  'Mail',
  'Http',
  'Blueprint',
  'Collection',
]);

/** `protected $table = 'x'` of model classes defined in the file. */
function modelTables(src: Source): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of src.masked.matchAll(/\bclass\s+(\w+)\s+extends\s+\w*Model\b[^{]*\{/g)) {
    const end = matchBracket(src, m.index + m[0].length - 1);
    const t = /\$table\s*=\s*/.exec(src.masked.slice(m.index, end));
    const table = t ? literalAt(src, m.index + t.index + t[0].length) : undefined;
    if (table) map.set(m[1]!, table);
  }
  return map;
}

function opsOf(text: string): Parsed {
  const src = scanSource(text, 'php');
  const down = downRanges(src, UP, DOWN);
  const ops: Operation[] = [];
  const models = modelTables(src);
  for (const site of findCalls(src, Object.keys(SCHEMA), false)) {
    if (
      !/^(\\?Illuminate\\Support\\Facades\\)?Schema::((connection|setConnection)\([^)]*\)\s*->)?$/.test(
        site.receiver.replace(/\s+/g, ''),
      )
    )
      continue;
    const args = positional(site.call);
    const name = (i: number): string | undefined => {
      const v = args[i] ? literalAt(src, args[i]!.value) : undefined;
      return v === undefined ? undefined : dottedTable(v);
    };
    const base = { start: site.startLine, end: site.endLine, down: inRanges(down, site.startLine) };
    if (site.name === 'rename') {
      const to = name(1);
      ops.push({ ...base, table: name(0) ?? null, kind: 'rename', ...(to ? { renamedTo: to } : {}) });
    } else ops.push({ ...base, table: name(0) ?? null, kind: SCHEMA[site.name]! });
  }
  for (const site of findCalls(
    src,
    ['statement', 'unprepared', 'affectingStatement', 'update', 'insert', 'delete'],
    false,
  )) {
    if (
      !/^(\\?Illuminate\\Support\\Facades\\)?DB::((connection)\([^)]*\)\s*->)?$/.test(
        site.receiver.replace(/\s+/g, ''),
      )
    )
      continue;
    const a = positional(site.call)[0];
    if (!a) continue;
    for (const op of sqlOperations(src, a.start, a.end)) ops.push({ ...op, down: inRanges(down, op.start) });
  }
  // Data: DB::table('x')->...->update(), Model::where(...)->update(), Model::create([...]).
  for (const site of findCalls(src, WRITES, false)) {
    const chain = site.receiver;
    const base = {
      kind: 'data' as const,
      start: lineOf(src, site.at),
      end: site.endLine,
      down: inRanges(down, site.startLine),
    };
    const db = /^(?:\\?Illuminate\\Support\\Facades\\)?DB::(?:connection\([^)]*\)\s*->\s*)?table\s*\(/.exec(
      chain,
    );
    if (db) {
      const v = literalAt(src, site.at + db[0].length);
      if (v) ops.push({ ...base, table: dottedTable(v) });
      continue;
    }
    const model = /^\\?(?:\w+\\)*([A-Z]\w*)::/.exec(chain);
    if (model && !NOT_MODELS.has(model[1]!)) {
      ops.push({ ...base, table: models.get(model[1]!) ?? pluralize(underscore(model[1]!)) });
    }
  }
  return { src, ops };
}

/** Laravel migrations (`database/migrations/*.php`): `Schema::` builders, `DB::` SQL and writes in `up()`. */
export const laravelExtractor: Extractor = {
  id: 'laravel',
  matches: (path, text) =>
    /\.php$/.test(path) &&
    !isIgnoredPath(path) &&
    (/(^|\/)database\/migrations\//.test(path) || /extends\s+Migration\b/.test(text)),
  extract: (change) => changesFromOperations(change, opsOf),
};
