import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayBeSchemaCode } from '../../src/detect/changes/unread.js';
import { mayClaim } from '../../src/detect/extractors/lazy.js';
import { contractYaml, GIT_ENV, makeRepo, withTemp, type Repo } from './git-repo.js';

const BIN = resolve('dist/cli/bin.js');
const HOOKS = resolve('hooks');

/** Runs git like a user would, hooks included; returns what the user sees. */
function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync('git', args, { cwd, env: { ...GIT_ENV, DCR_BIN: BIN, ...env }, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function seed(repo: Repo) {
  repo.write('contracts/orders_pg.yaml', contractYaml('orders_pg', ['public.orders'], { policy: 'block' }));
  repo.write('contracts/items.yaml', contractYaml('items', ['order_items']));
  repo.write('db/001.sql', 'CREATE TABLE orders (id int);\n');
  repo.git('add', '.');
  repo.commit('init');
}

describe('client hooks', { timeout: 180_000 }, () => {
  it('pre-commit reports, commit-msg blocks unless acknowledged, DCR_SKIP skips', async () => {
    await withTemp(async (root) => {
      const repo = makeRepo(join(root, 'repo'));
      seed(repo);
      repo.git('config', 'core.hooksPath', HOOKS);
      repo.write('db/002.sql', 'ALTER TABLE orders ADD COLUMN note text;\n');
      repo.git('add', '.');
      const blocked = git(repo.dir, ['commit', '-m', 'add note']);
      expect(blocked.code).not.toBe(0);
      expect(blocked.out).toContain('orders_pg');
      expect(blocked.out).toContain('contact: orders_pg-src@example.com, orders_pg-eng@example.com');
      expect(blocked.out).toContain('Data-Contract-Ack: orders_pg');
      expect(repo.git('rev-list', '--count', 'HEAD').trim()).toBe('1');

      const acked = git(repo.dir, ['commit', '-m', 'add note\n\nData-Contract-Ack: orders_pg']);
      expect(acked.code, acked.out).toBe(0);
      expect(acked.out).toContain('acknowledged with Data-Contract-Ack: orders_pg');

      repo.write('db/003.sql', 'DROP TABLE orders;\n');
      repo.git('add', '.');
      expect(git(repo.dir, ['commit', '-m', 'drop'], { DCR_SKIP: '1' }).code).toBe(0);
    });
  });

  it('ends at once on a commit of prose only, without starting Node, and only then', async () => {
    // The hooks' list of prose: what dcr never reads, whatever the folder.
    const shell = readFileSync(join(HOOKS, 'lib/dcr.sh'), 'utf8');
    const list = /grep -qviE '\\\.\(([^)]+)\)\$'/.exec(shell)?.[1];
    expect(list).toBeDefined();
    const extensions = list!.split('|').flatMap((e) => (e === 'html?' ? ['htm', 'html'] : [e]));
    expect(extensions.length).toBeGreaterThan(8);
    for (const ext of extensions)
      for (const path of [
        `README.${ext}`,
        `db/migrate/001_x.${ext}`,
        `migrations/versions/x.${ext}`,
        `models/X.${ext.toUpperCase()}`,
      ])
        expect([path, mayClaim(path), mayBeSchemaCode(path)]).toEqual([path, false, false]);

    await withTemp(async (root) => {
      const repo = makeRepo(join(root, 'repo'));
      seed(repo);
      repo.git('config', 'core.hooksPath', HOOKS);
      // A dcr that cannot start says so: the hooks must not try on prose.
      const missing = { DCR_BIN: join(root, 'no-such-dcr.js') };
      repo.write('docs/guide.md', 'We ALTER TABLE orders here.\n');
      repo.write('CHANGELOG.TXT', 'orders\n');
      repo.git('add', '.');
      const prose = git(repo.dir, ['commit', '-m', 'docs'], missing);
      expect(prose.code, prose.out).toBe(0);
      expect(prose.out).not.toContain('no-such-dcr');

      // Anything else, and a rename of SQL into prose, runs dcr (which here cannot start).
      for (const change of [
        () => repo.write('db/002.sql', 'ALTER TABLE orders ADD COLUMN note text;\n'),
        () => repo.git('mv', 'db/001.sql', 'db/001.md'),
        () => repo.write('docs/notes.json', '{}\n'),
      ]) {
        change();
        repo.git('add', '.');
        const run = git(repo.dir, ['commit', '-m', 'change'], missing);
        expect(run.out).toContain('no-such-dcr');
        repo.git('reset', '-q', '--hard', 'HEAD');
      }
    });
  });

  it('pre-push checks every pushed ref, new branches from where they leave the remote', async () => {
    await withTemp(async (root) => {
      const remote = makeRepo(join(root, 'remote.git'), true);
      const repo = makeRepo(join(root, 'repo'));
      seed(repo);
      repo.git('remote', 'add', 'origin', remote.dir);
      repo.git('push', '-q', 'origin', 'main');
      repo.git('config', 'core.hooksPath', HOOKS);
      repo.git('checkout', '-q', '-b', 'ok-branch');
      repo.write('db/010.sql', 'CREATE TABLE unrelated (id int);\n');
      repo.git('add', '.');
      repo.commit('unrelated');
      repo.git('checkout', '-q', '-b', 'bad-branch', 'main');
      repo.write('db/011.sql', 'ALTER TABLE orders ADD COLUMN x int;\n');
      repo.git('add', '.');
      repo.commit('touch orders');
      const push = git(repo.dir, ['push', 'origin', 'ok-branch', 'bad-branch']);
      expect(push.code).not.toBe(0);
      expect(push.out).toContain('db/011.sql:1');
      expect(push.out).not.toContain('010.sql');
      expect(git(repo.dir, ['push', 'origin', 'ok-branch']).code).toBe(0);
    });
  });
});

describe('pre-receive', { timeout: 180_000 }, () => {
  it('rejects a real push that changes a blocked table, accepts acknowledged pushes, deletions and force pushes', async () => {
    await withTemp(async (root) => {
      const server = makeRepo(join(root, 'server.git'), true);
      copyFileSync(join(HOOKS, 'pre-receive'), join(server.dir, 'hooks', 'pre-receive'));
      const contracts = join(root, 'central-contracts');
      const repo = makeRepo(join(root, 'repo'));
      seed(repo);
      cpSync(join(repo.dir, 'contracts'), contracts, { recursive: true });
      const env = { DCR_CONTRACTS: contracts, DCR_TIMEOUT: '30' };
      repo.git('remote', 'add', 'origin', server.dir);
      // The first push creates orders, a finding too: the set-up skips the hook.
      expect(git(repo.dir, ['push', 'origin', 'main'], env).code).not.toBe(0);
      expect(git(repo.dir, ['push', 'origin', 'main'], { ...env, DCR_SKIP: '1' }).code).toBe(0);

      repo.git('checkout', '-q', '-b', 'feature');
      repo.write('db/002.sql', 'ALTER TABLE orders ADD COLUMN x int;\n');
      repo.git('add', '.');
      repo.commit('touch orders');
      repo.git('checkout', '-q', '-b', 'other', 'main');
      repo.write('db/003.sql', 'CREATE TABLE unrelated (id int);\n');
      repo.git('add', '.');
      repo.commit('unrelated');
      const rejected = git(repo.dir, ['push', 'origin', 'feature', 'other'], env);
      expect(rejected.code).not.toBe(0);
      expect(rejected.out).toMatch(/remote: .*orders_pg/);
      expect(rejected.out).toContain('pre-receive hook declined');
      expect(server.git('branch', '--list').trim()).toBe('* main'); // all or nothing

      repo.git('checkout', '-q', 'feature');
      repo.git('commit', '-q', '--amend', '-m', 'touch orders\n\nData-Contract-Ack: orders_pg');
      const accepted = git(repo.dir, ['push', 'origin', 'feature', 'other'], env);
      expect(accepted.code, accepted.out).toBe(0);
      expect(accepted.out).toMatch(/remote: .*acknowledged/);

      // A force push that drops the acknowledgement is checked from the merge base.
      repo.git('commit', '-q', '--amend', '-m', 'touch orders again');
      expect(git(repo.dir, ['push', '-f', 'origin', 'feature'], env).code).not.toBe(0);
      expect(git(repo.dir, ['push', 'origin', ':other'], env).code).toBe(0);
      expect(git(repo.dir, ['push', 'origin', ':feature'], env).code).toBe(0);
    });
  });
});
