import { isBookkeepingTable } from '../sql/bookkeeping.js';
import type { AlterDetail, FileChange, TableChange } from '../types.js';
import { lineText, type Source } from './source.js';

/** One schema-bearing part of a model: a column, an index, a table option. */
export interface SchemaEntry {
  /** What the entry is about: `column:<name>` for a column, anything else for table-level parts. */
  key: string;
  /** The entry's normalised definition: two equal signatures build the same database object. */
  sig: string;
  line: number;
}

/** A model with its effective schema (what the database sees), or a table whose name is unknown (`null`). */
export interface SchemaModel {
  name: string;
  table: string | null;
  line: number;
  entries: SchemaEntry[];
}

/**
 * A piece of source text as a signature: comments dropped (they are blank in `masked`), string
 * contents kept, whitespace removed.
 */
export function signature(src: Source, start: number, end: number): string {
  let out = '';
  for (let k = start; k < end; k++) {
    const ch = src.text[k]!;
    if (src.masked[k] === ' ' && ch !== ' ') continue; // inside a comment
    if (!/\s/.test(ch)) out += ch;
  }
  return out;
}

const ev = (src: Source, line: number): string => {
  const t = lineText(src, line).trim();
  return t.length > 200 ? `${t.slice(0, 197)}...` : t;
};

/**
 * The table changes of a declarative file, by effective schema: models are paired by table
 * (or by name, for a rename), and a pair counts only when its schema entries differ. A changed
 * method, validator, hook, comment or query-time option changes no entry and reports nothing.
 */
export function changesFromSchemas(
  change: FileChange,
  parse: (text: string, side: 'before' | 'after') => { src: Source; models: SchemaModel[] },
): TableChange[] {
  if (change.status === 'renamed' && change.before === change.after) return [];
  const after = change.after !== undefined ? parse(change.after, 'after') : undefined;
  const before = change.before !== undefined ? parse(change.before, 'before') : undefined;
  const out: TableChange[] = [];
  const push = (c: TableChange): void => {
    if (c.table === null || !isBookkeepingTable(c.table)) out.push(c);
  };
  const whole = (m: SchemaModel, src: Source, kind: 'create' | 'drop', side: 'after' | 'before') =>
    push({
      table: m.table,
      kind,
      line: m.line,
      evidence: ev(src, m.line),
      ...(side === 'before' ? { side } : {}),
    });
  if (!before) {
    for (const m of after?.models ?? []) whole(m, after!.src, 'create', 'after');
    return out;
  }
  if (!after) {
    for (const m of before.models) whole(m, before.src, 'drop', 'before');
    return out;
  }
  const key = (m: SchemaModel) => m.table ?? `\u0000${m.name}`;
  const beforeBy = new Map(before.models.map((m) => [key(m), m]));
  const afterBy = new Map(after.models.map((m) => [key(m), m]));
  const beforeByName = new Map(before.models.map((m) => [m.name, m]));
  const renamed = new Set<string>();
  for (const m of after.models) {
    const same = beforeBy.get(key(m));
    const old = beforeByName.get(m.name);
    if (!same && old && !afterBy.has(key(old))) {
      renamed.add(key(old));
      push({
        table: old.table,
        kind: 'rename',
        line: m.line,
        evidence: ev(after.src, m.line),
        ...(m.table !== null ? { renamedTo: m.table } : {}),
      });
    } else if (!same) whole(m, after.src, 'create', 'after');
    else {
      // Every entry that differs says what it does: a column added, dropped or redefined, an index...
      for (const diff of schemaDiff(same.entries, m.entries)) {
        const src = diff.side === 'after' ? after.src : before.src;
        const c: TableChange = {
          table: m.table,
          kind: 'alter',
          line: diff.line,
          evidence: ev(src, diff.line),
        };
        if (diff.side === 'before') c.side = 'before';
        if (diff.detail) c.detail = diff.detail;
        if (diff.column) c.column = diff.column;
        push(c);
      }
    }
  }
  for (const m of before.models) {
    if (!afterBy.has(key(m)) && !renamed.has(key(m))) whole(m, before.src, 'drop', 'before');
  }
  return out;
}

interface EntryChange {
  line: number;
  side: 'after' | 'before';
  detail?: AlterDetail;
  column?: string;
}

/**
 * What differs between two models' entries, one change per entry key: a column added, dropped
 * or redefined (its new definition's line), an index, or another table-level part.
 */
function schemaDiff(before: readonly SchemaEntry[], after: readonly SchemaEntry[]): EntryChange[] {
  const sigs = (list: readonly SchemaEntry[]) => new Set(list.map((e) => `${e.key}\u0000${e.sig}`));
  const keys = (list: readonly SchemaEntry[]) => new Set(list.map((e) => e.key));
  const column = (k: string) => (k.startsWith('column:') ? k.slice('column:'.length) : undefined);
  const part = (k: string): AlterDetail | undefined => (/^@*(index|unique)/i.test(k) ? 'index' : undefined);
  const out: EntryChange[] = [];
  const seen = new Set<string>();
  // New and redefined entries at their new definition, then the entries that are gone.
  const sides = [
    [after, 'after', sigs(before), keys(before), 'add-column'],
    [before, 'before', sigs(after), keys(after), 'drop-column'],
  ] as const;
  for (const [entries, side, otherSigs, otherKeys, onlyHere] of sides)
    for (const e of entries) {
      if (otherSigs.has(`${e.key}\u0000${e.sig}`) || seen.has(e.key)) continue;
      seen.add(e.key);
      const col = column(e.key);
      // An index or table part redefined shows once, at its new definition.
      if (side === 'before' && !col && out.some((o) => !o.column && o.detail === part(e.key))) continue;
      const detail = col ? (otherKeys.has(e.key) ? undefined : onlyHere) : part(e.key);
      out.push({ line: e.line, side, ...(detail ? { detail } : {}), ...(col ? { column: col } : {}) });
    }
  return out;
}
