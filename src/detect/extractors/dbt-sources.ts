// The YAML parser is loaded on first use, so a change without YAML files never loads it.
import { isMap, isSeq, mapGet as get, scalarText as str, yaml } from '../../util/yaml-lazy.js';
import type { Located } from '../sql/sides.js';

const MAX_BYTES = 2_000_000;
/**
 * The source tables a dbt properties file declares (`sources: [{ name, schema, tables: [{ name,
 * identifier }] }]`), each with the line range of its entry. The table is `schema.identifier`
 * (schema defaults to the source's name, identifier to the table's name).
 */
export function dbtSourceTables(text: string): Located[] {
  if (text.length > MAX_BYTES) return [];
  const { LineCounter, parseDocument } = yaml();
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, version: '1.2', uniqueKeys: false });
  const line = (offset: number): number => lc.linePos(offset).line;
  const sources = get(doc.contents, 'sources');
  if (!isSeq(sources)) return [];
  const out: Located[] = [];
  for (const source of sources.items) {
    const schema = str(get(source, 'schema')) ?? str(get(source, 'name'));
    const tables = get(source, 'tables');
    if (!isSeq(tables)) continue;
    for (const table of tables.items) {
      if (!isMap(table) || !table.range) continue;
      const name = str(get(table, 'identifier')) ?? str(get(table, 'name'));
      if (!name || /\{\{/.test(name)) continue;
      const from = line(table.range[0]);
      const to = line(Math.max(table.range[0], table.range[1] - 1));
      out.push({
        table: schema && !/\{\{/.test(schema) ? `${schema}.${name}` : name,
        kind: 'alter',
        line: from,
        from,
        to,
        note: 'dbt source definition changed',
      });
    }
  }
  return out;
}
