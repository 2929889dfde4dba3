import { spawnSync } from 'node:child_process';
import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/git/index-files.js';
import { findWorkTree, gitPaths } from '../../src/git/refs.js';
import { GIT_ENV, makeRepo, withTemp } from './git-repo.js';

/** What git itself says (the answer findWorkTree must give, or leave to git). */
function gitSays(cwd: string): { top: string; gitDir: string } | undefined {
  const r = spawnSync('git', ['rev-parse', '--absolute-git-dir', '--show-toplevel'], {
    cwd,
    env: GIT_ENV,
    encoding: 'utf8',
  });
  if (r.status !== 0) return undefined;
  const [gitDir, top] = r.stdout.trim().split('\n');
  return { top: top!, gitDir: gitDir! };
}

describe('finding the work tree without starting git', () => {
  it('answers as git does in a work tree, its subfolders, a linked work tree and through a symlink', async () => {
    await withTemp(async (root) => {
      const repo = makeRepo(join(root, 'repo'));
      repo.write('a/b/c.txt', 'x\n');
      repo.git('add', '.');
      repo.commit('init');
      repo.git('worktree', 'add', '-q', join(root, 'linked'));
      mkdirSync(join(root, 'linked', 'deep'), { recursive: true });
      symlinkSync(join(repo.dir, 'a'), join(root, 'via-link'));
      for (const cwd of [
        repo.dir,
        join(repo.dir, 'a/b'),
        join(root, 'linked'),
        join(root, 'linked/deep'),
        join(root, 'via-link'),
      ]) {
        const ours = findWorkTree(cwd);
        expect(ours, cwd).toBeDefined();
        expect(ours, cwd).toEqual(gitSays(cwd));
        expect(await gitPaths(cwd)).toEqual(gitSays(cwd));
        expect(await repoRoot(cwd)).toBe(gitSays(cwd)!.top);
      }
    });
  });

  it('leaves git to answer where it might answer otherwise, and gitPaths still answers as git', async () => {
    await withTemp(async (root) => {
      const sub = makeRepo(join(root, 'sub'));
      sub.write('s.txt', 's\n');
      sub.git('add', '.');
      sub.commit('sub');
      const repo = makeRepo(join(root, 'repo'));
      repo.write('x.txt', 'x\n');
      repo.git('add', '.');
      repo.commit('init');
      repo.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.dir, 'mod');
      const bare = makeRepo(join(root, 'bare.git'), true);
      const outside = join(root, 'plain');
      mkdirSync(outside);
      for (const cwd of [join(repo.dir, 'mod'), join(repo.dir, '.git'), bare.dir, outside]) {
        expect(findWorkTree(cwd), cwd).toBeUndefined();
        const git = gitSays(cwd);
        const ours = await gitPaths(cwd);
        if (cwd === bare.dir)
          expect(ours).toEqual({ top: realpathSync(bare.dir), gitDir: realpathSync(bare.dir) });
        else if (git === undefined || cwd.endsWith('.git')) expect(ours).toBeUndefined();
        else expect(ours).toEqual(git);
      }
      // GIT_DIR names another repository: git decides.
      process.env.GIT_DIR = join(root, 'sub', '.git');
      try {
        expect(findWorkTree(repo.dir)).toBeUndefined();
      } finally {
        delete process.env.GIT_DIR;
      }
      expect(findWorkTree(repo.dir)).toEqual(gitSays(repo.dir));
    });
  });
});
