import { literalAt, positional, stringText, type Arg } from '../lang/args.js';
import { findCalls } from '../lang/calls.js';
import { stringConstants } from '../lang/constants.js';
import { JS_DOWN, JS_UP, downRanges, inRanges } from '../lang/directions.js';
import { sniffDialect, sqlOperationsIn } from '../lang/embedded-sql.js';
import { isIgnoredPath } from '../lang/ignored-paths.js';
import { ormTable } from '../lang/naming.js';
import { alterTableOps } from './knex-table.js';
import { changesFromOperations, type Operation, type Parsed } from '../lang/operations.js';
import { firstStringFrom, scanSource, type Source } from '../lang/source.js';
import type { ChangeKind, Extractor } from '../types.js';

const SCHEMA: Record<string, ChangeKind> = {
  createTable: 'create',
  createTableIfNotExists: 'create',
  createTableLike: 'create',
  alterTable: 'alter',
  table: 'alter',
  dropTable: 'drop',
  dropTableIfExists: 'drop',
  renameTable: 'rename',
};
const WRITES = ['insert', 'update', 'del', 'delete', 'truncate', 'increment', 'decrement', 'upsert', 'merge'];

/**
 * The SQL of a `raw(...)` argument, with `${name}` interpolations of the file's string constants
 * written out (`ALTER TABLE "${tableName}"`); other interpolations stay unknown (`_`).
 */
function rawSql(src: Source, start: number, end: number, consts: ReadonlyMap<string, string>): string {
  for (let i = firstStringFrom(src, start); i < src.strings.length && src.strings[i]!.open < end; i++)
    end = Math.max(end, src.strings[i]!.close);
  let sql = stringText(src, start, end);
  const spans = src.strings
    .filter((l) => l.open < end && l.close > start)
    .flatMap((l) => l.interps)
    .sort((x, y) => y[0] - x[0]);
  for (const [a, b] of spans) {
    const value = consts.get(src.text.slice(a + 2, b - 1).trim());
    if (value !== undefined && !/[\n`$]/.test(value))
      sql = sql.slice(0, a - start) + value + sql.slice(b - start);
  }
  return sql;
}

function opsOf(text: string): Parsed {
  const src = scanSource(text, 'js');
  const consts = stringConstants(src);
  const down = downRanges(src, JS_UP, JS_DOWN);
  const ops: Operation[] = [];
  const params = new Set(['knex', 'trx', 'tx', 'db']);
  for (const m of src.masked.matchAll(
    /\bup\s*[:=]?\s*(?:async\s*)?(?:function\s*)?\(\s*(\w+)|\bup\s*[:=]\s*(?:async\s+)?(\w+)\s*=>/g,
  )) {
    params.add((m[1] ?? m[2])!);
  }
  const name = (a: Arg | undefined, schema?: string): string | null => {
    const v = a ? literalAt(src, a.value, consts) : undefined;
    if (v === undefined) return null;
    const dot = v.indexOf('.');
    return dot > 0 && !schema ? ormTable(v.slice(dot + 1), v.slice(0, dot)) : ormTable(v, schema);
  };
  for (const site of findCalls(src, Object.keys(SCHEMA), false)) {
    if (!/\bschema\s*\./.test(site.receiver)) continue;
    const ws = /withSchema\(/.exec(site.receiver);
    const schema = ws ? literalAt(src, site.at + ws.index + ws[0].length, consts) : undefined;
    const args = positional(site.call);
    const base = { start: site.startLine, end: site.endLine, down: inRanges(down, site.startLine) };
    const table = name(args[0], schema);
    if (site.name === 'renameTable') {
      const to = name(args[1], schema);
      ops.push({ ...base, table, kind: 'rename', ...(to ? { renamedTo: to } : {}) });
    } else if (SCHEMA[site.name] === 'alter') {
      const detailed = alterTableOps(src, site, table, base.down, (at) => literalAt(src, at, consts));
      ops.push(...(detailed ?? [{ ...base, table, kind: 'alter' as const }]));
    } else ops.push({ ...base, table, kind: SCHEMA[site.name]! });
  }
  // Data: knex('t').insert(...), knex.table('t').update(...), knex.insert(...).into('t').
  for (const site of findCalls(src, WRITES, false)) {
    const chain = site.receiver;
    if (/\bschema\s*\./.test(chain)) continue;
    const rootCall = /^(\w+)\s*\(/.exec(chain);
    const root =
      (rootCall && params.has(rootCall[1]!) ? rootCall : null) ??
      (params.has(/^\w*/.exec(chain)![0]) ? /\.(?:table|from|into)\s*\(/.exec(chain) : null);
    const into =
      site.name === 'insert'
        ? /^\s*\.\s*into\s*\(/.exec(src.masked.slice(site.call.end, site.call.end + 40))
        : null;
    const at = into
      ? site.call.end + into[0].length
      : root
        ? site.at + root.index + root[0].length
        : undefined;
    if (at === undefined) continue;
    const v = literalAt(src, at, consts);
    if (v === undefined) continue;
    ops.push({
      table: name({ start: at, end: at, value: at }),
      kind: 'data',
      start: site.startLine,
      end: site.endLine,
      down: inRanges(down, site.startLine),
    });
  }
  for (const site of findCalls(src, ['raw'], false)) {
    const a = positional(site.call)[0];
    if (!a) continue;
    for (const op of sqlOperationsIn(src, rawSql(src, a.start, a.end, consts), a.start, sniffDialect(text)))
      ops.push({ ...op, down: inRanges(down, op.start) });
  }
  return { src, ops };
}

const SCHEMA_CALL =
  /\b\w+\s*\.\s*schema\s*\.\s*(?:withSchema\s*\([^)]*\)\s*\.\s*)?(?:createTable|createTableIfNotExists|alterTable|table|dropTable|dropTableIfExists|renameTable|raw)\s*\(/;

/** Knex migrations: `knex.schema.*` builders, query-builder writes and `knex.raw` SQL in `up`. */
export const knexExtractor: Extractor = {
  id: 'knex',
  matches: (path, text) =>
    /\.(c|m)?[jt]s$/.test(path) &&
    !isIgnoredPath(path) &&
    /\b(exports\.up|function\s+up|up\s*[:=(])/.test(text) &&
    // The schema builder is the signature; a migrations folder is only a hint for data-only files.
    (SCHEMA_CALL.test(text) || (/\bmigrations?\//.test(path) && /\.schema\b|\bknex\b|Knex/.test(text))),
  extract: (change) => changesFromOperations(change, opsOf),
};
