import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { runCheck } from '../../src/detect/check.js';
import { locationOf } from '../../src/registry/remote.js';
import { contractYaml, GIT_ENV, makeRepo, withTemp, type Repo } from './git-repo.js';

const registryJson = JSON.stringify({
  version: 1,
  generated: '2026-01-01T00:00:00Z',
  contracts: [
    {
      jobId: 'orders_pg',
      tables: ['public.orders'],
      policy: 'block',
      owners: { source: ['s@example.com'], ingestion: ['i@example.com'] },
      __proto__: { polluted: true },
    },
  ],
});

async function serve(
  body: () => string | undefined,
): Promise<{ url: string; server: Server; hits: () => number }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits += 1;
    const text = body();
    if (text === undefined) res.writeHead(503).end('down');
    else res.writeHead(200, { 'content-type': 'application/json' }).end(text);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/registry.json`,
    server,
    hits: () => hits,
  };
}

function sourceRepo(repo: Repo) {
  repo.write('db/001.sql', 'CREATE TABLE other (id int);\n');
  repo.git('add', '.');
  repo.commit('init');
  repo.write('db/002.sql', 'ALTER TABLE orders ADD COLUMN x int;\n');
  repo.git('add', '.');
}

describe('remote registries', { timeout: 180_000 }, () => {
  it('tells folders, git URLs and registry.json URLs apart', () => {
    expect(locationOf('contracts').kind).toBe('folder');
    expect(locationOf('git@github.com:acme/contracts.git').kind).toBe('git');
    expect(locationOf('https://github.com/acme/contracts').kind).toBe('git');
    expect(locationOf('https://contracts.acme.com/registry.json').kind).toBe('json');
  });

  it('reads a published registry.json, caches it, serves it offline, and fails open when unreachable', async () => {
    await withTemp(async (root) => {
      const repo = makeRepo(join(root, 'repo'));
      sourceRepo(repo);
      let up = true;
      const { url, server, hits } = await serve(() => (up ? registryJson : undefined));
      try {
        const check = (cacheMinutes: number, extra = {}) =>
          runCheck({
            cwd: repo.dir,
            loaded: {
              config: { contracts: url, check: { cacheDir: join(root, 'cache'), cacheMinutes } },
              root: repo.dir,
            },
            source: { kind: 'staged' },
            allowHttp: true,
            ...extra,
          });
        const first = await check(60);
        expect(first.findings.map((f) => [f.contract, f.table, f.policy])).toEqual([
          ['orders_pg', 'public.orders', 'block'],
        ]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        await check(60);
        expect(hits()).toBe(1); // fresh cache: no second request
        up = false;
        const offline = await check(0);
        expect(offline.findings).toHaveLength(1);
        expect(offline.notices?.map((n) => n.message).join()).toMatch(/cached contracts/);

        const cold = (extra = {}) =>
          runCheck({
            cwd: repo.dir,
            loaded: {
              config: { contracts: url, check: { cacheDir: join(root, 'empty-cache') } },
              root: repo.dir,
            },
            source: { kind: 'staged' },
            allowHttp: true,
            ...extra,
          });
        const unreachable = await cold();
        expect(unreachable).toMatchObject({ ok: true, findings: [] });
        expect(unreachable.notices?.[0]?.message).toMatch(/could not be read/);
        await expect(cold({ strict: true })).rejects.toThrow(/503/);
        await expect(
          runCheck({
            cwd: repo.dir,
            loaded: { config: { contracts: url }, root: repo.dir },
            source: { kind: 'staged' },
          }),
        ).rejects.toThrow(/must use https/);
      } finally {
        server.close();
      }
    });
  });

  it('clones a contracts repository from inside a commit hook without touching the user’s index', async () => {
    await withTemp(async (root) => {
      const central = makeRepo(join(root, 'central'));
      central.write(
        'contracts/orders_pg.yaml',
        contractYaml('orders_pg', ['public.orders'], { policy: 'block' }),
      );
      central.write('contracts/broken.yaml', 'ingestion_jobid: broken\n');
      central.git('add', '.');
      central.commit('contracts');
      const repo = makeRepo(join(root, 'repo'));
      repo.write(
        'dcr.config.yaml',
        `contracts: file://${central.dir}\ncheck:\n  cacheDir: ${join(root, 'cache')}\n`,
      );
      repo.write('db/001.sql', 'CREATE TABLE other (id int);\n');
      repo.git('add', '.');
      repo.commit('init');
      repo.git('config', 'core.hooksPath', resolve('hooks'));
      repo.write('db/001.sql', 'CREATE TABLE other (id int);\nALTER TABLE orders ADD COLUMN x int;\n');
      // commit -a: git hands the hooks a temporary index through GIT_INDEX_FILE.
      const env = { ...GIT_ENV, DCR_BIN: resolve('dist/cli/bin.js') };
      const blocked = spawnSync('git', ['commit', '-a', '-m', 'x'], { cwd: repo.dir, env, encoding: 'utf8' });
      expect(blocked.status, blocked.stdout + blocked.stderr).not.toBe(0);
      expect(blocked.stdout + blocked.stderr).toContain('orders_pg');
      expect(repo.git('status', '--porcelain')).toBe(' M db/001.sql\n');
      const ok = spawnSync('git', ['commit', '-a', '-m', 'x\n\nData-Contract-Ack: orders_pg'], {
        cwd: repo.dir,
        env,
        encoding: 'utf8',
      });
      expect(ok.status, ok.stdout + ok.stderr).toBe(0);
      expect(repo.git('show', '--stat', '--format=', 'HEAD')).toContain('db/001.sql');
      const result = await runCheck({
        cwd: repo.dir,
        loaded: loadConfig(repo.dir),
        source: { kind: 'range', base: 'HEAD~1' },
      });
      expect(result.findings[0]).toMatchObject({ contract: 'orders_pg', acknowledged: true });
      // A file of the contracts repository that is not a contract is named with its repository.
      expect(result.notices).toContainEqual({
        file: '',
        line: 0,
        message: `contracts/broken.yaml in file://${central.dir} is not a valid contract, so its tables are not guarded; its owners can run \`dcr validate\` there`,
      });
    });
  }, 180_000); // two commits through real hooks and a clone: a safety net on a shared machine
});
