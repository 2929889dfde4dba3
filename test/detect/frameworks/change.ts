import { changedLines } from '../../../src/detect/line-diff.js';
import type { Extractor, FileChange, TableChange } from '../../../src/detect/types.js';

/** A FileChange as the change guard builds it, from before/after texts. */
export function fileChange(
  path: string,
  before: string | undefined,
  after: string | undefined,
  status?: FileChange['status'],
): FileChange {
  const { addedLines, removedLines } = changedLines(before, after);
  const change: FileChange = {
    path,
    status: status ?? (before === undefined ? 'added' : after === undefined ? 'deleted' : 'modified'),
    addedLines,
    removedLines,
  };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  return change;
}

/** Runs an extractor on a change after checking that it claims the file. */
export function run(
  extractor: Extractor,
  path: string,
  before: string | undefined,
  after: string | undefined,
): TableChange[] {
  if (!extractor.matches(path, after ?? before ?? ''))
    throw new Error(`${extractor.id} does not claim ${path}`);
  return extractor.extract(fileChange(path, before, after), {});
}

/** `table kind` pairs, sorted, for compact assertions. */
export const summary = (changes: TableChange[]): string[] =>
  changes.map((c) => `${c.table} ${c.kind}${c.renamedTo ? ` -> ${c.renamedTo}` : ''}`).sort();
