import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GIT_ENV, makeRepo, withTemp } from '../check/git-repo.js';

const which = (name: string) =>
  spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();

/** dcr's hooks as a project gets them, without dcr next to them (a copy of `hooks/`). */
function hooksCopy(root: string): string {
  const dir = join(root, 'pkg', 'hooks');
  cpSync(resolve('hooks'), dir, { recursive: true });
  return dir;
}

/** The environment of a user whose PATH has `dirs` only, and no DCR_BIN. */
function userEnv(path: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...GIT_ENV, PATH: path };
  delete env.DCR_BIN;
  delete env.DCR_STRICT;
  delete env.DCR_SKIP;
  return { ...env, ...extra };
}

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const dcrLines = (out: string) => out.split('\n').filter((l) => l.startsWith('dcr:'));

describe('hooks where dcr is not installed', () => {
  it('say what is missing in one line per hook and let the commit and push through; DCR_STRICT=1 stops them', async () => {
    await withTemp(async (root) => {
      // A PATH with git, sh and node, and no dcr anywhere on it.
      const path = [...new Set([dirname(which('git')), dirname(process.execPath), '/usr/bin', '/bin'])].join(
        ':',
      );
      expect(spawnSync('sh', ['-c', 'command -v dcr'], { env: { PATH: path } }).status).not.toBe(0);
      const remote = makeRepo(join(root, 'remote.git'), true);
      const repo = makeRepo(join(root, 'repo'));
      repo.git('config', 'core.hooksPath', hooksCopy(root));
      repo.git('remote', 'add', 'origin', remote.dir);
      repo.write('db/001.sql', 'CREATE TABLE orders (id int);\n');
      repo.git('add', '.');

      const commit = git(repo.dir, ['commit', '-q', '-m', 'first'], userEnv(path));
      expect(commit.code, commit.out).toBe(0);
      const lines = dcrLines(commit.out);
      expect(lines).toHaveLength(2); // pre-commit and commit-msg, once each
      for (const line of lines) {
        expect(line).toMatch(/the dcr command is not installed here/);
        expect(line).toMatch(/checked nothing/);
        expect(line).toMatch(/npm install/);
        expect(line).toMatch(/DCR_SKIP=1/);
      }
      expect(repo.git('rev-list', '--count', 'HEAD').trim()).toBe('1');

      const push = git(repo.dir, ['push', '-q', 'origin', 'main'], userEnv(path));
      expect(push.code, push.out).toBe(0);
      expect(dcrLines(push.out)).toHaveLength(1);
      expect(remote.git('rev-parse', 'main').trim()).toBe(repo.git('rev-parse', 'HEAD').trim());

      repo.write('db/002.sql', 'ALTER TABLE orders ADD COLUMN x int;\n');
      repo.git('add', '.');
      const strict = git(repo.dir, ['commit', '-q', '-m', 'second'], userEnv(path, { DCR_STRICT: '1' }));
      expect(strict.code).not.toBe(0);
      expect(dcrLines(strict.out)).toHaveLength(1);
      expect(strict.out).toMatch(/this hook stops \(DCR_STRICT=1\)/);
      expect(repo.git('rev-list', '--count', 'HEAD').trim()).toBe('1');
      expect(repo.git('status', '--porcelain')).toBe('A  db/002.sql\n'); // the staged work is intact

      const skipped = git(
        repo.dir,
        ['commit', '-q', '-m', 'second'],
        userEnv(path, { DCR_STRICT: '1', DCR_SKIP: '1' }),
      );
      expect(skipped.code, skipped.out).toBe(0);
      expect(dcrLines(skipped.out)).toEqual([]);
    });
  });

  it('say so when node itself is missing, instead of failing with "not found"', async () => {
    await withTemp(async (root) => {
      // Only what the hooks need, and no node: as in a Git GUI started without the user's shell PATH.
      const bin = join(root, 'bin');
      mkdirSync(bin);
      for (const tool of ['sh', 'git', 'dirname', 'grep', 'env']) symlinkSync(which(tool), join(bin, tool));
      expect(spawnSync('sh', ['-c', 'command -v node'], { env: { PATH: bin } }).status).not.toBe(0);
      const repo = makeRepo(join(root, 'repo'));
      repo.git('config', 'core.hooksPath', hooksCopy(root));
      // dcr is installed in the project: its bin needs node.
      repo.write('node_modules/.bin/dcr', '#!/usr/bin/env node\nconsole.log("ran")\n');
      chmodSync(join(repo.dir, 'node_modules/.bin/dcr'), 0o755);
      writeFileSync(join(repo.dir, '.gitignore'), 'node_modules/\n');
      repo.write('a.txt', 'a\n');
      repo.git('add', '.gitignore', 'a.txt');
      const commit = git(repo.dir, ['commit', '-q', '-m', 'first'], userEnv(bin));
      expect(commit.code, commit.out).toBe(0);
      const lines = dcrLines(commit.out);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/node is not on this hook's PATH/);
      expect(commit.out).not.toMatch(/not found/);
    });
  });
});
