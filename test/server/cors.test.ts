// Cross-origin reads of `dcr serve`: only the origins named with --cors (or site.cors), preflight
// answered, never `*` unless asked. A real page on another loopback origin fetches in Chromium.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import type { TempRepo } from '../helpers/git-repo.js';
import { runDcrAsync } from '../helpers/run-dcr.js';
import { launchChromium } from '../site/chromium.js';
import { catalogRepo, NOW } from '../site/catalog-repo.js';

/** A page server on loopback: its origin serves one page that can fetch from elsewhere. */
async function pageServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>portal</title><p>portal</p>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A raw request with the headers a browser would send. */
const raw = (url: string, method: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((ok, fail) => {
    const req = request(url, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });

describe('dcr serve --cors', () => {
  let repo: TempRepo;
  let server: RunningServer;
  let allowed: { server: Server; origin: string };
  let other: { server: Server; origin: string };
  let browser: Browser;

  beforeAll(async () => {
    repo = catalogRepo();
    allowed = await pageServer();
    other = await pageServer();
    server = await startServer(loadConfig(repo.dir), {
      port: 0,
      host: '127.0.0.1',
      env: {},
      now: new Date(NOW),
      watch: false,
      cors: [allowed.origin],
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    allowed?.server.close();
    other?.server.close();
    repo?.remove();
  });

  /** Runs fetch in a page of `origin`; the answer's job id, or the error the browser gave. */
  const fetchFrom = async (origin: string, path: string, headers: Record<string, string> = {}) => {
    const page = await browser.newPage();
    try {
      await page.goto(origin);
      return await page.evaluate(
        async ({ url, headers }) => {
          try {
            const r = await fetch(url, { headers });
            return { status: r.status, body: await r.json() };
          } catch (error) {
            return { error: String(error) };
          }
        },
        { url: server.url + path, headers },
      );
    } finally {
      await page.close();
    }
  };

  it('lets a page of a named origin read the API, with and without a preflight', async () => {
    const simple = await fetchFrom(allowed.origin, 'api/tables/public.orders');
    expect(simple).toMatchObject({ status: 200, body: { table: 'orders' } });
    // If-None-Match is not a simple header: the browser asks first (OPTIONS), then reads.
    const preflighted = await fetchFrom(allowed.origin, 'api/contracts/orders_postgres', {
      'If-None-Match': '"x"',
    });
    expect(preflighted).toMatchObject({ status: 200, body: { contract: { jobId: 'orders_postgres' } } });
    const registry = await fetchFrom(allowed.origin, 'registry.json');
    expect(registry).toMatchObject({ status: 200, body: { version: 1 } });
  });

  it('a page of any other origin cannot read it', async () => {
    const r = await fetchFrom(other.origin, 'api/tables/public.orders');
    expect(r).toEqual({ error: expect.stringContaining('Failed to fetch') });
  });

  it('answers a preflight with the allowed methods and headers, and refuses other origins', async () => {
    const ok = await raw(`${server.url}api/contracts`, 'OPTIONS', {
      Origin: allowed.origin,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'if-none-match, x-secret',
    });
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(allowed.origin);
    expect(ok.headers['access-control-allow-methods']).toBe('GET, HEAD');
    expect(ok.headers['access-control-allow-headers']).toBe('if-none-match');
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
    const refused = await raw(`${server.url}api/contracts`, 'OPTIONS', {
      Origin: other.origin,
      'Access-Control-Request-Method': 'GET',
    });
    expect(refused.status).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    const get = await raw(`${server.url}api/contracts`, 'GET', { Origin: other.origin });
    expect(get.status).toBe(200);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    expect(get.headers.vary).toContain('Origin');
    // Writes stay refused for allowed origins too.
    expect((await raw(`${server.url}api/contracts`, 'POST', { Origin: allowed.origin })).status).toBe(405);
  });

  it('sends no CORS header at all without --cors, and `*` only when asked', async () => {
    const plain = await startServer(loadConfig(repo.dir), {
      port: 0,
      host: '127.0.0.1',
      env: {},
      watch: false,
    });
    const star = await startServer(loadConfig(repo.dir), {
      port: 0,
      host: '127.0.0.1',
      env: {},
      watch: false,
      cors: ['*'],
    });
    try {
      const a = await raw(`${plain.url}api/contracts`, 'GET', { Origin: allowed.origin });
      expect(a.headers['access-control-allow-origin']).toBeUndefined();
      const b = await raw(`${star.url}api/contracts`, 'GET', { Origin: other.origin });
      expect(b.headers['access-control-allow-origin']).toBe('*');
    } finally {
      await plain.close();
      await star.close();
    }
  });

  it('reads site.cors from the config; --cors replaces it', async () => {
    repo.write('dcr.config.yaml', `contracts: contracts\nsite:\n  cors: [${other.origin}]\n`);
    const fromConfig = await startServer(loadConfig(repo.dir), {
      port: 0,
      host: '127.0.0.1',
      env: {},
      watch: false,
    });
    const fromFlag = await startServer(loadConfig(repo.dir), {
      port: 0,
      host: '127.0.0.1',
      env: {},
      watch: false,
      cors: [allowed.origin],
    });
    try {
      const a = await raw(`${fromConfig.url}healthz`, 'GET', { Origin: other.origin });
      expect(a.headers['access-control-allow-origin']).toBe(other.origin);
      const b = await raw(`${fromFlag.url}healthz`, 'GET', { Origin: other.origin });
      expect(b.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await fromConfig.close();
      await fromFlag.close();
      repo.write('dcr.config.yaml', 'contracts: contracts\n');
    }
  });

  it('refuses an origin with a path, a bad scheme, or `*` among names, before serving', async () => {
    for (const [args, expected] of [
      [['--cors', 'https://portal.example.com/'], '--cors: "https://portal.example.com/" is not an origin'],
      [['--cors', 'portal.example.com'], '--cors: "portal.example.com" is not an origin'],
      [['--cors', 'ftp://portal.example.com'], 'is not an origin'],
      [['--cors', '*', '--cors', 'https://a.example.com'], 'cannot be combined with named origins'],
    ] as const) {
      const r = await runDcrAsync(['serve', '--port', '0', '--no-watch', ...args], {
        cwd: repo.dir,
        killAfterMs: 30_000,
      });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(expected);
      expect(r.stderr).toMatch(/hint: (give scheme, host and port only|give either `\*` or a list)/);
      expect(r.stderr).not.toMatch(/at .*\.js/);
    }
  });
});
