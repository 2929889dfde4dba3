import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { buildCatalogSite } from '../../src/site/site-command.js';
import type { TempRepo } from '../helpers/git-repo.js';
import { catalogRepo, NOW } from './catalog-repo.js';

describe('dcr site build', () => {
  let repo: TempRepo;
  let out: string;
  const read = (path: string) => readFileSync(join(out, path), 'utf8');

  beforeAll(async () => {
    repo = catalogRepo();
    out = join(repo.dir, '_site');
    await buildCatalogSite(loadConfig(repo.dir), { env: {}, now: new Date(NOW), out, baseUrl: undefined });
  });
  afterAll(() => repo.remove());

  it('writes registry.json in the stable shape, with freshness from git', () => {
    const reg = JSON.parse(read('registry.json'));
    expect(reg.version).toBe(1);
    expect(reg.generated).toBe('2026-06-01T00:00:00.000Z');
    expect(reg.contracts.map((c: { jobId: string }) => c.jobId)).toEqual([
      'customers_mysql',
      'evil_job',
      'old_ledger',
      'order_events',
      'orders_postgres',
    ]);
    expect(reg.contracts[4]).toMatchObject({
      jobId: 'orders_postgres',
      tables: ['public.orders', 'public.order_items'],
      owners: { source: ['dev-team@example.com'] },
    });
    const old = reg.catalog.find((x: { contract: string }) => x.contract === 'old_ledger');
    expect(old).toMatchObject({
      freshness: 'stale',
      lastUpdated: '2025-01-02T10:00:00.000Z',
      lastChange: { author: 'Ada Author' },
    });
  });

  it('writes a JSON file and a page per contract, person and table', () => {
    expect(JSON.parse(read('contracts/orders_postgres.json'))).toMatchObject({
      contract: { jobId: 'orders_postgres' },
      freshness: 'fresh',
      file: 'contracts/orders_postgres.yaml',
    });
    const page = read('contracts/orders_postgres.html');
    expect(page).toContain('href="mailto:dev-team@example.com"');
    expect(page).toContain('href="../people/dev-team%40example.com.html"');
    expect(page).toContain('href="../tables/orders.html"');
    expect(page).toContain('2026-05-20 by Ada Author');
    expect(page).toContain('href="https://github.com/example/shop"');
    expect(read('people/data-eng@example.com.html')).toContain('Ingests 5 contracts');
    const table = read('tables/orders.html');
    expect(table).toContain('orders_postgres');
    expect(table).toContain('evil_job');
  });

  it('escapes hostile contract text and never links javascript: URLs', () => {
    const all = ['contracts/evil_job.html', 'index.html', 'people/evil-team@example.com.html']
      .map(read)
      .join('\n');
    expect(all).not.toMatch(/<script>window|<img src=x|<svg|<b onmouseover/);
    expect(all).not.toMatch(/href="javascript:/i);
    expect(all).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    // Only our own external script, no inline script anywhere.
    expect(
      all
        .match(/<script[^>]*>/g)
        ?.every((tag) => / src="[^"]*assets\/(search-data|app|ui|export)\.js"/.test(tag)),
    ).toBe(true);
    expect(read('index.html')).toContain("script-src 'self'");
  });

  it('pre-renders facet counts on the home page', () => {
    const home = read('index.html');
    expect(home).toMatch(
      /data-facet="freshness"\s+data-value="stale"\s*>\s*<span class="value">stale<\/span>\s*<span class="count">1<\/span>/,
    );
    expect(home).toMatch(
      /data-facet="tag"\s+data-value="finance"\s*>\s*<span class="value">finance<\/span>\s*<span class="count">2<\/span>/,
    );
  });

  it('replaces its own output but never a folder it did not build', async () => {
    await buildCatalogSite(loadConfig(repo.dir), { env: {}, now: new Date(NOW), out });
    expect(existsSync(join(out, 'registry.json'))).toBe(true);
    const other = mkdtempSync(join(tmpdir(), 'dcr-other-'));
    try {
      writeFileSync(join(other, 'precious.txt'), 'keep me');
      await expect(
        buildCatalogSite(loadConfig(repo.dir), { env: {}, now: new Date(NOW), out: other }),
      ).rejects.toThrow(/not a folder dcr built/);
      expect(readFileSync(join(other, 'precious.txt'), 'utf8')).toBe('keep me');
      mkdirSync(join(other, 'empty'));
      const dry = await buildCatalogSite(loadConfig(repo.dir), {
        env: {},
        now: new Date(NOW),
        out: join(other, 'empty'),
        dryRun: true,
      });
      expect(dry.site.files).toBeGreaterThan(10);
      expect(existsSync(join(other, 'empty', 'index.html'))).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('removes the replaced site after returning, and what an earlier removal left', async () => {
    await buildCatalogSite(loadConfig(repo.dir), { env: {}, now: new Date(NOW), out });
    // A replaced site whose removal was cut short, and a folder that only looks like one.
    mkdirSync(join(`${out}.old-1-2`, 'contracts'), { recursive: true });
    writeFileSync(join(`${out}.old-1-2`, 'contracts', 'x.html'), 'old');
    mkdirSync(`${out}.old-keep`);
    const marker = join(out, 'marker-of-the-replaced-site');
    writeFileSync(marker, '');
    await buildCatalogSite(loadConfig(repo.dir), { env: {}, now: new Date(NOW), out });
    // The new site is whole when the build returns.
    expect(existsSync(join(out, 'registry.json'))).toBe(true);
    expect(existsSync(join(out, 'contracts', 'orders_postgres.html'))).toBe(true);
    expect(existsSync(marker)).toBe(false);
    const olds = () => readdirSync(repo.dir).filter((n) => /^_site\.old-\d+-\d+$/.test(n));
    // The removal runs in a process of its own; wait for it (no time limit asserted).
    for (let i = 0; i < 1200 && olds().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(olds()).toEqual([]);
    expect(existsSync(`${out}.old-keep`)).toBe(true);
    rmSync(`${out}.old-keep`, { recursive: true });
  });
});

describe('dcr site build, large catalog (person and table pages drawn in the browser)', () => {
  let repo: TempRepo;
  let out: string;
  const read = (path: string) => readFileSync(join(out, path), 'utf8');

  beforeAll(async () => {
    repo = catalogRepo();
    out = join(repo.dir, '_site');
    const { writeSite } = await import('../../src/site/build.js');
    const { loadCatalog } = await import('../../src/site/load-catalog.js');
    const catalog = await loadCatalog(loadConfig(repo.dir), { now: new Date(NOW) });
    await writeSite(catalog.entries, { outDir: out, now: new Date(NOW), clientPagesAbove: 2 });
  });
  afterAll(() => repo.remove());

  it('writes one person page and one table page, and the tables in shards', () => {
    expect(existsSync(join(out, 'people/data-eng@example.com.html'))).toBe(false);
    expect(existsSync(join(out, 'tables/orders.html'))).toBe(false);
    expect(read('people/index.html')).toContain('data-kind="person"');
    const shards = Number(/data-shards="(\d+)"/.exec(read('tables/index.html'))?.[1]);
    expect(shards).toBe(1);
    const shard = JSON.parse(read('tables/0.json'));
    const manifest = JSON.parse(read('search/manifest.json'));
    expect(shard.orders.n).toEqual(['public.orders']);
    expect(shard.orders.r.map((r: number) => manifest.id[r]).sort()).toEqual(['evil_job', 'orders_postgres']);
    expect(shard.order_items).toEqual({
      n: ['public.order_items'],
      r: [manifest.id.indexOf('orders_postgres')],
    });
  });

  it('lists a contract once under a table it names twice, with both spellings', async () => {
    const { writeSite } = await import('../../src/site/build.js');
    const { catalogEntries } = await import('../../src/site/catalog-entry.js');
    const { Registry } = await import('../../src/registry/registry.js');
    const { validateTexts, contractYaml } = await import('../helpers/validate.js');
    const { contracts } = validateTexts({
      'a.yaml': contractYaml('a', 'source_tables: [sales.orders, crm.customers, archive.ORDERS]'),
      'b.yaml': contractYaml('b', 'source_tables: [orders]'),
    });
    const entries = catalogEntries(new Registry(contracts), { changes: new Map(), now: new Date(NOW) });
    const dir = mkdtempSync(join(tmpdir(), 'dcr-twice-'));
    try {
      await writeSite(entries, { outDir: join(dir, 'site'), now: new Date(NOW), clientPagesAbove: 1 });
      const shard = JSON.parse(readFileSync(join(dir, 'site', 'tables', '0.json'), 'utf8'));
      expect(shard.orders).toEqual({ n: ['archive.ORDERS', 'orders', 'sales.orders'], r: [0, 1] });
      expect(shard.customers).toEqual({ n: ['crm.customers'], r: [0] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('links contract pages to them by query, escaped', () => {
    const page = read('contracts/orders_postgres.html');
    expect(page).toContain('href="../people/index.html?email=dev-team%40example.com"');
    expect(page).toContain('href="../tables/index.html?name=orders"');
    const evil = read('contracts/evil_job.html');
    expect(evil).not.toMatch(/<img src=x/);
    expect(evil).toContain('tables/index.html?name=%3Cimg%20src%3Dx%20onerror');
  });

  it('leaves no indentation from the templates in the pages', () => {
    expect(read('contracts/orders_postgres.html')).not.toMatch(/\n[ \t]+</);
    expect(read('index.html')).not.toMatch(/\n[ \t]+</);
  });
});
