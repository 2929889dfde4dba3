import type { FileChange, TableChange } from '../types.js';
import { isBookkeepingTable } from './bookkeeping.js';
import { statementTargets } from './statement-targets.js';
import type { Dialect } from './dialect.js';
import { collapseRebuilds } from './rebuilds.js';
import { changesOnBothSides, type Located } from './sides.js';
import { splitStatements } from './split.js';
import type { SqlTarget } from './target.js';

export interface SqlFileOptions {
  dialect: Dialect;
  /** Blanks out parts of the text that are not SQL (keeping line numbers), e.g. Jinja blocks. */
  prepare?: (text: string) => string;
  /** Only statements on lines this function accepts count (e.g. a golang-migrate up section). */
  lineFilter?: (line: number, side: 'after' | 'before') => boolean;
}

export interface LocatedTarget extends Omit<SqlTarget, 'lines'> {
  line: number;
  /** Code lines of the statement: it counts as changed when one of them changed. */
  lines: Set<number>;
}

/** Every target in a SQL text with the line of its statement, bookkeeping tables left out. */
export function sqlTargets(text: string, dialect: Dialect): LocatedTarget[] {
  const out: LocatedTarget[] = [];
  for (const s of splitStatements(text, dialect)) {
    for (const t of statementTargets(s.tokens, dialect, s.text)) {
      if (t.table !== null && isBookkeepingTable(t.table)) continue;
      const start = s.tokens[t.at];
      const line = t.line ?? start?.line ?? s.line;
      // A sub-statement inside a block counts only by its own lines; a whole statement by all of its code lines.
      const lines = t.lines
        ? new Set(t.lines)
        : t.at === 0
          ? s.codeLines
          : subLines(s.codeLines, line, s.tokens, t.at);
      out.push({ ...t, line, lines });
    }
  }
  return out;
}

function subLines(
  all: Set<number>,
  line: number,
  tokens: { line: number; text: string }[],
  at: number,
): Set<number> {
  const lines = new Set<number>();
  for (let k = at; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (k > at && t.text === ';') break;
    if (all.has(t.line)) lines.add(t.line);
  }
  lines.add(line);
  return lines;
}

/**
 * The table changes in a SQL file change: the whole before- and after-image are parsed and
 * the statements whose code lines intersect the changed lines are kept (every statement of an
 * added file; the before-image's statements of a deleted file, kind as written).
 */
export function sqlFileChanges(change: FileChange, options: SqlFileOptions): TableChange[] {
  const prepare = options.prepare ?? ((t: string) => t);
  return changesOnBothSides(change, (text, side) =>
    collapseRebuilds(sqlTargets(prepare(text), options.dialect))
      .filter((t) => !options.lineFilter || options.lineFilter(t.line, side))
      .map((t) => {
        const l: Located = {
          table: t.table,
          kind: t.kind,
          line: t.line,
          from: t.line,
          to: t.line,
          lines: t.lines,
        };
        if (t.renamedTo) l.renamedTo = t.renamedTo;
        if (t.note) l.note = t.note;
        return l;
      }),
  );
}
