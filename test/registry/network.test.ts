import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContracts } from '../../src/registry/remote.js';
import { contractYaml, makeRepo, withTemp, type Repo } from '../check/git-repo.js';
import { runDcrAsync, type Run } from '../helpers/run-dcr.js';
import { certificate, gitHttpBackend, hangAfterHeaders, http, https, silentTcp } from './servers.js';

const registryJson = JSON.stringify({
  version: 1,
  generated: '2026-01-01T00:00:00Z',
  contracts: [
    {
      jobId: 'orders_pg',
      tables: ['public.orders'],
      owners: { source: ['s@example.com'], ingestion: ['i@example.com'] },
    },
  ],
});

// No final newline: git reads such an answer as an empty list of refs, an empty repository.
/** Each test spawns git and dcr several times on a shared machine: a safety net, not a timing. */
const SLOW = { timeout: 180_000 };

const LOGIN_PAGE = '<html><body><form>Please sign in</form></body></html>';

/** A source repository with a staged change to `orders`, reading its contracts from `contracts`. */
function sourceRepo(root: string, contracts: string, check: Record<string, unknown> = {}): Repo {
  const repo = makeRepo(join(root, 'repo'));
  const settings = { cacheDir: join(root, 'cache'), ...check };
  repo.write(
    'dcr.config.yaml',
    `contracts: ${JSON.stringify(contracts)}\ncheck: ${JSON.stringify(settings)}\n`,
  );
  repo.write('db/001.sql', 'CREATE TABLE other (id int);\n');
  repo.git('add', '.');
  repo.commit('init');
  repo.write('db/002.sql', 'ALTER TABLE orders ADD COLUMN x int;\n');
  repo.git('add', '.');
  return repo;
}

/** A contracts repository with one contract on `public.orders`. */
function centralRepo(root: string, name = 'central'): Repo {
  const central = makeRepo(join(root, name));
  central.write('contracts/orders_pg.yaml', contractYaml('orders_pg', ['public.orders']));
  central.git('add', '.');
  central.commit('contracts');
  return central;
}

const check = (repo: Repo, extra: string[] = [], env: NodeJS.ProcessEnv = {}) =>
  runDcrAsync(['check', '--staged', '--format', 'json', ...extra], { cwd: repo.dir, env });

/** The JSON report of a run that must have ended normally. */
function report(run: Run) {
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as {
    ok: boolean;
    findings: { contract: string }[];
    notices: { message: string }[];
  };
}

/** Asserts the fail-open answer: exit 0, nothing checked, and a notice saying why. */
function expectUnavailable(run: Run, why: RegExp) {
  const r = report(run);
  expect(r.findings).toEqual([]);
  expect(r.notices.map((n) => n.message).join('\n')).toMatch(/could not be read/);
  expect(r.notices.map((n) => n.message).join('\n')).toMatch(why);
}

/** Nothing of a remote registry was kept in the cache folder. */
const cachedRemotes = (root: string) => {
  try {
    return readdirSync(join(root, 'cache')).filter((f) => /^(git-|registry-)/.test(f));
  } catch {
    return [];
  }
};

describe('a registry over the network never hangs the guard', SLOW, () => {
  it('a git server that accepts the connection and never answers ends at the deadline', async () => {
    await withTemp(async (root) => {
      const server = await silentTcp();
      try {
        const repo = sourceRepo(root, `http://127.0.0.1:${server.port}/contracts.git`, { timeoutSeconds: 3 });
        expectUnavailable(await check(repo), /no answer within 3000 ms/);
        expect(server.hits()).toBeGreaterThan(0);
        const strict = await check(repo, ['--strict']);
        expect(strict.code).toBe(2);
        expect(strict.stderr).toMatch(/no answer within 3000 ms/);
        expect(cachedRemotes(root)).toEqual([]);
      } finally {
        await server.close();
      }
    });
  });

  it('a git server that sends headers and then hangs ends at the deadline', async () => {
    await withTemp(async (root) => {
      const server = await http(hangAfterHeaders('application/x-git-upload-pack-advertisement'));
      try {
        const repo = sourceRepo(root, `http://127.0.0.1:${server.port}/contracts.git`, { timeoutSeconds: 3 });
        expectUnavailable(await check(repo), /no answer within 3000 ms/);
        expect(server.hits()).toBeGreaterThan(0);
      } finally {
        await server.close();
      }
    });
  });

  it('a registry.json server that sends headers and then hangs ends at the deadline', async () => {
    await withTemp(async (root) => {
      const server = await http(hangAfterHeaders('application/json'));
      try {
        const url = `http://127.0.0.1:${server.port}/registry.json`;
        const repo = makeRepo(join(root, 'repo'));
        await expect(
          loadContracts(
            { config: { contracts: url }, root: repo.dir },
            { cacheDir: join(root, 'cache'), allowHttp: true, timeoutMs: 1000 },
          ),
        ).rejects.toMatchObject({ name: 'RegistryUnavailable', message: /no answer within 3000 ms/ });
        expect(server.hits()).toBe(1);
        expect(cachedRemotes(root)).toEqual([]);
      } finally {
        await server.close();
      }
    });
  });
});

describe('an answer without contracts is unavailable, never cached', SLOW, () => {
  it('a git URL answering a login page to everything', async () => {
    await withTemp(async (root) => {
      const server = await http((_req, res) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end(LOGIN_PAGE),
      );
      try {
        const repo = sourceRepo(root, `http://127.0.0.1:${server.port}/contracts.git`);
        expectUnavailable(await check(repo), /has no commits/);
        const strict = await check(repo, ['--strict']);
        expect(strict.code).toBe(2);
        expect(strict.stderr).toMatch(/has no commits/);
        expect(cachedRemotes(root)).toEqual([]);
      } finally {
        await server.close();
      }
    });
  });

  it('a registry.json URL answering a login page', async () => {
    await withTemp(async (root) => {
      const server = await http((_req, res) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end(LOGIN_PAGE),
      );
      try {
        const url = `http://127.0.0.1:${server.port}/registry.json`;
        const repo = makeRepo(join(root, 'repo'));
        await expect(
          loadContracts(
            { config: { contracts: url }, root: repo.dir },
            { cacheDir: join(root, 'cache'), allowHttp: true },
          ),
        ).rejects.toMatchObject({ name: 'RegistryUnavailable', message: /not JSON \(text\/html/ });
        expect(cachedRemotes(root)).toEqual([]);
      } finally {
        await server.close();
      }
    });
  });

  it('a contracts repository without the named folder', async () => {
    await withTemp(async (root) => {
      const central = centralRepo(root);
      const repo = sourceRepo(root, `file://${central.dir}#data-contracts`);
      expectUnavailable(await check(repo), /has no folder "data-contracts"/);
      expect(cachedRemotes(root)).toEqual([]);
      const found = sourceRepo(join(root, 'second'), `file://${central.dir}#contracts`);
      expect(report(await check(found)).findings.map((f) => f.contract)).toEqual(['orders_pg']);
    });
  });
});

describe('size caps', SLOW, () => {
  it('a registry.json past 32 MiB is refused, whether announced or streamed', async () => {
    await withTemp(async (root) => {
      const announced = await http((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 ** 30) });
        res.flushHeaders(); // and never sends the gigabyte
      });
      const streamed = await http(async (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        for (let i = 0; i < 40 && !res.destroyed; i++)
          if (!res.write(chunk)) await new Promise((r) => res.once('drain', r).once('close', r));
        res.end(registryJson);
      });
      try {
        for (const server of [announced, streamed]) {
          const url = `http://127.0.0.1:${server.port}/registry.json`;
          const repo = makeRepo(join(root, `repo-${server.port}`));
          await expect(
            loadContracts(
              { config: { contracts: url }, root: repo.dir },
              { cacheDir: join(root, 'cache'), allowHttp: true, timeoutMs: 60_000 },
            ),
          ).rejects.toMatchObject({ name: 'RegistryUnavailable', message: /larger than 32 MiB/ });
        }
        expect(cachedRemotes(root)).toEqual([]);
      } finally {
        await announced.close();
        await streamed.close();
      }
    });
  });

  it('a clone past its cap is abandoned and not kept', async () => {
    await withTemp(async (root) => {
      const central = centralRepo(root);
      central.write('blob.bin', randomBytes(1024 * 1024));
      central.git('add', '.');
      central.commit('a large file');
      const repo = makeRepo(join(root, 'repo'));
      const load = (maxBytes: number) =>
        loadContracts(
          { config: { contracts: `file://${central.dir}` }, root: repo.dir },
          { cacheDir: join(root, 'cache'), maxBytes, timeoutMs: 60_000 },
        );
      await expect(load(256 * 1024)).rejects.toMatchObject({
        name: 'RegistryUnavailable',
        message: /larger than 256 KiB/,
      });
      expect(cachedRemotes(root)).toEqual([]);
      expect((await load(16 * 1024 * 1024)).registry.contracts.map((c) => c.jobId)).toEqual(['orders_pg']);
    });
  });
});

describe('https never falls back to http', SLOW, () => {
  it('a registry.json redirected from https to http is refused', async () => {
    await withTemp(async (root) => {
      const cert = certificate(root);
      const plain = await http((_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(registryJson),
      );
      const secure = await https(cert, (_req, res) =>
        res.writeHead(302, { location: `http://127.0.0.1:${plain.port}/registry.json` }).end(),
      );
      try {
        const repo = sourceRepo(root, `https://127.0.0.1:${secure.port}/registry.json`);
        const run = await check(repo, [], { NODE_EXTRA_CA_CERTS: cert.cert });
        expectUnavailable(
          run,
          new RegExp(`redirect from https to http://127.0.0.1:${plain.port}/registry.json`),
        );
        expect(secure.hits()).toBe(1);
        expect(plain.hits()).toBe(0);
      } finally {
        await plain.close();
        await secure.close();
      }
    });
  });

  it('a git URL redirected from https to http is refused', async () => {
    await withTemp(async (root) => {
      const cert = certificate(root);
      // A real repository over git's smart HTTP protocol: following the redirect would clone it.
      const central = centralRepo(root);
      const served = join(root, 'served');
      central.git('clone', '-q', '--bare', central.dir, join(served, 'central.git'));
      const plain = await http(gitHttpBackend(served));
      const secure = await https(cert, (req, res) =>
        res.writeHead(302, { location: `http://127.0.0.1:${plain.port}${req.url}` }).end(),
      );
      // git trusts the test's certificate through the user's own git config.
      const home = join(root, 'home');
      mkdirSync(home);
      writeFileSync(join(home, '.gitconfig'), `[http]\n\tsslCAInfo = ${cert.cert}\n`);
      try {
        const repo = sourceRepo(root, `https://127.0.0.1:${secure.port}/central.git`);
        expectUnavailable(await check(repo, [], { HOME: home }), /"http" not supported or disabled/);
        expect(secure.hits()).toBeGreaterThan(0);
        expect(plain.hits()).toBe(0);
        // The same repository over plain http (allowed when asked for) clones.
        const direct = sourceRepo(join(root, 'direct'), `http://127.0.0.1:${plain.port}/central.git`);
        expect(report(await check(direct)).findings.map((f) => f.contract)).toEqual(['orders_pg']);
      } finally {
        await plain.close();
        await secure.close();
      }
    });
  });
});

describe('a damaged cache is discarded and read again', SLOW, () => {
  it('a truncated registry.json cache, online and offline', async () => {
    await withTemp(async (root) => {
      const server = await http((_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(registryJson),
      );
      const url = `http://127.0.0.1:${server.port}/registry.json`;
      const repo = makeRepo(join(root, 'repo'));
      const load = () =>
        loadContracts(
          { config: { contracts: url }, root: repo.dir },
          { cacheDir: join(root, 'cache'), allowHttp: true },
        );
      const cacheFile = () => join(root, 'cache', cachedRemotes(root)[0]!);
      try {
        expect((await load()).registry.contracts).toHaveLength(1);
        truncateSync(cacheFile(), 40);
        expect((await load()).registry.contracts).toHaveLength(1); // fresh, yet read again
        expect(server.hits()).toBe(2);
        truncateSync(cacheFile(), 40);
      } finally {
        await server.close();
      }
      await expect(load()).rejects.toMatchObject({ name: 'RegistryUnavailable' });
      expect(cachedRemotes(root)).toEqual([]);
    });
  });

  it('a truncated file in a cached clone, online and offline', async () => {
    await withTemp(async (root) => {
      const central = centralRepo(root);
      const repo = sourceRepo(root, `file://${central.dir}`);
      expect(report(await check(repo)).findings.map((f) => f.contract)).toEqual(['orders_pg']);
      const clone = join(
        root,
        'cache',
        cachedRemotes(root).find((f) => !f.includes('.'))!,
      );
      const contract = join(clone, 'contracts', 'orders_pg.yaml');
      truncateSync(contract, 20);
      expect(report(await check(repo)).findings.map((f) => f.contract)).toEqual(['orders_pg']);
      expect(readFileSync(contract, 'utf8')).toContain('public.orders');

      truncateSync(contract, 20);
      renameSync(central.dir, `${central.dir}-gone`);
      expectUnavailable(await check(repo), /could not be read/);
      writeFileSync(`${clone}.fetched`, '{"fetch'); // a truncated stamp is no error either
      renameSync(`${central.dir}-gone`, central.dir);
      expect(report(await check(repo)).findings.map((f) => f.contract)).toEqual(['orders_pg']);
    });
  });
});
