import type { FileChange, TableChange } from '../types.js';
import { allLines, rangeChanged } from './changed.js';

/** A table change found somewhere in one image of a file, with the lines it spans. */
export interface Located {
  table: string | null;
  kind: TableChange['kind'];
  line: number;
  /** The lines that make up the change (statement, element, YAML item); it counts when one changed. */
  from: number;
  to: number;
  /** Exact code lines, when known (a statement's lines without its comments). */
  lines?: ReadonlySet<number>;
  renamedTo?: string;
  /** What an `alter` does and the column it changes, when known. */
  detail?: TableChange['detail'];
  column?: string;
  columnTo?: string;
  note?: string;
  evidence?: string;
}

/**
 * Runs `find` on the after-image (changed = added lines) and the before-image (changed =
 * removed lines; every line of a deleted file), keeps what intersects the changed lines and
 * drops before-image changes already reported from the after-image.
 */
export function changesOnBothSides(
  change: FileChange,
  find: (text: string, side: 'after' | 'before') => Located[],
): TableChange[] {
  const out: TableChange[] = [];
  const seen = new Set<string>();
  const sides: ['after' | 'before', string | undefined, ReadonlySet<number>][] = [
    ['after', change.status === 'deleted' ? undefined : change.after, change.addedLines],
    ['before', change.before, change.status === 'deleted' ? allLines(change.before) : change.removedLines],
  ];
  for (const [side, text, changed] of sides) {
    if (text === undefined || changed.size === 0) continue;
    const lines = text.split(/\r?\n/);
    for (const f of find(text, side)) {
      const hit = f.lines ? [...f.lines].some((l) => changed.has(l)) : rangeChanged(changed, f.from, f.to);
      if (!hit) continue;
      const key = `${f.table ?? ''}\u0000${f.kind}\u0000${f.detail ?? ''}\u0000${f.column ?? ''}`;
      if (side === 'before' && seen.has(key)) continue;
      seen.add(key);
      const evidence = (f.evidence ?? lines[f.line - 1] ?? '').trim();
      const c: TableChange = {
        table: f.table,
        kind: f.kind,
        line: f.line,
        evidence: evidence.length > 200 ? `${evidence.slice(0, 197)}...` : evidence,
      };
      if (side === 'before') c.side = 'before';
      if (f.renamedTo) c.renamedTo = f.renamedTo;
      if (f.detail) c.detail = f.detail;
      if (f.column !== undefined) c.column = f.column;
      if (f.columnTo !== undefined) c.columnTo = f.columnTo;
      if (f.note) c.note = f.note;
      out.push(c);
    }
  }
  return out;
}
