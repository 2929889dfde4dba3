import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectTableChanges } from '../../../src/detect/detect-changes.js';
import { staticRepoContext } from '../../../src/detect/changes/repo-context.js';
import type { Extractor } from '../../../src/detect/types.js';
import { TempRepo } from '../../helpers/git-repo.js';

/** An extractor that reports what it read of the repository, to see what it was given. */
const reader: Extractor = {
  id: 'probe',
  contextGlobs: ['**/settings.py'],
  matches: (path) => path.endsWith('.sql'),
  extract: (_change, options) => [
    {
      table: 't',
      kind: 'alter',
      line: 1,
      evidence: JSON.stringify({
        before: options.repo?.read('app/settings.py', 'before') ?? null,
        after: options.repo?.read('app/settings.py', 'after') ?? null,
        undeclared: options.repo?.read('README.md', 'after') ?? null,
        listed: options.repo?.list('**/*.py', 'after') ?? null,
      }),
    },
  ],
};

const seen = async (repo: TempRepo, target: Parameters<typeof detectTableChanges>[1]) => {
  const { changes } = await detectTableChanges(repo.dir, target, {
    excluded: () => false,
    extractorFor: (p) => (reader.matches(p, '') ? reader : undefined),
  });
  return JSON.parse(changes[0]!.evidence) as Record<string, unknown>;
};

describe('the repository around a change', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = new TempRepo()));
  afterEach(() => repo.remove());

  it('gives extractors the declared files at the base and the head, never others', async () => {
    repo.write('app/settings.py', 'PREFIX = "a_"\n');
    repo.write('lib/settings.py', 'X = 1\n');
    repo.write('README.md', 'hello\n');
    repo.write('m.sql', 'select 1;\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'one');
    repo.write('app/settings.py', 'PREFIX = "b_"\n');
    repo.write('m.sql', 'alter table t add c int;\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'two');
    expect(await seen(repo, { kind: 'trees', from: 'HEAD~1', to: 'HEAD' })).toEqual({
      before: 'PREFIX = "a_"\n',
      after: 'PREFIX = "b_"\n',
      undeclared: null,
      listed: ['app/settings.py', 'lib/settings.py'],
    });
  });

  it('reads the index for a staged change, not the working tree', async () => {
    repo.write('app/settings.py', 'PREFIX = "a_"\n');
    repo.write('m.sql', 'select 1;\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'one');
    repo.write('app/settings.py', 'PREFIX = "staged"\n');
    repo.write('m.sql', 'alter table t add c int;\n');
    repo.git('add', '-A');
    repo.write('app/settings.py', 'PREFIX = "unstaged"\n');
    expect(await seen(repo, { kind: 'staged' })).toMatchObject({
      before: 'PREFIX = "a_"\n',
      after: 'PREFIX = "staged"\n',
    });
  });

  it('works before the first commit, and over plain values', async () => {
    repo.write('app/settings.py', 'PREFIX = "new"\n');
    repo.write('m.sql', 'alter table t add c int;\n');
    repo.git('add', '-A');
    expect(await seen(repo, { kind: 'staged' })).toMatchObject({ before: null, after: 'PREFIX = "new"\n' });
    const ctx = staticRepoContext({ after: { 'a/models.py': 'x', 'b.txt': 'y' } });
    expect(ctx.list('**/models.py', 'after')).toEqual(['a/models.py']);
    expect(ctx.read('b.txt', 'before')).toBeUndefined();
  });
});
