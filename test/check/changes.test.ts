import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { excludeMatcher } from '../../src/detect/changes/exclude.js';
import { readChanges } from '../../src/detect/changes/read-changes.js';
import { resolveRange } from '../../src/detect/changes/range.js';
import type { Extractor, FileChange } from '../../src/detect/types.js';
import { GIT_ENV, makeRepo, withRepo, withTemp } from './git-repo.js';

/** Claims every .sql file and finds nothing: these tests are about what git hands over. */
const probe: Extractor = { id: 'probe', matches: (path) => path.endsWith('.sql'), extract: () => [] };
const options = {
  excluded: excludeMatcher(),
  extractorFor: (path: string, text: string) => (probe.matches(path, text) ? probe : undefined),
};

const staged = async (dir: string) => readChanges(dir, { kind: 'staged' }, options);
const summary = (c: FileChange) => ({
  path: c.path,
  oldPath: c.oldPath,
  status: c.status,
  added: [...c.addedLines],
  removed: [...c.removedLines],
});

describe('staged changes', () => {
  it('includes the first commit of a repository with no HEAD', async () => {
    await withRepo(async (repo) => {
      repo.write('db/001.sql', 'create table a (id int);\ncreate table b (id int);\n');
      repo.git('add', '.');
      const { changes } = await staged(repo.dir);
      expect(changes.map((c) => summary(c.change))).toEqual([
        { path: 'db/001.sql', oldPath: undefined, status: 'added', added: [1, 2], removed: [] },
      ]);
      expect(changes[0]!.change.after).toContain('create table b');
    });
  });

  it('judges the index, not the working tree (partial staging)', async () => {
    await withRepo(async (repo) => {
      repo.write('m.sql', 'line1\nline2\nline3\n');
      repo.git('add', '.');
      repo.commit('init');
      repo.write('m.sql', 'line1\nSTAGED\nline3\n');
      repo.git('add', 'm.sql');
      repo.write('m.sql', 'line1\nSTAGED\nline3\nUNSTAGED\n');
      const [c] = (await staged(repo.dir)).changes;
      expect(c!.change.after).toBe('line1\nSTAGED\nline3\n');
      expect(summary(c!.change)).toMatchObject({ status: 'modified', added: [2], removed: [2] });
    });
  });

  it('reports renames with and without edits, and deletions', async () => {
    await withRepo(async (repo) => {
      repo.write('a.sql', 'one\ntwo\nthree\nfour\nfive\n');
      repo.write('b.sql', 'x1\nx2\nx3\nx4\nx5\n');
      repo.write('gone.sql', 'drop me\n');
      repo.git('add', '.');
      repo.commit('init');
      repo.git('mv', 'a.sql', 'renamed.sql');
      repo.git('mv', 'b.sql', 'edited.sql');
      repo.write('edited.sql', 'x1\nx2\nCHANGED\nx4\nx5\n');
      repo.git('add', 'edited.sql');
      repo.git('rm', '-q', 'gone.sql');
      const changes = (await staged(repo.dir)).changes.map((c) => summary(c.change));
      expect(changes).toEqual(
        expect.arrayContaining([
          { path: 'renamed.sql', oldPath: 'a.sql', status: 'renamed', added: [], removed: [] },
          { path: 'edited.sql', oldPath: 'b.sql', status: 'renamed', added: [3], removed: [3] },
          { path: 'gone.sql', oldPath: undefined, status: 'deleted', added: [], removed: [1] },
        ]),
      );
      expect(changes).toHaveLength(3);
    });
  });

  it('handles file names with spaces, newlines and non-ASCII', async () => {
    await withRepo(async (repo) => {
      const names = ['with space.sql', 'new\nline.sql', 'tábla_ü.sql', '-dash.sql', '*.sql'];
      for (const n of names) repo.write(n, `create table t (id int);\n`);
      repo.git('add', '--', ...names);
      const { changes } = await staged(repo.dir);
      expect(changes.map((c) => c.change.path).sort()).toEqual([...names].sort());
      expect(changes.every((c) => c.change.addedLines.has(1))).toBe(true);
    });
  });

  it('skips binary and non-UTF-8 migrations with a notice, and unrelated or excluded files silently', async () => {
    await withRepo(async (repo) => {
      repo.write('bin.sql', Buffer.from([0x43, 0x00, 0x01, 0x02]));
      repo.write('latin1.sql', Buffer.from('create table caf\xe9 (id int);\n', 'latin1'));
      repo.write('image.png', Buffer.from([0x89, 0x50, 0x00]));
      repo.write('node_modules/pkg/x.sql', 'create table x (id int);\n');
      repo.write('test/fixtures/y.sql', 'create table y (id int);\n');
      repo.write('README.md', 'hello\n');
      repo.git('add', '.');
      const { changes, notices } = await staged(repo.dir);
      expect(changes).toEqual([]);
      expect(notices.map((n) => [n.file, n.message.split(',')[0]]).sort()).toEqual([
        ['bin.sql', 'binary file'],
        ['latin1.sql', 'not valid UTF-8'],
      ]);
    });
  });

  it('honours GIT_INDEX_FILE inside a real hook, for `commit -a` and `commit <path>`', async () => {
    await withRepo(async (repo) => {
      repo.write('a.sql', 'one\n');
      repo.write('b.sql', 'one\n');
      repo.git('add', '.');
      repo.commit('init');
      // The hook records what readChanges sees, as dcr's pre-commit would.
      const script = join(repo.dir, '..', 'probe.mjs');
      const module = resolve('dist/detect/changes/read-changes.js');
      writeFileSync(
        script,
        `import { readChanges } from ${JSON.stringify(module)};
const probe = { id: 'p', matches: (p) => p.endsWith('.sql'), extract: () => [] };
const r = await readChanges(process.cwd(), { kind: 'staged' }, { excluded: () => false, extractorFor: (p) => (p.endsWith('.sql') ? probe : undefined) });
process.stdout.write(JSON.stringify(r.changes.map((c) => c.change.path + ':' + c.change.after)));`,
      );
      const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
      writeFileSync(hook, `#!/bin/sh\nnode ${JSON.stringify(script)} > ../seen.json\n`);
      chmodSync(hook, 0o755);
      const seen = () => JSON.parse(readFileSync(join(repo.dir, '..', 'seen.json'), 'utf8')) as string[];
      repo.write('a.sql', 'two\n');
      repo.git('commit', '-q', '-a', '-m', 'all');
      expect(seen()).toEqual(['a.sql:two\n']);
      repo.write('a.sql', 'three\n');
      repo.write('b.sql', 'three\n');
      repo.git('add', 'a.sql');
      repo.git('commit', '-q', '-m', 'only b', 'b.sql');
      expect(seen()).toEqual(['b.sql:three\n']);
    });
  });
});

describe('ranges', () => {
  it('checks merge-base..head, so changes on the base branch do not count; merges included', async () => {
    await withRepo(async (repo) => {
      repo.write('base.sql', 'one\n');
      repo.git('add', '.');
      repo.commit('init');
      repo.git('checkout', '-q', '-b', 'feature');
      repo.write('feature.sql', 'alter\n');
      repo.git('add', '.');
      repo.commit('feature');
      repo.git('checkout', '-q', 'main');
      repo.write('main-only.sql', 'x\n');
      repo.git('add', '.');
      repo.commit('main moves on');
      repo.git('checkout', '-q', 'feature');
      repo.git('merge', '-q', '--no-edit', 'main');
      repo.write('after-merge.sql', 'y\n');
      repo.git('add', '.');
      repo.commit('after merge\n\nData-Contract-Ack: orders');
      const range = await resolveRange(repo.dir, 'main');
      const { changes } = await readChanges(repo.dir, range.target, options);
      expect(changes.map((c) => c.change.path).sort()).toEqual(['after-merge.sql', 'feature.sql']);
      expect(range.messages.join('\n')).toContain('Data-Contract-Ack: orders');
    });
  });

  it('refuses option injection through revisions', async () => {
    await withRepo(async (repo) => {
      repo.write('a.sql', 'x\n');
      repo.git('add', '.');
      repo.commit('init');
      const target = join(repo.dir, 'owned');
      await expect(resolveRange(repo.dir, `--output=${target}`)).rejects.toThrow(/not a revision/);
      await expect(resolveRange(repo.dir, 'HEAD', `--output=${target}`)).rejects.toThrow(/not a revision/);
      await expect(resolveRange(repo.dir, 'no-such-branch')).rejects.toThrow(/names no commit/);
      expect(() => readFileSync(target)).toThrow();
    });
  });

  it('explains how to fix a shallow clone that lacks the merge base', async () => {
    await withTemp(async (root) => {
      const origin = makeRepo(join(root, 'origin'));
      origin.write('a.sql', '1\n');
      origin.git('add', '.');
      origin.commit('one');
      origin.git('checkout', '-q', '-b', 'feature');
      for (let i = 2; i < 5; i++) {
        origin.write('a.sql', `${i}\n`);
        origin.git('add', '.');
        origin.commit(`c${i}`);
      }
      execFileSync(
        'git',
        ['clone', '-q', '--depth', '1', '--no-single-branch', `file://${origin.dir}`, join(root, 'shallow')],
        { env: GIT_ENV },
      );
      const shallow = join(root, 'shallow');
      execFileSync('git', ['checkout', '-q', 'feature'], { cwd: shallow, env: GIT_ENV });
      await expect(resolveRange(shallow, 'origin/main')).rejects.toMatchObject({
        hint: expect.stringMatching(/fetch-depth: 0.*git fetch --unshallow/),
      });
    });
  });
});
