import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDcr } from '../helpers/run-dcr.js';
import { contractYaml, GIT_ENV, makeRepo, withTemp, type Repo } from './git-repo.js';

// `dcr check --pre-push REMOTE --head REV [--base REV]`: one pushed ref described by options,
// as hook frameworks (pre-commit) describe a push, instead of git's lines on stdin.

const ZERO = '0'.repeat(40);

function seed(repo: Repo) {
  repo.write('contracts/orders_pg.yaml', contractYaml('orders_pg', ['public.orders'], { policy: 'block' }));
  repo.write('db/001.sql', 'ALTER TABLE public.orders ADD COLUMN a int;\n');
  repo.git('add', '.');
  repo.commit('init');
}

function check(repo: Repo, args: string[]) {
  const r = runDcr(['check', '--format', 'json', '--pre-push', 'origin', ...args], {
    cwd: repo.dir,
    env: GIT_ENV,
    input: '',
  });
  const json = r.code === 2 ? undefined : (JSON.parse(r.stdout) as { findings: { file: string }[] });
  return { ...r, files: json?.findings.map((f) => f.file) };
}

// Each case spawns dcr a few times; a busy machine needs more than the default minute.
describe('check --pre-push with --head and --base', { timeout: 180_000 }, () => {
  it('checks a first push from the root commit when the base is empty or the zero id', async () => {
    await withTemp((root) => {
      const repo = makeRepo(join(root, 'repo'));
      makeRepo(join(root, 'remote.git'), true);
      repo.git('remote', 'add', 'origin', join(root, 'remote.git'));
      seed(repo);
      for (const base of [[], ['--base', ''], ['--base', ZERO]]) {
        const r = check(repo, ['--head', 'main', ...base]);
        expect(r.code, r.stderr).toBe(1);
        expect(r.files).toEqual(['db/001.sql']);
      }
    });
  });

  it('checks a new branch from where it leaves the remote, or from the given base', async () => {
    await withTemp((root) => {
      const repo = makeRepo(join(root, 'repo'));
      makeRepo(join(root, 'remote.git'), true);
      repo.git('remote', 'add', 'origin', join(root, 'remote.git'));
      seed(repo);
      repo.git('push', '-q', 'origin', 'main');
      repo.git('checkout', '-q', '-b', 'feature');
      const parent = repo.git('rev-parse', 'HEAD').trim();
      repo.write('db/002.sql', 'ALTER TABLE public.orders ADD COLUMN b int;\n');
      repo.git('add', '.');
      repo.commit('b');
      repo.write('db/003.sql', 'CREATE TABLE unrelated (id int);\n');
      repo.git('add', '.');
      repo.commit('c');
      // pre-commit's FROM_REF for a new branch: the parent of its first new commit.
      for (const base of [[], ['--base', parent], ['--base', 'a'.repeat(40)]]) {
        const r = check(repo, ['--head', 'feature', ...base]);
        expect(r.code, `${base.join(' ')}: ${r.stderr}`).toBe(1);
        expect(r.files).toEqual(['db/002.sql']);
      }
      // The remote's tip as the base: only what comes after it.
      const tipB = repo.git('rev-parse', 'HEAD~1').trim();
      expect(check(repo, ['--head', 'feature', '--base', tipB])).toMatchObject({ code: 0, files: [] });
    });
  });

  it('reads acknowledgements from the pushed commits', async () => {
    await withTemp((root) => {
      const repo = makeRepo(join(root, 'repo'));
      makeRepo(join(root, 'remote.git'), true);
      repo.git('remote', 'add', 'origin', join(root, 'remote.git'));
      seed(repo);
      repo.git('commit', '-q', '--amend', '--no-verify', '-m', 'init\n\nData-Contract-Ack: orders_pg');
      expect(check(repo, ['--head', 'HEAD', '--base', ''])).toMatchObject({ code: 0, files: ['db/001.sql'] });
    });
  });

  it('refuses a base without a head, and a head that names no commit', async () => {
    await withTemp((root) => {
      const repo = makeRepo(join(root, 'repo'));
      seed(repo);
      const noHead = check(repo, ['--base', 'HEAD']);
      expect(noHead.code).toBe(2);
      expect(noHead.stderr).toContain('--base needs --head with --pre-push');
      const badHead = check(repo, ['--head', 'nope']);
      expect(badHead.code).toBe(2);
      expect(badHead.stderr).toContain('--head "nope" names no commit');
      const empty = check(repo, ['--head', '']);
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain('is not a revision');
    });
  });
});
