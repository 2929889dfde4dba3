// The catalog in headless Chromium (Debian's package, driven by playwright-core), served by
// the real `dcr serve` server on a random loopback port. One browser for the whole file.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import type { TempRepo } from '../helpers/git-repo.js';
import { catalogRepo, NOW } from './catalog-repo.js';
import { LONG_ID, LONG_OWNER, LONG_TABLE, LONGEST_ID, longNamesRepo, TWIN_IDS } from './long-names.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('catalog in the browser', () => {
  let repo: TempRepo;
  let server: RunningServer;
  let page: Page;
  const errors: string[] = [];
  const dialogs: string[] = [];

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
  beforeEach(async () => {
    await page?.close();
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  const ready = () => page.waitForSelector('body[data-ready="all"]');
  const resultIds = () => page.locator('#results a.job').allInnerTexts();

  it('finds the right contract first as you type, and says which field matched', async () => {
    await page.goto(server.url);
    await ready();
    await page.locator('#q').pressSequentially('orders');
    await expect.poll(resultIds).toEqual(['orders_postgres', 'evil_job', 'order_events']); // exact job id, exact table, description
    await page.locator('#q').fill('custmers');
    await expect.poll(resultIds).toEqual(['customers_mysql']);
    expect(await page.locator('#results .matched').first().innerText()).toBe(
      'matched: job id, table, host, database',
    );
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?q=custmers');
    expect(errors).toEqual([]);
  });

  it('filters by a facet and counts', async () => {
    await page.goto(server.url);
    await ready();
    await page.locator('section[data-facet="freshness"] label', { hasText: 'stale' }).click();
    await expect.poll(resultIds).toEqual(['old_ledger']);
    expect(await page.locator('#count').innerText()).toBe('1 of 5 contracts');
    expect(new URL(page.url()).searchParams.get('freshness')).toBe('stale');
    // Other facets count within the filter; the filtered facet keeps its own alternatives.
    expect(
      await page.locator('section[data-facet="freshness"] label', { hasText: 'fresh' }).innerText(),
    ).toMatch(/fresh\s+4/);
    await page.goBack();
    await expect.poll(resultIds).toHaveLength(5);
  });

  it('opens a shared URL with a query and filters', async () => {
    await page.goto(`${server.url}index.html?q=order&tag=finance`);
    await ready();
    await expect.poll(resultIds).toEqual(['orders_postgres']);
    expect(await page.locator('#q').inputValue()).toBe('order');
  });

  it('is keyboard navigable: / focuses, arrows move, Enter opens', async () => {
    await page.goto(server.url);
    await ready();
    await page.keyboard.press('/');
    await page.keyboard.type('ledger');
    await expect.poll(resultIds).toEqual(['old_ledger']);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('old_ledger');
    await Promise.all([page.waitForURL(/contracts\/old_ledger\.html$/), page.keyboard.press('Enter')]);
  });

  it('opens a contract page and follows its owner and table links', async () => {
    await page.goto(server.url);
    await page.locator('#results a.job', { hasText: 'orders_postgres' }).click();
    await page.waitForURL(/contracts\/orders_postgres\.html$/);
    expect(await page.locator('h1').innerText()).toBe('orders_postgres');
    expect(await page.locator('a[href^="mailto:"]', { hasText: '✉' }).count()).toBe(3);
    await page.locator('a', { hasText: 'bob@example.com' }).click();
    await page.waitForURL(/people\/bob%40example\.com\.html$/);
    expect(await page.locator('#ingests').innerText()).toBe('Ingests 1 contract');
    await page.goBack();
    await page.locator('a', { hasText: 'public.order_items' }).click();
    await page.waitForURL(/tables\/order_items\.html$/);
    expect(await page.locator('table.who tbody').innerText()).toContain('dev-team@example.com');
  });

  it('runs nothing a hostile contract holds', async () => {
    const visit = async (path: string) => {
      await page.goto(server.url + path);
      await page.waitForLoadState('load');
      for (const a of await page.locator('a.tag, .facet label').all())
        await a.hover({ timeout: 500 }).catch(() => {});
    };
    await page.goto(`${server.url}index.html?q=evil`);
    await ready();
    await expect.poll(resultIds).toEqual(['evil_job']);
    await visit('contracts/evil_job.html');
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('h1').innerText()).toBe('evil_job');
    expect(await page.locator('.description').innerText()).toContain('<script>window.__pwned = 1</script>');
    await page.locator('a', { hasText: '<img src=x' }).click();
    await page.waitForURL(/tables\//);
    await visit(page.url().slice(server.url.length));
    await visit('index.html?tag=%3Cb%20onmouseover%3Dwindow.__pwned%3D6%3Ex%3C%2Fb%3E');
    await ready();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('catalog in the browser, large-catalog pages drawn from the data', () => {
  let repo: TempRepo;
  let server: RunningServer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    repo = catalogRepo();
    server = await startServer(loadConfig(repo.dir), {
      port: 0,
      host: '127.0.0.1',
      env: {},
      now: new Date(NOW),
      watch: false,
      clientPagesAbove: 2,
    });
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await server?.close();
    repo?.remove();
  });

  it('follows owner and table links from a contract page to drawn pages', async () => {
    await page.goto(`${server.url}contracts/orders_postgres.html`);
    await page.locator('a', { hasText: 'bob@example.com' }).click();
    await page.waitForURL(/people\/index\.html\?email=bob%40example\.com$/);
    await page.waitForSelector('body[data-ready="all"]');
    expect(await page.locator('h1').innerText()).toBe('bob@example.com');
    expect(await page.locator('#ingests').innerText()).toBe('Ingests 1 contract');
    expect(await page.locator('#owns').innerText()).toBe('Owns the source of 0 contracts');
    expect(await page.locator('#results a.job, .results a.job').allInnerTexts()).toEqual(['orders_postgres']);
    await page.goBack();
    await page.locator('a', { hasText: 'public.orders' }).click();
    await page.waitForURL(/tables\/index\.html\?name=orders$/);
    await page.waitForSelector('body[data-ready="all"]');
    expect(await page.locator('h1').innerText()).toBe('Table orders');
    const who = await page.locator('table.who tbody').innerText();
    expect(who).toContain('orders_postgres');
    expect(who).toContain('evil_job');
    expect(who).toContain('dev-team@example.com');
    expect(errors).toEqual([]);
  });

  it('draws a hostile table name as text, and says when nothing lists a name', async () => {
    await page.goto(`${server.url}contracts/evil_job.html`);
    await page.locator('a', { hasText: '<img src=x' }).click();
    await page.waitForURL(/tables\/index\.html\?name=/);
    await page.waitForSelector('body[data-ready="all"]');
    expect(await page.locator('h1').innerText()).toContain('<img src=x');
    expect(await page.locator('table.who img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.goto(`${server.url}tables/index.html?name=__proto__`);
    await page.waitForSelector('body[data-ready="all"]');
    expect(await page.locator('#drawn-status').innerText()).toBe('No contract lists this table.');
    await page.goto(`${server.url}people/index.html?email=nobody%40example.com`);
    await page.waitForSelector('body[data-ready="all"]');
    expect(await page.locator('#drawn-status').innerText()).toBe('No contract names this person.');
    expect(errors).toEqual([]);
  });
});

describe('catalog in the browser, names too long for a file', () => {
  let repo: TempRepo;
  let server: RunningServer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    repo = longNamesRepo();
    server = await startServer(loadConfig(repo.dir), {
      port: 0,
      host: '127.0.0.1',
      env: {},
      now: new Date(NOW),
      watch: false,
    });
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await server?.close();
    repo?.remove();
  });

  it('opens case twins and long ids from search, then their owner and table pages', async () => {
    for (const id of [LONGEST_ID, ...TWIN_IDS, LONG_ID]) {
      await page.goto(`${server.url}index.html?q=${id.toLowerCase()}`);
      await page.waitForSelector('body[data-ready="all"]');
      await page.locator('#results a.job', { hasText: new RegExp(`^${id}$`) }).click();
      await page.waitForURL(/contracts\/.*\.html$/);
      expect(await page.locator('h1').innerText()).toBe(id);
    }
    await page.locator('a', { hasText: LONG_OWNER }).first().click();
    await page.waitForURL(/people\//);
    expect(await page.locator('h1').innerText()).toBe(LONG_OWNER);
    await page.goBack();
    await page.locator('a', { hasText: LONG_TABLE.slice(1, 60) }).click();
    await page.waitForURL(/tables\//);
    expect(await page.locator('h1').innerText()).toContain('T'.repeat(298));
    expect(await page.locator('table.who tbody').innerText()).toContain(LONG_ID);
    expect(errors).toEqual([]);
  });
});
