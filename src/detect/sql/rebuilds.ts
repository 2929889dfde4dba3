import { bareName } from './bookkeeping.js';

/** The real table behind a rebuild's scratch copy: `temporary_x`, `_alembic_tmp_x`, EF Core's `ef_temp_x`, `new__x`, `x_new`... */
const SCRATCH = [
  /^temporary_(.+)$/i,
  /^_alembic_tmp_(.+)$/i,
  /^ef_temp_(.+)$/i,
  /^new__(.+)$/i,
  /^__temp__(.+)$/i,
  /^(.+)_new$/i,
  /^new_(.+)$/i,
  /^tmp_(.+)$/i,
  /^(.+)_tmp$/i,
  /^_(.+)_old$/i,
  /^(.+)_old$/i,
];

interface Named {
  table: string | null;
  kind: string;
  renamedTo?: string;
}

/**
 * SQLite-style table rebuilds (create a scratch copy, copy rows, drop the original, rename the
 * copy back) collapse to one `alter` of the real table: changes to a scratch table whose real
 * table the same text also drops, renames or creates are folded into that table's first change.
 */
export function collapseRebuilds<T extends Named>(changes: T[]): T[] {
  const names = new Map<string, string>();
  for (const c of changes) {
    if (c.table) names.set(bareName(c.table).toLowerCase(), c.table);
    if (c.renamedTo) names.set(bareName(c.renamedTo).toLowerCase(), c.renamedTo);
  }
  const realOf = (table: string): string | undefined => {
    const bare = bareName(table);
    for (const re of SCRATCH) {
      const m = re.exec(bare);
      if (m && names.has(m[1]!.toLowerCase())) return names.get(m[1]!.toLowerCase());
    }
    return undefined;
  };
  const rebuilt = new Set<string>();
  for (const c of changes)
    if (c.table && realOf(c.table)) rebuilt.add(bareName(realOf(c.table)!).toLowerCase());
  if (rebuilt.size === 0) return changes;
  const out: T[] = [];
  const seen = new Set<string>();
  for (const c of changes) {
    const real = c.table ? (realOf(c.table) ?? c.table) : null;
    const key = real ? bareName(real).toLowerCase() : null;
    if (key === null || !rebuilt.has(key)) {
      out.push(c);
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    const merged = { ...c, table: real, kind: 'alter' };
    delete (merged as Named).renamedTo;
    out.push(merged as T);
  }
  return out;
}
