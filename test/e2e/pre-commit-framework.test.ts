import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempRepo } from '../helpers/git-repo.js';
import { LockfileRegistry } from '../helpers/lockfile-registry.js';
import { REPO } from '../helpers/paths.js';
import { contractYaml } from '../helpers/validate.js';

// The pre-commit framework (https://pre-commit.com) installing dcr's .pre-commit-hooks.yaml
// from a git repository, as its users do: `language: node`, so pre-commit runs npm install,
// npm pack (prepack builds dist/) and npm install -g of the tarball in its own environment.
// No internet: npm resolves the tarball's dependencies against a loopback registry that knows
// exactly package-lock.json's packages, and takes the tarballs from npm's cache (filled by
// `npm ci`). npm cannot be --offline here: it needs packuments, which `npm ci` does not cache,
// and ignores a local tarball's npm-shrinkwrap.json (see lockfile-registry.ts).

const found = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const VERSION = found.status === 0 ? found.stdout.trim() : undefined;
const HOOK_IDS = ['dcr-validate', 'dcr-check', 'dcr-check-commit-msg', 'dcr-check-pre-push'];
const ORDERS = contractYaml('orders_pg', 'source_tables: [public.orders]\npolicy: block');
const BROKEN = contractYaml('broken', 'ingestion_type: sometimes');
const ALTER = 'ALTER TABLE public.orders ADD COLUMN note text;\n';

if (!VERSION && process.env.CI === 'true') {
  describe('pre-commit framework', () => {
    it('needs the pre-commit program under CI', () => {
      throw new Error('the pre-commit program is missing: apt-get install pre-commit (see .ci/run)');
    });
  });
} else if (!VERSION) {
  describe.skip('pre-commit framework (skipped: the pre-commit program is not installed; apt-get install pre-commit)', () => {
    it('runs dcr through pre-commit', () => {});
  });
} else {
  // Each step spawns pre-commit, python and node a few times: slow on a busy machine.
  describe(`pre-commit framework (${VERSION})`, { timeout: 180_000 }, () => {
    const temp = mkdtempSync(join(tmpdir(), 'dcr-precommit-'));
    const npmCache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
    const registry = new LockfileRegistry(
      join(REPO, 'package-lock.json'),
      npmCache,
      join(REPO, 'package.json'),
    );
    const repos: TempRepo[] = [];
    let env: NodeJS.ProcessEnv = {};
    let config = '';

    beforeAll(async () => {
      const url = await registry.start();
      env = {
        PRE_COMMIT_HOME: join(temp, 'pre-commit-home'),
        npm_config_registry: url,
        npm_config_prefer_offline: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
        NO_COLOR: '1',
        PRE_COMMIT_COLOR: 'never',
        DCR_SKIP: '',
        SKIP: '',
        DCR_BIN: '',
        HUSKY: '',
      };
      const rev = commitWorkingTree(join(temp, 'dcr'));
      config = [
        'repos:',
        `  - repo: ${join(temp, 'dcr')}`,
        `    rev: ${rev}`,
        '    hooks:',
        ...HOOK_IDS.map((id) => `      - id: ${id}`),
        '',
      ].join('\n');
      // One install of the hook environment for every test (pre-commit keys it by repo and rev).
      // Asynchronously: the registry answers npm from this process's event loop.
      const repo = userRepo();
      const r = await runAsync(repo, 'pre-commit', ['install-hooks']);
      expect(r.code, r.output).toBe(0);
    }, 900_000);

    afterAll(async () => {
      await registry.stop();
      for (const repo of repos) repo.remove();
      rmSync(temp, { recursive: true, force: true });
    });

    /** A user's repository (no package.json, no node_modules) with a bare remote and pre-commit's hooks. */
    function userRepo(): TempRepo {
      const repo = new TempRepo('dcr-precommit-user-');
      repos.push(repo);
      repo.write('.pre-commit-config.yaml', config);
      repo.write('contracts/orders.yaml', ORDERS);
      repo.write('README.md', 'data\n');
      repo.git('add', '.');
      repo.git('commit', '-q', '--no-verify', '-m', 'init');
      const remote = join(temp, `remote-${repos.length}.git`);
      execFileSync('git', ['init', '-q', '--bare', remote]);
      repo.git('remote', 'add', 'origin', remote);
      const r = run(repo, 'pre-commit', [
        'install',
        '-t',
        'pre-commit',
        '-t',
        'commit-msg',
        '-t',
        'pre-push',
      ]);
      expect(r.code, r.output).toBe(0);
      return repo;
    }

    function run(repo: TempRepo, cmd: string, args: string[], extra: NodeJS.ProcessEnv = {}) {
      const r = spawnSync(cmd, args, {
        cwd: repo.dir,
        env: { ...process.env, ...env, ...extra },
        encoding: 'utf8',
      });
      return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
    }

    function runAsync(repo: TempRepo, cmd: string, args: string[]) {
      return new Promise<{ code: number; output: string }>((resolve, reject) => {
        const child = spawn(cmd, args, { cwd: repo.dir, env: { ...process.env, ...env } });
        let output = '';
        child.stdout.on('data', (d: Buffer) => (output += d.toString()));
        child.stderr.on('data', (d: Buffer) => (output += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? -1, output }));
      });
    }

    // Both streams even on success: git sends hooks' output to stderr.
    const git = (repo: TempRepo, args: string[], extra: NodeJS.ProcessEnv = {}) =>
      run(repo, 'git', args, extra);

    it('pre-commit run --all-files passes on good contracts and fails on a broken one', () => {
      const repo = userRepo();
      const ok = run(repo, 'pre-commit', ['run', '--all-files']);
      expect(ok.output).toMatch(/dcr validate \(contract files as staged\)\.+Passed/);
      expect(ok.code, ok.output).toBe(0);
      repo.write('contracts/broken.yaml', BROKEN);
      repo.git('add', '.');
      const bad = run(repo, 'pre-commit', ['run', '--all-files']);
      expect(bad.code).toBe(1);
      expect(bad.output).toMatch(/dcr validate \(contract files as staged\)\.+Failed/);
      expect(bad.output).toContain(
        'contracts/broken.yaml:7:17  error  invalid-value  ingestion_type must be one of',
      );
    });

    it('git commit refuses a broken contract with the rule message and accepts a good one', () => {
      const repo = userRepo();
      repo.write('contracts/broken.yaml', BROKEN);
      repo.git('add', '.');
      const refused = git(repo, ['commit', '-m', 'add broken']);
      expect(refused.code).not.toBe(0);
      expect(refused.output).toContain('invalid-value  ingestion_type must be one of');
      expect(repo.git('rev-list', '--count', 'HEAD').trim()).toBe('1');
      repo.write('contracts/broken.yaml', contractYaml('broken'));
      repo.git('add', '.');
      const accepted = git(repo, ['commit', '-m', 'add fixed']);
      expect(accepted.code, accepted.output).toBe(0);
      expect(repo.git('log', '-1', '--format=%s').trim()).toBe('add fixed');
    });

    it('reports a change to a contracted table; commit-msg blocks it until acknowledged', () => {
      const repo = userRepo();
      repo.write('db/002_note.sql', ALTER);
      repo.git('add', '.');
      const blocked = git(repo, ['commit', '-m', 'add note']);
      expect(blocked.code).not.toBe(0);
      expect(blocked.output).toMatch(/dcr check \(staged changes to contracted tables\)\.+Passed/);
      expect(blocked.output).toMatch(/dcr check \(acknowledgements in the commit message\)\.+Failed/);
      expect(blocked.output).toContain('db/002_note.sql:1');
      expect(blocked.output).toContain('orders_pg');
      expect(blocked.output).toContain('Data-Contract-Ack: orders_pg');
      const acked = git(repo, ['commit', '-m', 'add note\n\nData-Contract-Ack: orders_pg']);
      expect(acked.code, acked.output).toBe(0);
    });

    it('a first push runs the pre-push check over the pushed commits, later pushes too', () => {
      const repo = userRepo();
      repo.write('db/002_note.sql', ALTER);
      repo.git('add', '.');
      repo.git('commit', '-q', '--no-verify', '-m', 'add note (no hooks)');
      const refused = git(repo, ['push', 'origin', 'main']);
      expect(refused.code).not.toBe(0);
      expect(refused.output).toMatch(/dcr check \(pushed commits\)\.+Failed/);
      expect(refused.output).toContain('db/002_note.sql:1');
      expect(refused.output).not.toContain('is not a revision');
      repo.git('commit', '-q', '--amend', '--no-verify', '-m', 'add note\n\nData-Contract-Ack: orders_pg');
      const first = git(repo, ['push', 'origin', 'main']);
      expect(first.output).toMatch(/dcr check \(pushed commits\)\.+Passed/);
      expect(first.code, first.output).toBe(0);
      expect(repo.git('ls-remote', 'origin', 'refs/heads/main')).toContain(
        repo.git('rev-parse', 'HEAD').trim(),
      );

      // An existing branch: pre-commit passes the remote's tip as PRE_COMMIT_FROM_REF.
      repo.write('db/003_more.sql', 'ALTER TABLE public.orders DROP COLUMN note;\n');
      repo.git('add', '.');
      repo.git('commit', '-q', '--no-verify', '-m', 'drop note');
      const again = git(repo, ['push', 'origin', 'main']);
      expect(again.code).not.toBe(0);
      expect(again.output).toContain('db/003_more.sql:1');
      expect(again.output).not.toContain('db/002_note.sql');
      // A new branch off pushed history: checked from the parent of its first new commit.
      repo.git('checkout', '-q', '-b', 'feature');
      const branch = git(repo, ['push', 'origin', 'feature']);
      expect(branch.code).not.toBe(0);
      expect(branch.output).toContain('db/003_more.sql:1');
      expect(branch.output).not.toContain('db/002_note.sql');
    });

    it('SKIP=dcr-validate skips that hook, DCR_SKIP=1 skips all of dcr', () => {
      const repo = userRepo();
      repo.write('contracts/broken.yaml', BROKEN);
      repo.git('add', '.');
      const skipped = git(repo, ['commit', '-m', 'skip validate'], { SKIP: 'dcr-validate' });
      expect(skipped.code, skipped.output).toBe(0);
      expect(skipped.output).toMatch(/dcr validate \(contract files as staged\)\.+Skipped/);

      repo.write('contracts/broken2.yaml', BROKEN.replace('broken', 'broken2'));
      repo.write('db/002_note.sql', ALTER);
      repo.git('add', '.');
      const all = git(repo, ['commit', '-m', 'skip dcr'], { DCR_SKIP: '1' });
      expect(all.code, all.output).toBe(0);
      expect(all.output).not.toContain('invalid-value');
      const push = git(repo, ['push', 'origin', 'main'], { DCR_SKIP: '1' });
      expect(push.code, push.output).toBe(0);
    });

    /** Copies dcr's working tree (tracked and untracked, not ignored) into a new repository and commits it. */
    function commitWorkingTree(dest: string): string {
      const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
        cwd: REPO,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      })
        .split('\0')
        // The mined corpus is test data (megabytes) that the package never needs.
        .filter((f) => f !== '' && !f.startsWith('test/corpus/'));
      for (const file of files) {
        try {
          mkdirSync(join(dest, dirname(file)), { recursive: true });
          cpSync(join(REPO, file), join(dest, file));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // deleted, not staged
        }
      }
      const g = (...args: string[]) =>
        execFileSync('git', args, { cwd: dest, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      g('init', '-q', '-b', 'main');
      g('add', '-A');
      g(
        '-c',
        'user.name=Test',
        '-c',
        'user.email=test@example.com',
        '-c',
        'commit.gpgsign=false',
        'commit',
        '-q',
        '--no-verify',
        '-m',
        'dcr',
      );
      return g('rev-parse', 'HEAD').trim();
    }
  });
}
