import type { FileChange, TableChange } from '../types.js';
import { tokenize } from '../sql/tokenize.js';
import { selectList, type OutputColumn } from './dbt-columns.js';

const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');

/** The relation a dbt model or snapshot file builds: `config(alias=...)`, a snapshot's block name, or the file name. */
export function dbtRelationName(path: string, text: string): string {
  const snapshot = /\{%-?\s*snapshot\s+(\w+)\s*-?%\}/.exec(text);
  if (snapshot) return snapshot[1]!;
  const alias = /\{\{-?\s*config\s*\([^)]*?\balias\s*=\s*(['"])([^'"]+)\1/s.exec(text);
  return alias ? alias[2]! : basename(path);
}

/** Lines that hold SQL or Jinja expressions and statements (not comments, `{# #}` included). */
function codeLines(text: string): Set<number> {
  const lines = new Set<number>();
  for (const t of tokenize(text, 'generic')) {
    if (t.type === 'comment' || (t.type === 'template' && t.text.startsWith('{#'))) continue;
    for (let l = t.line; l <= t.endLine; l++) lines.add(l);
  }
  return lines;
}

const firstHit = (changed: ReadonlySet<number>, code: Set<number>): number | undefined =>
  [...changed].sort((a, b) => a - b).find((l) => code.has(l));

/**
 * A dbt model (or snapshot) change: the relation named after the file (or its alias) is
 * created, altered, dropped or renamed. Its `ref()`/`source()` inputs are reads and never count;
 * a change that only touches comments changes nothing.
 */
export function dbtModelChanges(
  change: FileChange,
  names: { before?: string | undefined; after?: string | undefined } = {},
): TableChange[] {
  const { before, after } = change;
  const nameOf = (path: string, text: string, side: 'before' | 'after'): string =>
    names[side] ?? dbtRelationName(path, text);
  const lineText = (text: string, line: number): string => (text.split('\n')[line - 1] ?? '').trim();
  if (change.status === 'added' && after !== undefined) {
    const line = firstHit(change.addedLines, codeLines(after)) ?? 1;
    return [
      { table: nameOf(change.path, after, 'after'), kind: 'create', line, evidence: lineText(after, line) },
    ];
  }
  if (change.status === 'deleted' && before !== undefined) {
    const line = firstHit(change.removedLines, codeLines(before)) ?? 1;
    return [
      {
        table: nameOf(change.path, before, 'before'),
        kind: 'drop',
        line,
        side: 'before',
        evidence: lineText(before, line),
      },
    ];
  }
  if (before === undefined || after === undefined) return [];
  const oldName = nameOf(change.oldPath ?? change.path, before, 'before');
  const newName = nameOf(change.path, after, 'after');
  const afterHit = firstHit(change.addedLines, codeLines(after));
  const beforeHit = firstHit(change.removedLines, codeLines(before));
  if (oldName.toLowerCase() !== newName.toLowerCase()) {
    const line = afterHit ?? 1;
    return [{ table: oldName, kind: 'rename', renamedTo: newName, line, evidence: lineText(after, line) }];
  }
  if (afterHit === undefined && beforeHit === undefined) return [];
  // Columns added to or dropped from the final SELECT say what the alter does; anything else
  // that changed (an expression, a filter, a join) keeps the plain alter beside them.
  const columns = columnChanges(newName, before, after, lineText);
  if (columns && columns.only) return columns.changes;
  const extra = columns?.changes ?? [];
  if (afterHit !== undefined)
    return [{ table: newName, kind: 'alter', line: afterHit, evidence: lineText(after, afterHit) }, ...extra];
  if (beforeHit !== undefined) {
    return [
      {
        table: newName,
        kind: 'alter',
        line: beforeHit,
        side: 'before',
        evidence: lineText(before, beforeHit),
      },
      ...extra,
    ];
  }
  return [];
}

/**
 * The columns a model's change adds to and drops from its output, and whether that is all it
 * changes (the rest of the SQL, token for token, and every kept column's expression and order
 * are the same). Undefined when either side's columns cannot be told.
 */
function columnChanges(
  table: string,
  before: string,
  after: string,
  lineText: (text: string, line: number) => string,
): { changes: TableChange[]; only: boolean } | undefined {
  const b = selectList(before);
  const a = selectList(after);
  if (!b || !a) return undefined;
  const had = new Map(b.columns.map((c) => [c.key, c]));
  const has = new Map(a.columns.map((c) => [c.key, c]));
  const change = (
    detail: 'add-column' | 'drop-column',
    c: OutputColumn,
    side: 'after' | 'before',
  ): TableChange => ({
    table,
    kind: 'alter',
    detail,
    column: c.name,
    line: c.line,
    ...(side === 'before' ? { side } : {}),
    evidence: lineText(side === 'after' ? after : before, c.line),
  });
  const changes: TableChange[] = [
    ...a.columns.filter((c) => !had.has(c.key)).map((c) => change('add-column', c, 'after')),
    ...b.columns.filter((c) => !has.has(c.key)).map((c) => change('drop-column', c, 'before')),
  ];
  const keptBefore = b.columns.filter((c) => has.has(c.key));
  const keptAfter = a.columns.filter((c) => had.has(c.key));
  const same =
    a.rest === b.rest &&
    keptBefore.length === keptAfter.length &&
    keptBefore.every((c, i) => c.key === keptAfter[i]!.key && c.text === keptAfter[i]!.text);
  return { changes, only: same && changes.length > 0 };
}
