import { literalAt, positional } from '../lang/args.js';
import { blockEnd } from '../lang/blocks.js';
import { findCalls } from '../lang/calls.js';
import { isIgnoredPath } from '../lang/ignored-paths.js';
import { dottedTable } from '../lang/naming.js';
import { lineText, scanSource, type Source } from '../lang/source.js';
import { isBookkeepingTable } from '../sql/bookkeeping.js';
import type { Extractor, FileChange, RepoContext, TableChange } from '../types.js';

const TABLE_CALLS = ['add_foreign_key', 'add_check_constraint', 'add_index', 'create_trigger', 'create_view'];
const MIGRATIONS = '**/db/migrate/*.rb';

/** One table of a schema dump: its line and what the database holds, order aside. */
interface DumpTable {
  line: number;
  parts: Array<[text: string, line: number]>;
}

/** The tables of a schema.rb: `create_table` blocks and top-level statements naming a table. */
function dumpTables(text: string): { src: Source; tables: Map<string, DumpTable> } {
  const src = scanSource(text, 'ruby');
  const tables = new Map<string, DumpTable>();
  const lineParts = (from: number, to: number): DumpTable['parts'] => {
    const out: DumpTable['parts'] = [];
    for (let l = from; l <= to; l++) {
      const t = lineText(src, l).trim().replace(/\s+/g, ' ');
      if (t !== '' && t !== 'end' && lineText(src, l, true).trim() !== '') out.push([t, l]);
    }
    return out;
  };
  for (const site of findCalls(src, ['create_table'], true)) {
    const arg = positional(site.call)[0];
    const name = arg ? literalAt(src, arg.value) : undefined;
    if (!name) continue;
    const end = blockEnd(src, site.endLine, true);
    tables.set(dottedTable(name), { line: site.startLine, parts: lineParts(site.startLine, end) });
  }
  for (const site of findCalls(src, TABLE_CALLS, true)) {
    const arg = positional(site.call)[0];
    const name = arg ? literalAt(src, arg.value) : undefined;
    const t = name ? tables.get(dottedTable(name)) : undefined;
    if (t) t.parts.push(...lineParts(site.startLine, site.endLine));
    else if (name)
      tables.set(dottedTable(name), { line: site.startLine, parts: lineParts(site.startLine, site.endLine) });
  }
  for (const t of tables.values()) t.parts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { src, tables };
}

const version = (text: string | undefined): string | undefined =>
  text ? /\.define\(\s*version:\s*([\d_]+)/.exec(text)?.[1]?.replace(/_/g, '') : undefined;

/**
 * Whether the dump needs no reading of its own: an unchanged schema version (a re-dump from a
 * developer's database: deployed databases run migrations, and none is new), or a new version
 * whose migrations are in the repository (they say what changes; a dump also carries whatever
 * drift the developer's database had).
 */
function migrationsSpeak(change: FileChange, repo: RepoContext | undefined): boolean {
  const [from, to] = [version(change.before), version(change.after)];
  if (from === undefined || to === undefined) return false;
  if (from === to) return true;
  const dir = change.path.replace(/[^/]*$/, 'migrate/');
  return (repo?.list(MIGRATIONS, 'after') ?? []).some((p) => {
    const v = p.startsWith(dir) ? /^(\d+)_/.exec(p.slice(dir.length))?.[1] : undefined;
    return v !== undefined && BigInt(v) > BigInt(from) && BigInt(v) <= BigInt(to);
  });
}

/** Rails `db/schema.rb`: tables compared by content (column order and re-dumps aside). */
export const schemaRbExtractor: Extractor = {
  id: 'rails',
  contextGlobs: [MIGRATIONS],
  matches: (path) => /(^|\/)db\/([\w-]+_)?schema\.rb$/.test(path) && !isIgnoredPath(path),
  extract: (change, options) => {
    if (change.status === 'modified' && migrationsSpeak(change, options.repo)) return [];
    const before =
      change.before !== undefined && change.status !== 'added' ? dumpTables(change.before) : undefined;
    const after =
      change.after !== undefined && change.status !== 'deleted' ? dumpTables(change.after) : undefined;
    const out: TableChange[] = [];
    const at = (s: { src: Source }, line: number) => lineText(s.src, line).trim().slice(0, 200);
    for (const [table, t] of after?.tables ?? []) {
      const old = before?.tables.get(table);
      const texts = (d: DumpTable) => d.parts.map(([text]) => text);
      if (old && texts(old).join('\n') === texts(t).join('\n')) continue;
      const gone = new Set(old ? texts(old) : []);
      const line = (old && t.parts.find(([text]) => !gone.has(text))?.[1]) || t.line;
      out.push({ table, kind: old ? 'alter' : 'create', line, evidence: at(after!, line) });
    }
    for (const [table, t] of before?.tables ?? []) {
      if (!after?.tables.has(table))
        out.push({ table, kind: 'drop', line: t.line, side: 'before', evidence: at(before!, t.line) });
    }
    return out.filter((c) => !isBookkeepingTable(c.table ?? ''));
  },
};
