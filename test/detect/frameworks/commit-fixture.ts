import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { detectTableChanges, type Located } from '../../../src/detect/detect-changes.js';
import { TempRepo } from '../../helpers/git-repo.js';

/**
 * Replays a real commit kept as a fixture (`<dir>/before`, `<dir>/after`) in a temporary git
 * repository and runs the change guard's detection on it, as `dcr check --base HEAD~1` would.
 */
export async function detectFixtureCommit(dir: string): Promise<Located[]> {
  const repo = new TempRepo();
  try {
    const commit = (side: string): void => {
      repo.tryGit(['rm', '-rq', '--ignore-unmatch', '.']);
      if (existsSync(join(dir, side))) cpSync(join(dir, side), repo.dir, { recursive: true });
      repo.git('add', '-A');
      repo.git('commit', '-q', '--allow-empty', '--no-verify', '-m', side);
    };
    commit('before');
    commit('after');
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

/** The distinct tables of a detection, sorted. */
export const tablesOf = (changes: readonly Located[]): string[] =>
  [...new Set(changes.map((c) => c.table ?? '(unknown)'))].sort();
