import { isBookkeepingTable } from '../sql/bookkeeping.js';
import { lineText, type Source } from '../lang/source.js';
import type { AlterDetail, TableChange } from '../types.js';
import type { ModelField, TableModel } from './django-models.js';

/** One side of a models file: its source and the tables its models map to. */
export interface ModelSide {
  src: Source;
  models: TableModel[];
}

const INDEX_META = new Set(['indexes', 'index_together', 'db_tablespace']);

/** What differs between two versions of one table's model, first difference first. */
function differences(
  before: TableModel,
  after: TableModel,
): Array<{ detail?: AlterDetail; column?: string; line: number; side: 'after' | 'before' }> {
  const out: Array<{ detail?: AlterDetail; column?: string; line: number; side: 'after' | 'before' }> = [];
  const column = (f: ModelField): boolean => !f.noColumn;
  for (const [name, f] of after.fields) {
    if (!column(f)) continue;
    const old = before.fields.get(name);
    if (!old || !column(old)) out.push({ detail: 'add-column', column: name, line: f.line, side: 'after' });
    else if (old.sig !== f.sig) {
      const withoutNull = (s: string) => s.replace(/(, )?null=\w+/, '');
      const detail = withoutNull(old.sig) === withoutNull(f.sig) ? 'nullability' : 'column-type';
      out.push({ detail, column: name, line: f.line, side: 'after' });
    }
  }
  for (const [name, f] of before.fields) {
    const now = after.fields.get(name);
    if (column(f) && (!now || !column(now)))
      out.push({ detail: 'drop-column', column: name, line: f.line, side: 'before' });
  }
  const keys = new Set([...before.meta.keys(), ...after.meta.keys()]);
  keys.delete('db_table');
  keys.delete('app_label');
  for (const k of keys) {
    if (before.meta.get(k) === after.meta.get(k)) continue;
    const detail: AlterDetail = INDEX_META.has(k) ? 'index' : 'constraint';
    out.push(
      after.meta.has(k)
        ? { detail, line: after.metaLine, side: 'after' }
        : { detail, line: before.metaLine, side: 'before' },
    );
  }
  return out;
}

/** Join tables of many-to-many fields without `through`: `<table>_<field>`. */
function joinTables(side: ModelSide): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of side.models)
    for (const [name, f] of m.fields) if (f.joinTable) out.set(`${m.table}_${name}`, f.line);
  return out;
}

/**
 * Table changes between two versions of a models file, compared by effective schema: a model
 * counts only when its table's name, columns (class and database options), indexes or
 * constraints differ. Methods, managers, choices, help texts and ordering never count.
 */
export function diffModels(before: ModelSide | undefined, after: ModelSide | undefined): TableChange[] {
  const out: TableChange[] = [];
  const evidence = (src: Source, line: number): string => {
    const t = lineText(src, line).trim();
    return t.length > 200 ? `${t.slice(0, 197)}...` : t;
  };
  const push = (c: TableChange): void => {
    if (!isBookkeepingTable(c.table ?? '')) out.push(c);
  };
  const at = (side: ModelSide, line: number, s: 'after' | 'before') => ({
    line,
    evidence: evidence(side.src, line),
    ...(s === 'before' ? { side: 'before' as const } : {}),
  });
  const b = new Map((before?.models ?? []).map((m) => [m.table, m]));
  const a = new Map((after?.models ?? []).map((m) => [m.table, m]));
  const bByName = new Map((before?.models ?? []).map((m) => [m.name, m]));
  const renamed = new Set<string>();
  for (const m of after?.models ?? []) {
    const old = b.get(m.table);
    if (!old) {
      const prev = bByName.get(m.name);
      if (prev && !a.has(prev.table)) {
        renamed.add(prev.table);
        push({ table: prev.table, kind: 'rename', renamedTo: m.table, ...at(after!, m.start, 'after') });
      } else push({ table: m.table, kind: 'create', ...at(after!, m.start, 'after') });
      continue;
    }
    const diffs = differences(old, m);
    if (diffs.length === 0) continue;
    const first = diffs[0]!;
    const sameKind = diffs.every((d) => d.detail === first.detail);
    push({
      table: m.table,
      kind: 'alter',
      ...at(first.side === 'after' ? after! : before!, first.line, first.side),
      ...(sameKind && first.detail ? { detail: first.detail } : {}),
      ...(diffs.length === 1 && first.column ? { column: first.column } : {}),
    });
  }
  for (const m of before?.models ?? []) {
    if (!a.has(m.table) && !renamed.has(m.table))
      push({ table: m.table, kind: 'drop', ...at(before!, m.start, 'before') });
  }
  const jb = before ? joinTables(before) : new Map<string, number>();
  const ja = after ? joinTables(after) : new Map<string, number>();
  for (const [t, line] of ja)
    if (!jb.has(t)) push({ table: t, kind: 'create', ...at(after!, line, 'after') });
  for (const [t, line] of jb)
    if (!ja.has(t)) push({ table: t, kind: 'drop', ...at(before!, line, 'before') });
  return out;
}
