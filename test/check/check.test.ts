import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { runCheck } from '../../src/detect/check.js';
import { contractYaml, withRepo, type Repo } from './git-repo.js';

/** A repository with three contracts and one applied migration. */
function seed(repo: Repo) {
  repo.write('contracts/orders_pg.yaml', contractYaml('orders_pg', ['public.orders'], { policy: 'block' }));
  repo.write('contracts/items.yaml', contractYaml('items', ['order_items']));
  repo.write(
    'contracts/elsewhere.yaml',
    contractYaml('elsewhere', ['customers'], { source_repo: 'github.com/other/crm' }),
  );
  repo.write(
    'db/migrations/001_init.sql',
    'CREATE TABLE orders (id int);\nCREATE TABLE order_items (id int);\n',
  );
  repo.git('add', '.');
  repo.commit('init');
}

const check = (repo: Repo, extra: Partial<Parameters<typeof runCheck>[0]> = {}) =>
  runCheck({ cwd: repo.dir, loaded: loadConfig(repo.dir), source: { kind: 'staged' }, ...extra });

describe('runCheck', () => {
  it('finds a staged change to a contracted table, with owners, and blocks by the contract policy', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      repo.write('db/migrations/002_note.sql', '-- add a note\nALTER TABLE orders ADD COLUMN note text;\n');
      repo.git('add', '.');
      const result = await check(repo);
      expect(result).toMatchObject({ ok: false, blocking: true });
      expect(result.findings).toEqual([
        expect.objectContaining({
          contract: 'orders_pg',
          table: 'public.orders',
          file: 'db/migrations/002_note.sql',
          line: 2,
          change: 'alter',
          policy: 'block',
          owners: { source: ['orders_pg-src@example.com'], ingestion: ['orders_pg-eng@example.com'] },
          match: expect.stringContaining('unqualified'),
        }),
      ]);
      expect(result.findings[0]!.evidence).toMatch(/ALTER TABLE orders/i);
    });
  });

  it('matches a rename on the old and on the new name, and says which', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      repo.write('contracts/purchases.yaml', contractYaml('purchases', ['public.purchases']));
      repo.git('add', '.');
      repo.commit('purchases');
      repo.write('db/migrations/002_rename.sql', 'ALTER TABLE orders RENAME TO purchases;\n');
      repo.git('add', '.');
      const result = await check(repo);
      expect(result.findings.map((f) => [f.contract, f.change, f.confidence])).toEqual([
        ['orders_pg', 'rename', 'certain'],
        ['purchases', 'rename', 'certain'],
      ]);
      expect(result.findings[1]!.match).toBe('orders is renamed to purchases');
    });
  });

  it('never passes schema code it cannot read in silence: a notice, and possible findings', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      repo.write(
        'tools/upgrade.py',
        'import db\n\ndef run(cur):\n    cur.execute("ALTER TABLE orders ADD COLUMN note text")\n',
      );
      repo.write('docs/schema.md', 'Run `ALTER TABLE order_items ADD x int` by hand.\n');
      repo.git('add', '.');
      const result = await check(repo);
      expect(result.blocking).toBe(false); // a possible finding is a lead, never a block
      expect(result.findings).toEqual([
        expect.objectContaining({
          contract: 'orders_pg',
          file: 'tools/upgrade.py',
          line: 4,
          confidence: 'possible',
          policy: 'warn',
        }),
      ]);
      expect(result.notices).toContainEqual(
        expect.objectContaining({
          file: 'tools/upgrade.py',
          message: expect.stringContaining('no reader of dcr'),
        }),
      );
    });
  });

  it('lets a Data-Contract-Ack trailer or --policy warn through, and shows the acknowledgement', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      repo.write('db/migrations/002.sql', 'DROP TABLE order_items;\nALTER TABLE orders DROP COLUMN id;\n');
      repo.git('add', '.');
      const acked = await check(repo, { commitMessage: 'Drop items\n\nData-Contract-Ack: orders_pg\n' });
      expect(acked.blocking).toBe(false);
      expect(acked.findings.map((f) => [f.contract, f.change, f.acknowledged ?? false])).toEqual([
        ['items', 'drop', false],
        ['orders_pg', 'alter', true],
      ]);
      expect((await check(repo, { policy: 'warn' })).blocking).toBe(false);
      expect(
        (await check(repo, { policy: 'block', commitMessage: 'Data-Contract-Ack: orders_pg' })).blocking,
      ).toBe(true);
    });
  });

  it('applies a contract with source_repo only in that repository', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      repo.write('db/migrations/002.sql', 'ALTER TABLE customers ADD COLUMN x int;\n');
      repo.git('add', '.');
      repo.git('remote', 'add', 'origin', 'git@github.com:acme/shop.git');
      expect((await check(repo)).findings).toEqual([]);
      expect((await check(repo, { repo: 'other/crm' })).findings.map((f) => f.contract)).toEqual([
        'elsewhere',
      ]);
      repo.git('remote', 'set-url', 'origin', 'https://github.com/Other/CRM.git');
      expect((await check(repo)).findings.map((f) => f.contract)).toEqual(['elsewhere']);
    });
  });

  it('ignores comments, untouched statements of an edited migration, and excluded paths', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      repo.write(
        'db/migrations/001_init.sql',
        'CREATE TABLE orders (id int);\nCREATE TABLE order_items (id int, qty int);\n',
      );
      repo.write('db/migrations/003.sql', '-- orders is fine\nCREATE TABLE audit (id int);\n');
      repo.write('node_modules/x/migrate.sql', 'DROP TABLE orders;\n');
      // Build output copies its sources: a bundle full of schema words is not a change.
      repo.write('dist/migrations/001.js', 'exports.up = (knex) => knex.schema.dropTable("orders");\n');
      repo.write('web/app.min.js', 'q("DROP TABLE orders")\n');
      repo.git('add', '.');
      const result = await check(repo);
      expect(result.findings.map((f) => `${f.contract}:${f.line}`)).toEqual(['items:2']);
    });
  });

  it('sees a contract edit at once, although parsed contracts are cached', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      repo.write('db/migrations/002.sql', 'ALTER TABLE orders ADD COLUMN y int;\n');
      repo.git('add', '.');
      expect((await check(repo)).blocking).toBe(true);
      expect((await check(repo)).blocking).toBe(true); // from the cache
      repo.write(
        'contracts/orders_pg.yaml',
        contractYaml('orders_pg', ['public.orders'], { policy: 'warn' }),
      );
      expect((await check(repo)).blocking).toBe(false);
      repo.write(
        'contracts/orders_pg.yaml',
        contractYaml('orders_pg', ['public.orders'], { policy: 'block' }),
      );
      expect((await check(repo)).blocking).toBe(true);
    });
  });

  it('does not load the contracts when no file changes a table', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      rmSync(join(repo.dir, 'contracts'), { recursive: true });
      repo.write('README.md', 'orders\n');
      repo.git('add', '.');
      expect(await check(repo)).toEqual({ ok: true, blocking: false, findings: [], notices: [] });
    });
  });

  it('checks a range and reads acknowledgements from its commits', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      repo.git('checkout', '-q', '-b', 'feature');
      repo.write('db/migrations/002.sql', 'ALTER TABLE orders ADD COLUMN y int;\n');
      repo.git('add', '.');
      repo.commit('change orders');
      const before = await runCheck({
        cwd: repo.dir,
        loaded: loadConfig(repo.dir),
        source: { kind: 'range', base: 'main' },
      });
      expect(before.blocking).toBe(true);
      repo.git('commit', '-q', '--allow-empty', '-m', 'talked to them\n\nData-Contract-Ack: orders_pg');
      const after = await runCheck({
        cwd: repo.dir,
        loaded: loadConfig(repo.dir),
        source: { kind: 'range', base: 'main', head: 'feature' },
      });
      expect(after).toMatchObject({
        blocking: false,
        findings: [expect.objectContaining({ acknowledged: true })],
      });
    });
  });

  it('judges each commit of a range: a change undone or rewritten later in the range is not the range’s', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      repo.git('checkout', '-q', '-b', 'feature');
      repo.write('db/migrations/002.sql', 'ALTER TABLE orders ADD COLUMN y int;\n');
      repo.git('add', '.');
      repo.commit('add y');
      rmSync(join(repo.dir, 'db/migrations/002.sql'));
      repo.git('add', '-A');
      repo.commit('drop the migration again');
      const range = { kind: 'range' as const, base: 'main' };
      expect((await check(repo, { source: range })).findings).toEqual([]);

      repo.write('db/migrations/003.sql', 'ALTER TABLE orders ADD COLUMN z int;\n');
      repo.git('add', '.');
      const first = repo.commit('add z\n\nData-Contract-Ack: orders_pg');
      repo.write('db/migrations/003.sql', 'ALTER TABLE orders ADD COLUMN z bigint;\n');
      repo.git('add', '.');
      const second = repo.commit('z is a bigint');
      const result = await check(repo, { source: range });
      // Only the version at the tip counts, and it is the second commit's: the first's trailer is earlier.
      expect(result.findings).toEqual([
        expect.objectContaining({ evidence: 'ALTER TABLE orders ADD COLUMN z bigint;', commit: second }),
      ]);
      expect(result.findings[0]!.acknowledged).toBeUndefined();
      expect(result.reword).toMatchObject({ commits: [{ commit: second }], amend: true, rebaseFrom: first });
    });
  });

  it('never loses a change whose text a later commit of the range rewrote before removing it', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      repo.git('checkout', '-q', '-b', 'feature');
      repo.write(
        'db/migrations/001_init.sql',
        'CREATE TABLE orders (id bigint);\nCREATE TABLE order_items (id int);\n',
      );
      repo.git('add', '.');
      repo.commit('widen the id');
      rmSync(join(repo.dir, 'db/migrations/001_init.sql'));
      repo.git('add', '-A');
      const second = repo.commit('remove the migration');
      const whole = await check(repo, { source: { kind: 'range', base: 'main' } });
      const orders = whole.findings.filter((f) => f.contract === 'orders_pg');
      expect(orders.length).toBeGreaterThan(0);
      expect(orders.some((f) => f.commit === second)).toBe(true);
      expect(whole.blocking).toBe(true);
    });
  });
});
