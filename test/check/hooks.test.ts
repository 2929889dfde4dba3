import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayBeSchemaCode, SCHEMA_SIGNATURE } from '../../src/detect/changes/unread.js';
import { LAZY_EXTRACTORS, mayClaim } from '../../src/detect/extractors/lazy.js';
import { corpusFiles } from '../helpers/corpus-files.js';
import { contractYaml, GIT_ENV, makeRepo, withTemp, type Repo } from './git-repo.js';

const BIN = resolve('dist/cli/bin.js');
const HOOKS = resolve('hooks');

/** Runs git like a user would, hooks included; returns what the user sees. */
function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync('git', args, { cwd, env: { ...GIT_ENV, DCR_BIN: BIN, ...env }, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A shell variable of hooks/lib/dcr.sh (a single-quoted assignment). */
function shellValue(name: string): string {
  const shell = readFileSync(join(HOOKS, 'lib/dcr.sh'), 'utf8');
  const value = new RegExp(`^${name}='([^']*)'$`, 'm').exec(shell)?.[1];
  expect(value, name).toBeDefined();
  return value!;
}

/** The extensions of a `[.](a|b?|c)$` list of the shell, `b?` spelled out. */
function shellList(name: string): string[] {
  const list = /^\[\.\]\(([^()]+)\)\$$/.exec(shellValue(name))?.[1];
  expect(list, name).toBeDefined();
  const out = list!.split('|').flatMap((e) => expand(e));
  expect(out.length).toBeGreaterThan(8);
  return out;
}

/** `[cm]?[jt]sx?` as every spelling it matches. */
function expand(pattern: string): string[] {
  const m = /^([^[?]*)(?:\[([a-z]+)\]|([a-z]))(\?)?(.*)$/.exec(pattern);
  if (!m || (!m[2] && !m[4])) return [pattern];
  const [, head, set, one, optional, tail] = m;
  const choices = [...(set ?? one!).split(''), ...(optional ? [''] : [])];
  return choices.flatMap((c) => expand(`${head}${c}${tail}`));
}

/** Whether the shell takes a path for application code (its text decides). */
function isShellCode(path: string): boolean {
  shellCode ??= new RegExp(shellValue('dcr_code'));
  return shellCode.test(path) && !/(^|\/)db\//.test(path);
}
let shellCode: RegExp | undefined;

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
    for (const ext of shellList('dcr_prose'))
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

  it("keeps the shell's code paths and signs in step with dcr's extractors and schema signature", () => {
    // Application code: no extractor claims it by its path alone (its text decides).
    const pathOnly = LAZY_EXTRACTORS.filter((e) => !e.text);
    const code = shellList('dcr_code');
    expect(code).toEqual(expect.arrayContaining(['py', 'ts', 'js', 'tsx', 'go', 'java', 'rb']));
    for (const ext of code)
      for (const path of [
        `x.${ext}`,
        `src/app/models/user.${ext}`,
        `migrations/0001_init.${ext}`,
        `migrations/versions/abc_add.${ext}`,
        `src/migrations/20240101-add.${ext}`,
        `knex_migrations/001.${ext}`,
        `prisma/migrations/1/migration.${ext}`,
        `config/initializers/x.${ext}`,
      ])
        expect([path, pathOnly.filter((e) => e.paths.test(path)).map((e) => e.id)]).toEqual([path, []]);
    // Paths under db/ go to dcr whatever their extension (Rails migrations, schema.rb).
    for (const { path } of corpusFiles())
      if (isShellCode(path))
        expect([path, pathOnly.filter((e) => e.paths.test(path)).map((e) => e.id)]).toEqual([path, []]);

    // The signs: every text sign of an ORM extractor and the schema signature, as PCRE.
    const sources = [...LAZY_EXTRACTORS.filter((e) => e.text).map((e) => e.text!), SCHEMA_SIGNATURE].map(
      (r) => r.source,
    );
    for (const source of sources) {
      // What the translation relies on: \s only repeated, no bare dot, no negated class.
      expect(source).not.toMatch(/\\s(?![*+])/);
      expect(source).not.toMatch(/(?<!\\)\./);
      expect(source).not.toContain('[^');
    }
    const expected = [...new Set(sources)].map((s) => s.replaceAll('\\s', '[\\s\\x80-\\xff]')).join('|');
    expect(shellValue('dcr_signs')).toBe(expected);
  });

  it('finds with grep every sign dcr finds, in every code file of both corpora', async () => {
    await withTemp(async (root) => {
      const files = corpusFiles().filter((f) => isShellCode(f.path));
      expect(files.length).toBeGreaterThan(300);
      const wants: string[] = [];
      files.forEach((f, i) => {
        const name = `f${i}`;
        writeFileSync(join(root, name), f.bytes);
        const text = f.bytes.toString('utf8');
        const read =
          LAZY_EXTRACTORS.some((e) => e.text && e.paths.test(f.path) && e.text.test(text)) ||
          (mayBeSchemaCode(f.path) && SCHEMA_SIGNATURE.test(text));
        if (read) wants.push(name);
      });
      const r = spawnSync('grep', ['-lzPi', '-e', shellValue('dcr_signs'), '-r', '.'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, LC_ALL: 'C' },
      });
      expect(r.status, r.stderr).toBe(0);
      const found = new Set(r.stdout.split('\n').map((l) => l.replace(/^\.\//, '')));
      expect(wants.length).toBeGreaterThan(100);
      for (const name of wants) expect([files[Number(name.slice(1))]!.path, found.has(name)]).toContain(true);
      // And the grep is worth having: some code holds no sign.
      expect(found.size).toBeLessThan(files.length);
    });
  });

  it('ends at once on application code without a sign, and starts dcr for everything dcr would read', async () => {
    await withTemp(async (root) => {
      const repo = makeRepo(join(root, 'repo'));
      seed(repo);
      repo.write('src/app.ts', 'export const table = "CREATE TABLE orders (id int)";\n');
      repo.write('app/models/order.rb', 'class Order\nend\n');
      repo.git('add', '.');
      repo.commit('app');
      repo.git('config', 'core.hooksPath', HOOKS);
      const missing = { DCR_BIN: join(root, 'no-such-dcr.js') };
      const commit = () => {
        repo.git('add', '-A');
        const r = git(repo.dir, ['commit', '-m', 'change'], missing);
        repo.git('reset', '-q', '--hard', 'HEAD');
        return r.out.includes('no-such-dcr');
      };
      repo.write('src/feature.ts', 'export function setup(x: number) {\n  return x + 1;\n}\n');
      repo.write('app/models/order.rb', 'class Order\n  def total; 1; end\nend\n');
      repo.write('web/page.tsx', 'export const Page = () => <p>create an order table view</p>;\n');
      repo.write('README.md', 'CREATE TABLE orders\n');
      expect(commit()).toBe(false);
      expect(repo.git('log', '-1', '--format=%s').trim()).toBe('change');
      repo.git('reset', '-q', '--hard', 'HEAD~1');

      for (const [why, change] of [
        ['an ORM sign', () => repo.write('src/m.js', 'module.exports = { up: (queryInterface) => 1 };\n')],
        ['a sign on the committed side only', () => repo.write('src/app.ts', 'export const table = 1;\n')],
        ['a sign across lines', () => repo.write('src/x.py', 'sql = """CREATE\n   TABLE t (id int)"""\n')],
        ['a space outside ASCII', () => repo.write('src/y.go', 'const q = "ALTER\u00a0TABLE orders"\n')],
        ['a path under db/', () => repo.write('db/seeds.rb', 'Order.first\n')],
        ['a path no list names', () => repo.write('Makefile', 'all:\n')],
        ['JSON', () => repo.write('package.json', '{}\n')],
        ['a blob of 1 MB or more', () => repo.write('src/big.ts', `// ${'x'.repeat(1_100_000)}\n`)],
        ['a path git quotes', () => repo.write('src/a"b.ts', 'export {};\n')],
        [
          'a configuration that may set maxFileBytes',
          () => {
            repo.write('dcr.config.yaml', 'check:\n  maxFileBytes: 10\n');
            repo.git('add', 'dcr.config.yaml');
            repo.commit('config');
            repo.write('src/feature.ts', 'export const f = 1;\n');
          },
        ],
      ] as const) {
        change();
        expect([why, commit()]).toEqual([why, true]);
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
