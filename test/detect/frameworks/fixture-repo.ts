import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { detectTableChanges } from '../../../src/detect/detect-changes.js';
import type { TableChange } from '../../../src/detect/types.js';
import { TempRepo } from '../../helpers/git-repo.js';

/**
 * Builds a real repository from a fixture folder copied from a real commit (`before/` at the
 * parent, `after/` at the commit) and returns what the change guard finds between the two.
 */
export async function changesOfFixture(dir: string): Promise<TableChange[]> {
  const repo = new TempRepo();
  try {
    for (const side of ['before', 'after'] as const) {
      if (side === 'after') repo.git('rm', '-rq', '--ignore-unmatch', '.');
      if (existsSync(join(dir, side))) cpSync(join(dir, side), repo.dir, { recursive: true });
      repo.git('add', '-A');
      repo.git('commit', '-q', '--allow-empty', '-m', side);
    }
    const { changes } = await detectTableChanges(
      repo.dir,
      { kind: 'trees', from: 'HEAD~1', to: 'HEAD' },
      { excluded: () => false },
    );
    return changes;
  } finally {
    repo.remove();
  }
}

/** The tables of a list of changes, sorted and without repeats. */
export const tablesOf = (changes: TableChange[]): string[] =>
  [...new Set(changes.map((c) => c.table ?? '?'))].sort();
