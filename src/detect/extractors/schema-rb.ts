import { literalAt, positional } from '../lang/args.js';
import { blockEnd } from '../lang/blocks.js';
import { findCalls } from '../lang/calls.js';
import { isIgnoredPath } from '../lang/ignored-paths.js';
import { dottedTable } from '../lang/naming.js';
import { changesFromModels, changesFromOperations, type Model, type Operation } from '../lang/operations.js';
import { scanSource, type Source } from '../lang/source.js';
import type { Extractor, TableChange } from '../types.js';

const FK_CALLS = ['add_foreign_key', 'add_check_constraint', 'add_index'];

function models(text: string): { src: Source; models: Model[] } {
  const src = scanSource(text, 'ruby');
  const out: Model[] = [];
  for (const site of findCalls(src, ['create_table'], true)) {
    const arg = positional(site.call)[0];
    const name = arg ? literalAt(src, arg.value) : undefined;
    if (!name) continue;
    const table = dottedTable(name);
    out.push({ name: table, table, start: site.startLine, end: blockEnd(src, site.endLine, true) });
  }
  return { src, models: out };
}

function statements(text: string): { src: Source; ops: Operation[] } {
  const src = scanSource(text, 'ruby');
  const ops: Operation[] = [];
  for (const site of findCalls(src, FK_CALLS, true)) {
    const arg = positional(site.call)[0];
    const name = arg ? literalAt(src, arg.value) : undefined;
    if (name) ops.push({ table: dottedTable(name), kind: 'alter', start: site.startLine, end: site.endLine });
  }
  return { src, ops };
}

/** Rails `db/schema.rb`: the `create_table` blocks of both images diffed, plus top-level foreign keys. */
export const schemaRbExtractor: Extractor = {
  id: 'rails',
  matches: (path) => /(^|\/)db\/([\w-]+_)?schema\.rb$/.test(path) && !isIgnoredPath(path),
  extract: (change) => {
    const out: TableChange[] = changesFromModels(change, models);
    if (change.status === 'added' || change.status === 'deleted') return out;
    for (const c of changesFromOperations(change, statements, { migration: false })) {
      if (!out.some((o) => o.table === c.table)) out.push(c);
    }
    return out;
  },
};
