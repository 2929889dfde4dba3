// The JSON API and static serving, against the real server on a random loopback port.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import type { TempRepo } from '../helpers/git-repo.js';
import { catalogRepo, NOW } from '../site/catalog-repo.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('dcr serve', () => {
  let repo: TempRepo;
  let server: RunningServer;
  /** A raw request: the path goes on the wire exactly as written (no `..` normalisation). */
  const get = (path: string, method = 'GET', headers: Record<string, string> = {}) =>
    new Promise<Reply>((resolve, reject) => {
      const url = new URL(server.url);
      const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      });
      req.on('error', reject);
      req.end();
    });

  beforeAll(async () => {
    repo = catalogRepo();
    server = await startServer(loadConfig(repo.dir), {
      port: 0,
      host: '127.0.0.1',
      env: {},
      now: new Date(NOW),
      watch: false,
    });
  });
  afterAll(async () => {
    await server?.close();
    repo?.remove();
  });

  it('binds to loopback and answers /healthz', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await get('/healthz');
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({
      ok: true,
      contracts: 5,
      generated: '2026-06-01T00:00:00.000Z',
      building: false,
    });
  });

  it('lists contracts with filters', async () => {
    const all = (await get('/api/contracts')).json();
    expect(all.count).toBe(5);
    expect(all.contracts[0]).toMatchObject({
      contract: { jobId: 'customers_mysql' },
      freshness: 'fresh',
      file: 'contracts/customers_mysql.yaml',
    });
    const ids = async (q: string) =>
      (await get(`/api/contracts?${q}`))
        .json()
        .contracts.map((c: { contract: { jobId: string } }) => c.contract.jobId);
    expect(await ids('owner=BOB@example.com')).toEqual(['orders_postgres']);
    expect(await ids('table=orders')).toEqual(['evil_job', 'orders_postgres']);
    expect(await ids('table=public.orders')).toEqual(['evil_job', 'orders_postgres']);
    expect(await ids('status=deprecated')).toEqual(['old_ledger']);
    expect(await ids('stale=true')).toEqual(['old_ledger']);
    expect(await ids('stale=false&owner=data-eng@example.com')).toHaveLength(4);
  });

  it('gives one contract, 404 for an unknown one', async () => {
    const r = await get('/api/contracts/orders_postgres');
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({
      contract: {
        jobId: 'orders_postgres',
        owners: { ingestion: ['data-eng@example.com', 'bob@example.com'] },
      },
      lastChange: { author: 'Ada Author' },
    });
    const missing = await get('/api/contracts/nope');
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ error: { status: 404, message: 'no contract with job id "nope"' } });
  });

  it('says whom to contact about a table', async () => {
    const r = (await get('/api/tables/public.orders')).json();
    expect(r.table).toBe('orders');
    expect(r.contracts.map((c: { contract: string }) => c.contract)).toEqual(['evil_job', 'orders_postgres']);
    expect(r.contacts).toEqual({
      source: ['dev-team@example.com', 'evil-team@example.com'],
      ingestion: ['bob@example.com', 'data-eng@example.com'],
    });
    expect((await get('/api/tables/unknown_table')).status).toBe(404);
    expect((await get('/api/tables/a..b')).status).toBe(400);
  });

  it('searches with the site engine', async () => {
    const r = (await get('/api/search?q=custmers')).json();
    expect(r.results[0]).toMatchObject({
      contract: 'customers_mysql',
      matched: ['job id', 'table', 'host', 'database'],
    });
    expect(
      (await get('/api/search?q=orders&limit=1')).json().results.map((x: { contract: string }) => x.contract),
    ).toEqual(['orders_postgres']);
    expect((await get('/api/search')).status).toBe(400);
    expect((await get('/api/search?q=x&limit=0')).status).toBe(400);
  });

  it('rejects non-string query parameters, __proto__ and unknown parameters', async () => {
    for (const q of [
      'owner=a&owner=b',
      'owner[x]=1',
      '__proto__=x',
      '__proto__[status]=active',
      'constructor=x',
      'status=nope',
      'stale=yes',
    ]) {
      const r = await get(`/api/contracts?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.json().error.status, q).toBe(400);
    }
    expect((await get('/api/search?q=a&q=b')).status).toBe(400);
    expect((await get('/api/contracts/__proto__')).json().error.status).toBe(400); // not a job id
    expect((await get('/api/contracts/constructor')).status).toBe(404);
    expect((await get('/api/tables/__proto__')).status).toBe(404);
    expect((await get(`/api/contracts?owner=${'a'.repeat(300)}`)).status).toBe(400);
  });

  it('refuses path traversal, dot files and writes', async () => {
    for (const path of [
      '/../package.json',
      '/..%2f..%2fpackage.json',
      '/contracts/..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/.dcr-site',
      '/%2edcr-site',
    ]) {
      const r = await get(path);
      expect([400, 403, 404], path).toContain(r.status);
      expect(r.text, path).not.toContain('root:');
      expect(r.text, path).not.toContain('"devDependencies"');
    }
    const bad = await get('/%E0%A4%A');
    expect([400, 404]).toContain(bad.status);
    expect((await get('/api/contracts/%E0%A4%A')).json().error.status).toBe(400);
    expect(bad.text).not.toMatch(/at .*\.js/);
    const post = await get('/api/contracts', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await get(`/api/search?q=${'x'.repeat(3000)}`)).status).toBe(414);
  });

  it('serves pages with security headers and ETags', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<h2 id="count"');
    expect(home.headers['content-security-policy']).toContain("script-src 'self'");
    expect(home.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(home.headers['x-content-type-options']).toBe('nosniff');
    const api = await get('/api/contracts/orders_postgres');
    const etag = api.headers.etag as string;
    expect(etag).toBeTruthy();
    expect((await get('/api/contracts/orders_postgres', 'GET', { 'If-None-Match': etag })).status).toBe(304);
    expect((await get('/registry.json')).json().version).toBe(1);
    const missing = await get('/no/such/page.html');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Not found');
    expect((await get('/api/nothing')).json().error.status).toBe(404);
  });

  it('rebuilds when a contract changes', async () => {
    repo.write(
      'contracts/new_job.yaml',
      'ingestion_jobid: new_job\nsource_host: h.internal\nsource_db: d\ningestion_type: stream\nsource_owner: a@example.com\ningestion_owner: b@example.com\n',
    );
    await server.rebuild();
    expect((await get('/healthz')).json().contracts).toBe(6);
    expect((await get('/contracts/new_job.html')).status).toBe(200);
  });
});
