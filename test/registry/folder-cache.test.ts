import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { DcrError } from '../../src/errors.js';
import {
  fingerprint,
  gitFingerprint,
  openFolderCached,
  unguardedFiles,
} from '../../src/registry/folder-cache.js';
import { DCR } from '../helpers/paths.js';
import { contractYaml, GIT_ENV, withRepo, withTemp, type Repo } from '../check/git-repo.js';

function seed(repo: Repo) {
  repo.write('contracts/orders.yaml', contractYaml('orders_pg', ['public.orders']));
  repo.write('contracts/items.yaml', contractYaml('items', ['order_items']));
  repo.write('.gitignore', 'contracts/local-*.yaml\n');
  repo.git('add', '.');
  repo.commit('init');
}

/** Runs fn with process.env changed, as inside a hook of another repository. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

describe("the contracts folder's fingerprint from git", () => {
  it('changes with every edit dcr would read, and comes back with the same contents', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      const dir = join(repo.dir, 'contracts');
      const fp = () => gitFingerprint(dir, 'seed');
      const first = await fp();
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(await fp()).toBe(first);
      expect(await gitFingerprint(dir, 'other settings')).not.toBe(first);

      // An edit of the same size, at once (git's racily clean case), staged or not.
      const original = readFileSync(join(dir, 'orders.yaml'), 'utf8');
      repo.write('contracts/orders.yaml', original.replace('orders_pg', 'orders_pX'));
      const edited = await fp();
      expect(edited).not.toBe(first);
      repo.git('add', 'contracts/orders.yaml');
      expect(await fp()).not.toBe(first);
      // Back to the committed text and index: the same contents, the same fingerprint.
      repo.write('contracts/orders.yaml', original);
      repo.git('add', 'contracts/orders.yaml');
      expect(await fp()).toBe(first);

      // A new file, an ignored one (dcr reads it too), a deleted one.
      repo.write('contracts/new.yaml', contractYaml('new_job', ['x']));
      const withNew = await fp();
      expect(withNew).not.toBe(first);
      repo.write('contracts/local-dev.yaml', contractYaml('local_job', ['y']));
      const withIgnored = await fp();
      expect(withIgnored).not.toBe(withNew);
      rmSync(join(dir, 'new.yaml'));
      rmSync(join(dir, 'local-dev.yaml'));
      expect(await fp()).toBe(first);
      rmSync(join(dir, 'items.yaml'));
      expect(await fp()).not.toBe(first);
    });
  });

  it("ignores a hook's GIT_DIR and GIT_INDEX_FILE, which name the caller's repository", async () => {
    await withRepo(async (repo) => {
      seed(repo);
      const dir = join(repo.dir, 'contracts');
      const plain = await gitFingerprint(dir, 'seed');
      await withTemp(async (other) => {
        const inHook = await withEnv(
          { GIT_DIR: join(other, '.git'), GIT_INDEX_FILE: join(other, 'index'), GIT_WORK_TREE: other },
          () => gitFingerprint(dir, 'seed'),
        );
        expect(inHook).toBe(plain);
      });
    });
  });

  it('is undefined outside a work tree, where the files are fingerprinted one by one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dcr-folder-'));
    try {
      writeFileSync(join(dir, 'a.yaml'), contractYaml('a', ['t']));
      await withEnv({ GIT_CEILING_DIRECTORIES: tmpdir() }, async () => {
        expect(await gitFingerprint(dir, 'seed')).toBeUndefined();
      });
      const before = fingerprint(dir, 'seed');
      writeFileSync(join(dir, 'a.yaml'), contractYaml('a', ['u']));
      expect(fingerprint(dir, 'seed')).not.toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the folder cache', () => {
  const cacheFile = (cacheDir: string) => {
    const [name] = readdirSync(cacheDir).filter((f) => f.startsWith('folder-slim5-'));
    return join(cacheDir, name!);
  };

  it('selects only the contracts asked for, from the cache on the second run', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      await withTemp(async (cacheDir) => {
        const loaded = loadConfig(repo.dir);
        const first = await openFolderCached(loaded, cacheDir);
        expect([...first.tableKeys].sort()).toEqual(['order_items', 'orders']);
        const written = readFileSync(cacheFile(cacheDir), 'utf8');
        const again = await openFolderCached(loaded, cacheDir);
        expect(readFileSync(cacheFile(cacheDir), 'utf8')).toBe(written);
        expect(again.select(new Set(['orders'])).contracts.map((c) => c.jobId)).toEqual(['orders_pg']);
        expect(again.select(new Set(['nothing']), new Set(['items'])).contracts.map((c) => c.jobId)).toEqual([
          'items',
        ]);
        expect(again.select(new Set()).contracts).toEqual([]);
        const orders = again.select(new Set(['orders'])).contracts[0]!;
        expect(orders).toMatchObject({
          jobId: 'orders_pg',
          tables: ['public.orders'],
          owners: { source: ['orders_pg-src@example.com'], ingestion: ['orders_pg-eng@example.com'] },
        });
      });
    });
  });

  it('rebuilds a cut cache, and says so when a line is damaged, removing it', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      await withTemp(async (cacheDir) => {
        const loaded = loadConfig(repo.dir);
        await openFolderCached(loaded, cacheDir);
        const file = cacheFile(cacheDir);
        const whole = readFileSync(file, 'utf8');
        writeFileSync(file, whole.slice(0, whole.length - 10));
        const rebuilt = await openFolderCached(loaded, cacheDir);
        expect(readFileSync(file, 'utf8')).toBe(whole);
        expect(rebuilt.select(new Set(['orders'])).contracts).toHaveLength(1);

        // Same length, broken JSON on the contract's line: a clear error, and the cache is gone.
        writeFileSync(file, whole.replace('"jobId":"orders_pg"', '"jobId":"orders_pg'.padEnd(19, '{')));
        const damaged = await openFolderCached(loaded, cacheDir);
        let error: unknown;
        try {
          damaged.select(new Set(['orders']));
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(DcrError);
        expect((error as DcrError).message).toContain(file);
        expect((error as DcrError).message).toMatch(/damaged/);
        expect(() => readFileSync(file)).toThrow();
        const fresh = await openFolderCached(loaded, cacheDir);
        expect(fresh.select(new Set(['orders'])).contracts.map((c) => c.jobId)).toEqual(['orders_pg']);
      });
    });
  });

  describe('after a change, reads again only the files that changed', () => {
    /** The cache bytes dcr writes now, and those it writes for the same folder from nothing. */
    async function bothWays(loaded: ReturnType<typeof loadConfig>, cacheDir: string, scratch: string) {
      const opened = await openFolderCached(loaded, cacheDir);
      rmSync(scratch, { recursive: true, force: true });
      await openFolderCached(loaded, scratch);
      return { opened, kept: readFileSync(cacheFile(cacheDir)), fresh: readFileSync(cacheFile(scratch)) };
    }

    it('keeps the lines of unchanged files as they were (a tampered line stays: it was not read again)', async () => {
      await withRepo(async (repo) => {
        seed(repo);
        await withTemp(async (cacheDir) => {
          const loaded = loadConfig(repo.dir);
          await openFolderCached(loaded, cacheDir);
          const file = cacheFile(cacheDir);
          // Same length, still valid: only a rebuild that keeps the line keeps this.
          writeFileSync(
            file,
            readFileSync(file, 'utf8').replace('items-src@example.com', 'itemz-src@example.com'),
          );
          repo.write('contracts/orders.yaml', contractYaml('orders_pg', ['public.orders', 'public.refunds']));
          const after = await openFolderCached(loaded, cacheDir);
          expect(after.select(new Set(['order_items'])).contracts[0]!.owners.source).toEqual([
            'itemz-src@example.com',
          ]);
          expect(after.select(new Set(['refunds'])).contracts.map((c) => c.jobId)).toEqual(['orders_pg']);
          // The same edit with the cache removed reads every file.
          rmSync(file);
          const fresh = await openFolderCached(loaded, cacheDir);
          expect(fresh.select(new Set(['order_items'])).contracts[0]!.owners.source).toEqual([
            'items-src@example.com',
          ]);
        });
      });
    });

    it('writes the same cache as a rebuild from nothing, edit after edit, in a work tree', async () => {
      await withRepo(async (repo) => {
        seed(repo);
        for (let i = 0; i < 6; i++)
          repo.write(`contracts/more/job_${i}.yaml`, contractYaml(`job_${i}`, [`t_${i}`]));
        repo.git('add', '.');
        repo.commit('more');
        await withTemp(async (root) => {
          const cacheDir = join(root, 'kept');
          const scratch = join(root, 'scratch');
          const loaded = loadConfig(repo.dir);
          await openFolderCached(loaded, cacheDir);
          const contracts = join(repo.dir, 'contracts');
          const edits: [string, () => void][] = [
            [
              'an unstaged edit',
              () => repo.write('contracts/more/job_0.yaml', contractYaml('job_0', ['t_0', 'u_0'])),
            ],
            ['the same edit staged', () => repo.git('add', 'contracts/more/job_0.yaml')],
            [
              'a same-size edit at once',
              () => repo.write('contracts/more/job_0.yaml', contractYaml('job_0', ['t_0', 'v_0'])),
            ],
            ['a new file', () => repo.write('contracts/new.yaml', contractYaml('new_job', ['n']))],
            [
              'an ignored file',
              () => repo.write('contracts/local-dev.yaml', contractYaml('local_job', ['l'])),
            ],
            ['an invalid file', () => repo.write('contracts/bad.yaml', 'ingestion_jobid: [\n')],
            [
              'the invalid file fixed',
              () => repo.write('contracts/bad.yaml', contractYaml('bad_job', ['b'])),
            ],
            ['a valid file broken', () => repo.write('contracts/more/job_1.yaml', 'source_db: 1\n')],
            ['a deletion', () => rmSync(join(contracts, 'more/job_2.yaml'))],
            [
              'a rename',
              () => renameSync(join(contracts, 'more/job_3.yaml'), join(contracts, 'renamed.yaml')),
            ],
            ['a link', () => symlinkSync(join(contracts, 'more/job_4.yaml'), join(contracts, 'link.yaml'))],
            [
              'its target edited',
              () => repo.write('contracts/more/job_4.yaml', contractYaml('job_4', ['w_4'])),
            ],
            ['a commit of it all', () => (repo.git('add', '-A'), repo.commit('all'))],
            ['a checkout of the older commit', () => repo.git('checkout', '-q', 'HEAD~1')],
          ];
          for (const [what, edit] of edits) {
            edit();
            const { kept, fresh, opened } = await bothWays(loaded, cacheDir, scratch);
            expect(kept.toString('utf8'), what).toBe(fresh.toString('utf8'));
            expect(opened.tableKeys.size, what).toBeGreaterThan(0);
          }
          // It can fail: a committed link's contract follows its target's edit (the link's blob is unchanged).
          repo.git('checkout', '-q', 'main');
          symlinkSync('more/job_5.yaml', join(contracts, 'link5.yaml'));
          repo.git('add', '-A');
          repo.commit('link');
          await openFolderCached(loaded, cacheDir);
          repo.write('contracts/more/job_5.yaml', contractYaml('job_5', ['z_5']));
          const linked = await openFolderCached(loaded, cacheDir);
          expect(
            linked
              .select(new Set(['z_5']))
              .contracts.map((c) => c.file)
              .sort(),
          ).toEqual(['contracts/link5.yaml', 'contracts/more/job_5.yaml']);
        });
      });
    });

    it('writes the same cache as a rebuild from nothing outside a work tree, and after a settings change', async () => {
      await withTemp(async (root) => {
        const dir = join(root, 'plain');
        const write = (path: string, text: string) => {
          writeFileSync(join(dir, 'contracts', path), text);
        };
        mkdirSync(join(dir, 'contracts'), { recursive: true });
        for (let i = 0; i < 5; i++) write(`job_${i}.yaml`, contractYaml(`job_${i}`, [`t_${i}`]));
        await withEnv({ GIT_CEILING_DIRECTORIES: root }, async () => {
          const cacheDir = join(root, 'kept');
          const scratch = join(root, 'scratch');
          let loaded = loadConfig(dir);
          await openFolderCached(loaded, cacheDir);
          write('job_1.yaml', contractYaml('job_1', ['t_1', 'x_1']));
          write('job_9.yaml', contractYaml('job_9', ['t_9']));
          rmSync(join(dir, 'contracts', 'job_0.yaml'));
          let both = await bothWays(loaded, cacheDir, scratch);
          expect(both.kept.toString('utf8')).toBe(both.fresh.toString('utf8'));
          expect([...both.opened.tableKeys].sort()).toEqual(['t_1', 't_2', 't_3', 't_4', 't_9', 'x_1']);
          // Other settings: nothing of the old cache is kept.
          writeFileSync(join(dir, 'dcr.config.yaml'), 'contracts: contracts\nignore: ["job_4.yaml"]\n');
          loaded = loadConfig(dir);
          both = await bothWays(loaded, cacheDir, scratch);
          expect(both.kept.toString('utf8')).toBe(both.fresh.toString('utf8'));
          expect(both.opened.tableKeys.has('t_4')).toBe(false);
        });
      });
    });
  });

  it('names the contract files that give no contract, whose tables are not guarded, and dcr check says so', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      repo.write('contracts/bad.yaml', contractYaml('bad_job', ['refunds'], { cursor_column: 'x' }));
      repo.write('contracts/broken.yaml', 'ingestion_jobid: [\n');
      repo.write('dcr.config.yaml', 'contracts: contracts\n');
      repo.git('add', '.');
      repo.commit('contracts');
      await withTemp(async (cacheDir) => {
        const loaded = loadConfig(repo.dir);
        const first = await openFolderCached(loaded, cacheDir);
        expect(first.unread).toEqual({ files: ['contracts/bad.yaml', 'contracts/broken.yaml'], count: 2 });
        // From the cache's header on the next run, and after a rebuild that keeps the other lines.
        expect((await openFolderCached(loaded, cacheDir)).unread.count).toBe(2);
        repo.write('contracts/broken.yaml', contractYaml('fixed_job', ['t']));
        const fixed = await openFolderCached(loaded, cacheDir);
        expect(fixed.unread).toEqual({ files: ['contracts/bad.yaml'], count: 1 });
        expect(unguardedFiles(fixed).files.map((f) => [f.file, f.line])).toEqual([['contracts/bad.yaml', 1]]);
        expect(unguardedFiles(fixed).more).toEqual([]);
        // Past the files the header names, one warning says how many more.
        const many = { ...fixed, unread: { files: ['contracts/a.yaml'], count: 23 } };
        expect(unguardedFiles(many).more).toEqual([
          '22 more contract files are not valid contracts, so their tables are not guarded; `dcr validate` lists them',
        ]);
      });
      repo.write('db/001.sql', 'ALTER TABLE refunds ADD COLUMN note text;\n');
      repo.git('add', '.');
      const dcr = (...args: string[]) =>
        spawnSync(process.execPath, [DCR, ...args], {
          cwd: repo.dir,
          encoding: 'utf8',
          env: { ...GIT_ENV, DCR_CACHE_DIR: join(repo.dir, '.cache'), NO_COLOR: '1' },
        });
      const notice =
        'notice: contracts/bad.yaml:1: not a valid contract, so its tables are not guarded; `dcr validate` says why (a file that is not meant to be a contract goes under `ignore:` in dcr.config.yaml)';
      // The pre-commit hook's check (quiet) says it; the commit-msg hook's (a verdict only) does not repeat it.
      expect(dcr('check', '--staged', '--advisory', '--quiet').stdout).toContain(notice);
      writeFileSync(join(repo.dir, '.git', 'MSG'), 'refunds\n');
      const msg = dcr('check', '--staged', '--brief', '--message-file', join(repo.dir, '.git', 'MSG'));
      expect(msg.status).toBe(0);
      expect(msg.stdout + msg.stderr).not.toContain('not a valid contract');
      repo.commit('refunds');
      const run = dcr('check', '--base', 'HEAD~1', '--format', 'json');
      expect(run.status).toBe(0);
      const out = JSON.parse(run.stdout) as { findings: unknown[]; notices: unknown[] };
      expect(out.findings).toEqual([]);
      expect(out.notices).toContainEqual({
        file: 'contracts/bad.yaml',
        line: 1,
        message:
          'not a valid contract, so its tables are not guarded; `dcr validate` says why (a file that is not meant to be a contract goes under `ignore:` in dcr.config.yaml)',
      });
    });
  });
});
