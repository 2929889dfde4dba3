import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { excludeMatcher } from '../../../src/detect/changes/exclude.js';
import { detectTableChanges, type Located } from '../../../src/detect/detect-changes.js';
import { TempRepo } from '../../helpers/git-repo.js';

const files = (dir: string): string[] =>
  !existsSync(dir)
    ? []
    : readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile())
        .map((e) => relative(dir, join(e.parentPath, e.name)));

/**
 * Detects the table changes of a real commit kept as a fixture: `<dir>/before` and `<dir>/after`
 * hold the repository's files at the parent and at the commit (each named `<path>.fixture`, so
 * that tools do not read them as this project's code). Two commits in a temporary repository,
 * then the change guard's own detection between them, repository context included.
 */
export async function detectFixture(dir: string): Promise<Located[]> {
  const repo = new TempRepo();
  try {
    const commit = (side: 'before' | 'after'): string => {
      repo.git('rm', '-rq', '--ignore-unmatch', '.');
      for (const f of files(join(dir, side)))
        repo.write(f.replace(/\.fixture$/, ''), readFileSync(join(dir, side, f)));
      repo.git('add', '-A');
      repo.git('commit', '-q', '--allow-empty', '--no-verify', '-m', side);
      return repo.git('rev-parse', 'HEAD').trim();
    };
    const from = commit('before');
    const to = commit('after');
    const { changes } = await detectTableChanges(
      repo.dir,
      { kind: 'trees', from, to },
      { excluded: excludeMatcher() },
    );
    return changes;
  } finally {
    repo.remove();
  }
}

/** The fixture folder of a framework's test. */
export const fixtureDir = (framework: string, name: string): string =>
  join(import.meta.dirname, framework, name);
