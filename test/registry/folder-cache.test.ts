import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { DcrError } from '../../src/errors.js';
import { fingerprint, gitFingerprint, openFolderCached } from '../../src/registry/folder-cache.js';
import { contractYaml, withRepo, withTemp, type Repo } from '../check/git-repo.js';

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
    const [name] = readdirSync(cacheDir).filter((f) => f.startsWith('folder-slim4-'));
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
});
