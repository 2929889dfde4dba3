import type { ChangedFile, FileChange } from '../types.js';

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/**
 * Whether an edited migration is part of a squash: the same diff deletes other migrations of
 * its folder and adds none there. The deleted migrations' work is folded into the ones that
 * remain; a database that already ran them never runs the edited files again, and a fresh one
 * ends with the same schema. (A new migration beside the deletions is a real change: then this
 * is false and every file is read as usual.)
 */
export function isConsolidation(change: FileChange, files: readonly ChangedFile[] | undefined): boolean {
  if (change.status !== 'modified' || !files) return false;
  const folder = folderOf(change.path);
  let deleted = 0;
  for (const f of files) {
    if (f.status === 'added' && folderOf(f.path) === folder) return false;
    if (f.status === 'renamed' && folderOf(f.path) === folder && folderOf(f.oldPath ?? '') !== folder)
      return false;
    if (f.status === 'deleted' && folderOf(f.path) === folder) deleted++;
  }
  return deleted > 0;
}
