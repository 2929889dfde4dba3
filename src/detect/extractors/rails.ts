import { literalAt, positional, keyword } from '../lang/args.js';
import { blockEnd } from '../lang/blocks.js';
import { findCalls, opensBlock, type CallSite } from '../lang/calls.js';
import { sqlOperations } from '../lang/embedded-sql.js';
import { isIgnoredPath } from '../lang/ignored-paths.js';
import { dottedTable, pluralize, underscore } from '../lang/naming.js';
import { changesFromOperations, type Operation, type Parsed } from '../lang/operations.js';
import { lineOf, scanSource, type Source } from '../lang/source.js';
import type { ChangeKind, Extractor } from '../types.js';
import { changeTableOps, detailedOps, STATEMENTS } from './rails-alters.js';

const KIND: Record<string, ChangeKind> = {
  create_table: 'create',
  create_join_table: 'create',
  drop_table: 'drop',
  drop_join_table: 'drop',
  rename_table: 'rename',
};
const ALTERS = [
  'change_table',
  'add_column',
  'remove_column',
  'remove_columns',
  'rename_column',
  'change_column',
  'change_column_default',
  'change_column_null',
  'change_column_comment',
  'change_table_comment',
  'add_index',
  'remove_index',
  'rename_index',
  'add_reference',
  'remove_reference',
  'add_belongs_to',
  'remove_belongs_to',
  'add_timestamps',
  'remove_timestamps',
  'add_foreign_key',
  'remove_foreign_key',
  'validate_foreign_key',
  'add_check_constraint',
  'remove_check_constraint',
  'validate_check_constraint',
  'add_exclusion_constraint',
  'remove_exclusion_constraint',
  'add_unique_constraint',
  'remove_unique_constraint',
];
const SQL_CALLS = ['execute', 'exec_query', 'exec_update', 'exec_delete', 'exec_insert', 'select_all'];
/** First methods of an Active Record chain that make `Foo.` a model and not some other constant. */
const MODEL_START =
  /^\.(where|all|unscoped|find_each|find_in_batches|in_batches|update_all|delete_all|destroy_all|insert_all!?|upsert_all|create!?|find_or_create_by!?|find_by!?|find|joins|includes|order|limit|not|each|update!?|insert!?|upsert)\b/;
const WRITES =
  /\.(update_all|delete_all|destroy_all|insert_all!?|upsert_all|create!?|find_or_create_by!?|update!?|update_column|update_columns|update_attribute|save!?|destroy!?|delete|insert!?|upsert|increment!|decrement!|toggle!|touch_all)(?![\w?])/;

/** Rails' join table name: the two names sorted, a shared prefix kept once (`categories_products`). */
function joinTable(a: string, b: string): string {
  const [x, y] = [a, b].sort() as [string, string];
  const joined = `${x}|${y}`.replace(/^(.*_)(.+)\|\1(.+)/, '$1$2_$3');
  return joined.replace('|', '_');
}

/** Lines of `def down` / `def self.down` and `dir.down` blocks: the rollback direction. */
function downLines(src: Source): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of src.masked.matchAll(/\bdef\s+(?:self\.)?down\b|\b\w+\.down\s*(?=do\b|\{)/g)) {
    const line = lineOf(src, m.index);
    const rest = src.masked.slice(m.index, src.masked.indexOf('\n', m.index) >>> 0);
    ranges.push([line, /\{.*\}/.test(rest) ? line : blockEnd(src, line, true)]);
  }
  return ranges;
}

/** Model classes defined in the migration itself, with `self.table_name`. */
function inlineModels(src: Source): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of src.masked.matchAll(/\bclass\s+([A-Z]\w*(?:::[A-Z]\w*)*)\s*<[^\n]*/g)) {
    const end = blockEnd(src, lineOf(src, m.index), true);
    const body = src.masked.slice(m.index, src.lineStarts[end] ?? src.masked.length);
    const t = /self\.table_name\s*=\s*/.exec(body);
    const name = m[1]!;
    if (t) {
      const table = literalAt(src, m.index + t.index + t[0].length);
      if (table) map.set(name, table);
    }
  }
  return map;
}

function opsOf(text: string): Parsed {
  const src = scanSource(text, 'ruby');
  const ops: Operation[] = [];
  const down = downLines(src);
  const isDown = (line: number): boolean => down.some(([a, b]) => line >= a && line <= b);
  const span = (site: CallSite): [number, number] => [
    site.startLine,
    opensBlock(src, site) ? Math.max(site.endLine, blockEnd(src, site.endLine, true)) : site.endLine,
  ];
  const schemaCalls = findCalls(src, [...Object.keys(KIND), ...ALTERS], true).filter(
    (s) => s.receiver === '' || /connection\.$/.test(s.receiver),
  );
  for (const site of schemaCalls) {
    const [start, end] = span(site);
    const args = positional(site.call);
    const name = (i: number): string | undefined => {
      const a = args[i];
      const v = a ? literalAt(src, a.value) : undefined;
      return v === undefined ? undefined : dottedTable(v);
    };
    const base: Pick<Operation, 'start' | 'end' | 'down'> = { start, end, down: isDown(site.startLine) };
    if (site.name === 'create_join_table' || site.name === 'drop_join_table') {
      const explicit = keyword(site.call, 'table_name');
      const a = name(0);
      const b = name(1);
      const table = explicit ? literalAt(src, explicit.value) : a && b ? joinTable(a, b) : undefined;
      ops.push({ ...base, table: table ?? null, kind: KIND[site.name]! });
    } else if (site.name === 'rename_table') {
      const to = name(1);
      ops.push({ ...base, table: name(0) ?? null, kind: 'rename', ...(to ? { renamedTo: to } : {}) });
    } else if (KIND[site.name]) ops.push({ ...base, table: name(0) ?? null, kind: KIND[site.name]! });
    else {
      const table = name(0) ?? null;
      const shape = STATEMENTS[site.name];
      const block =
        site.name === 'change_table' ? changeTableOps(src, site, table, [start, end], base.down!) : undefined;
      if (block) ops.push(...block);
      else if (shape) ops.push(...detailedOps(src, site, shape, { ...base, table }));
      else ops.push({ ...base, table, kind: 'alter' });
    }
  }
  for (const site of findCalls(src, SQL_CALLS, true)) {
    const arg = positional(site.call)[0];
    if (!arg) continue;
    for (const op of sqlOperations(src, arg.start, arg.end))
      ops.push({ ...op, down: isDown(site.startLine) });
  }
  const models = inlineModels(src);
  for (const m of src.masked.matchAll(/(?<![\w:.])([A-Z]\w*(?:::[A-Z]\w*)*)(?=\.\w)/g)) {
    const after = src.masked.slice(m.index + m[1]!.length);
    if (!MODEL_START.test(after)) continue;
    const line = lineOf(src, m.index);
    const block = /\b(do|\{)\s*(\|[^|]*\|)?\s*$/.test(after.split('\n')[0]!);
    const [start, end] = block ? [line, blockEnd(src, line, true)] : [line, line];
    const stmt = src.masked.slice(src.lineStarts[start - 1]!, src.lineStarts[end] ?? src.masked.length);
    if (!WRITES.test(stmt)) continue;
    const table = models.get(m[1]!) ?? pluralize(underscore(m[1]!));
    ops.push({ table, kind: 'data', start, end, down: isDown(line) });
  }
  return { src, ops };
}

/** Rails migrations (`db/migrate/*.rb`): schema statements, `execute` SQL and model data changes in `change`/`up`. */
export const railsExtractor: Extractor = {
  id: 'rails',
  matches: (path) => /(^|\/)db\/[\w-]*migrate[\w-]*\/.*\.rb$/.test(path) && !isIgnoredPath(path),
  extract: (change) => changesFromOperations(change, opsOf),
};
