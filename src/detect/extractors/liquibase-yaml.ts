import type { Node, YAMLMap } from 'yaml';
// The YAML parser is loaded on first use, so a change without YAML files never loads it.
import { isMap, isScalar, isSeq, mapGet as get, scalarText as str, yaml } from '../../util/yaml-lazy.js';
import type { Located } from '../sql/sides.js';
import { changeTargets, LIQUIBASE_CHANGES, perTarget } from './liquibase-changes.js';
import { embeddedSql } from './liquibase-sql.js';

/** Changelogs bigger than this are not parsed (YAML parsing cost grows fast with size). */
const MAX_BYTES = 2_000_000;

/** The table changes a Liquibase YAML or JSON changelog describes, with each change's line range. */
export function liquibaseYamlChanges(text: string, dialect?: string): Located[] {
  if (text.length > MAX_BYTES) return [];
  const { LineCounter, parseDocument } = yaml();
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, version: '1.2', uniqueKeys: false });
  const line = (offset: number): number => lc.linePos(offset).line;
  const root = get(doc.contents, 'databaseChangeLog');
  if (!isSeq(root)) return [];
  const out: Located[] = [];
  const lines = text.split('\n');
  for (const entry of root.items) {
    const set = get(entry, 'changeSet');
    const changes = get(set, 'changes');
    if (!isSeq(changes)) continue;
    const runOnChange =
      str(get(set, 'runOnChange')) === 'true' ||
      (get(set, 'runOnChange') as { value?: unknown })?.value === true;
    const note = runOnChange ? 'runOnChange changeset: it runs again whenever it changes' : undefined;
    const dbms = str(get(set, 'dbms'));
    for (const item of changes.items) {
      if (!isMap(item) || !item.range) continue;
      const pair = (item as YAMLMap).items[0];
      const type = str(pair?.key);
      const body = pair?.value as Node | undefined;
      if (!type || !body) continue;
      const from = line(item.range[0]);
      const to = line(Math.max(item.range[0], item.range[1] - 1));
      if (type === 'sql') {
        const sqlNode = isScalar(body) ? body : get(body, 'sql');
        const sql = str(sqlNode);
        if (!sql || !isScalar(sqlNode) || !sqlNode.range) continue;
        const block = sqlNode.type === 'BLOCK_LITERAL' || sqlNode.type === 'BLOCK_FOLDED';
        const d = dialect ?? str(get(body, 'dbms')) ?? dbms;
        out.push(...embeddedSql(sql, line(sqlNode.range[0]) + (block ? 1 : 0), d?.split(',')[0], note));
        continue;
      }
      const known = LIQUIBASE_CHANGES[type];
      if (!known) continue;
      const table = known.table.map((a) => str(get(body, a))).find((v) => v);
      if (!table) continue;
      const schema = str(get(body, 'schemaName')) ?? str(get(body, 'baseTableSchemaName'));
      const l: Located = {
        table: schema ? `${schema}.${table}` : table,
        kind: known.kind,
        line: from,
        from,
        to,
      };
      const renamed = known.renamedTo ? str(get(body, known.renamedTo)) : undefined;
      if (renamed) l.renamedTo = renamed;
      if (note) l.note = note;
      // columns: [{ column: { name: x, ... } }]
      const nested = known.nested ? get(body, 'columns') : undefined;
      const columns = isSeq(nested) ? nested.items.filter((c) => isMap(c) && c.range) : [];
      const targets = changeTargets(
        type,
        (a) => str(get(body, a)),
        columns.map((c) => str(get(get(c, 'column'), 'name'))),
      );
      const ranges = columns.map((c): [number, number] => {
        const r = (c as YAMLMap).range!;
        return [line(r[0]), line(Math.max(r[0], r[1] - 1))];
      });
      out.push(...perTarget(l, targets, ranges, (n) => lines[n - 1] ?? ''));
    }
  }
  return out;
}
