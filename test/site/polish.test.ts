// The catalog's finish in Chromium, served by the real `dcr serve`: favicon, what the site is,
// the Filters toggle of narrow screens, stale badges that say since when and what to do,
// e-mail addresses that wrap at @ and ., the message on file://, keyboard use, downloads of the
// list as shown (CSV and JSON), and an accessibility check of every kind of page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import type { TempRepo } from '../helpers/git-repo.js';
import { runDcr } from '../helpers/run-dcr.js';
import { schemaProblems } from '../server/api-schema.js';
import { accessibilityProblems } from './a11y.js';
import { catalogRepo, NOW } from './catalog-repo.js';
import { launchChromium } from './chromium.js';

const WIDE_OWNER = 'integration.platform.engineering@analytics.department.example.com';
const REPO_URL = 'https://git.example.com/acme/contracts';

/** The text of an element, line by line as drawn (one entry per line box). */
const drawnLines = (page: Page, selector: string, text: string) =>
  page.evaluate(
    ({ selector, text }) => {
      const el = Array.from(document.querySelectorAll(selector)).find((e) => e.textContent === text);
      if (!el) return [];
      const lines: string[] = [];
      let top: number | undefined;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null)
        for (let i = 0; i < n.length; i++) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          const t = Math.round(r.getBoundingClientRect().top);
          if (t !== top) lines.push('');
          top = t;
          lines[lines.length - 1] += n.data[i] ?? '';
        }
      return lines;
    },
    { selector, text },
  );

describe('catalog finish in the browser', () => {
  let repo: TempRepo;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    repo = catalogRepo();
    repo.write(
      'contracts/wide_owner.yaml',
      `ingestion_jobid: wide_owner\nsource_host: wide-db.internal\nsource_db: wide\nsource_tables: [public.wide]\ningestion_type: cdc\nsource_owner: ${WIDE_OWNER}\ningestion_owner: data-eng@example.com\n`,
    );
    repo.git('add', '.');
    repo.tryGit(['commit', '-q', '-m', 'wide'], {
      GIT_AUTHOR_DATE: '2026-05-30T00:00:00Z',
      GIT_COMMITTER_DATE: '2026-05-30T00:00:00Z',
    });
    repo.write('dcr.config.yaml', `contracts: contracts\nsite:\n  repoUrl: ${REPO_URL}\n`);
    server = await startServer(loadConfig(repo.dir), {
      port: 0,
      host: '127.0.0.1',
      env: {},
      now: new Date(NOW),
      watch: false,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    repo?.remove();
  });
  beforeEach(async () => {
    await page?.context().close();
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1200, height: 900 },
    });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  });
  const ready = () => page.waitForSelector('body[data-ready="all"]');
  const resultIds = () => page.locator('#results a.job').allInnerTexts();

  it('has a favicon, also at /favicon.ico', async () => {
    await page.goto(server.url);
    const href = await page.locator('link[rel="icon"]').evaluate((l) => (l as HTMLLinkElement).href);
    for (const url of [href, `${server.url}favicon.ico`]) {
      const r = await page.request.get(url);
      expect(r.status(), url).toBe(200);
      expect(r.headers()['content-type'], url).toContain('image/svg+xml');
      expect(await r.text()).toContain('<svg');
    }
  });

  it('says on the home page what the catalog is and how to add a contract', async () => {
    await page.goto(server.url);
    const about = page.locator('main p.about');
    expect(await about.innerText()).toMatch(
      /^This catalog lists the 6 data contracts of our ingestion jobs: .* To add or change a contract, edit its YAML file in the contracts repository\.$/,
    );
    expect(await about.locator('a').getAttribute('href')).toBe(REPO_URL);
  });

  it('says how many days a stale contract has not been looked at, and what its owners should do', async () => {
    // Whole days from the last change (2025-01-02) to the build's clock, as `dcr stale` counts them.
    const days = Math.floor((Date.parse(NOW) - Date.parse('2025-01-02T10:00:00Z')) / 86_400_000);
    // Drawn by the browser on the home page as the build writes it on the contract page.
    await page.goto(`${server.url}index.html?freshness=stale`);
    await ready();
    await expect.poll(resultIds).toEqual(['old_ledger']);
    expect(await page.locator('#results .fresh-stale').innerText()).toBe(`stale: ${days} days`);
    await page.goto(`${server.url}contracts/old_ledger.html`);
    expect(await page.locator('.badges .fresh-stale').innerText()).toBe(`stale: ${days} days`);
    expect(await page.locator('.badges .fresh-stale').getAttribute('title')).toContain('owners: check it');
    expect(await page.locator('.freshness-note').innerText()).toBe(
      `Not updated or reviewed for ${days} days (since 2025-01-02), so its owners get reminders. Owners: check that it is still right, then commit a change to it, or set reviewed_at: YYYY-MM-DD, YYYY-MM-DD being the day of your review.`,
    );
    await page.goto(`${server.url}contracts/orders_postgres.html`);
    expect(await page.locator('.freshness-note').count()).toBe(0);
    expect(await page.locator('.badges .fresh-fresh').innerText()).toBe('fresh');
  });

  it('wraps e-mail addresses at @ and ., never inside a word', async () => {
    await page.goto(server.url);
    await ready();
    const facet = await drawnLines(page, 'section[data-facet="owner"] .value', WIDE_OWNER);
    expect(facet.join('')).toBe(WIDE_OWNER);
    expect(facet.length).toBeGreaterThan(1);
    for (const line of facet.slice(1)) expect(line, facet.join(' | ')).toMatch(/^[@.]/);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${server.url}contracts/wide_owner.html`);
    const owner = await drawnLines(page, '.person a:not(.mail)', WIDE_OWNER);
    expect(owner.length).toBeGreaterThan(1);
    for (const line of owner.slice(1)) expect(line, owner.join(' | ')).toMatch(/^[@.]/);
    // Copying an address gives the address: no hidden characters in it.
    expect(
      await page
        .locator('.person a:not(.mail)')
        .first()
        .evaluate((a) => a.textContent),
    ).toBe(WIDE_OWNER);
  });

  it('on a narrow screen, folds the filters behind a "Filters" button above the results', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(server.url);
    await ready();
    const toggle = page.locator('button.filters-toggle');
    expect(await toggle.isVisible()).toBe(true);
    expect(await page.locator('#facets').isVisible()).toBe(false);
    const top = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
    expect(await top('button.filters-toggle')).toBeLessThan(await top('#results'));
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#facets').isVisible()).toBe(true);
    expect(await top('#facets')).toBeLessThan(await top('#results'));
    await page.locator('section[data-facet="freshness"] label', { hasText: 'stale' }).click();
    await expect.poll(resultIds).toEqual(['old_ledger']);
    await page.setViewportSize({ width: 1200, height: 800 });
    expect(await toggle.isVisible()).toBe(false);
    expect(await page.locator('#facets').isVisible()).toBe(true);
  });

  it('is usable by keyboard alone: / focuses search, arrows move through results, Enter opens', async () => {
    await page.goto(`${server.url}contracts/orders_postgres.html`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.goto(server.url);
    await ready();
    await page.keyboard.press('/');
    await page.keyboard.type('order');
    await expect.poll(resultIds).toEqual(['order_events', 'orders_postgres', 'evil_job']);
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    const shown = await resultIds();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(shown[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(shown[2]);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(shown[1]);
    await Promise.all([
      page.waitForURL(new RegExp(`contracts/${shown[1]}\\.html$`)),
      page.keyboard.press('Enter'),
    ]);
  });

  it('downloads the list as shown, with its filters, as CSV and as JSON', async () => {
    await page.goto(`${server.url}index.html?tag=finance`);
    await ready();
    await expect.poll(resultIds).toHaveLength(2);
    const shown = await resultIds();
    const download = async (format: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`button[data-export="${format}"]`).click(),
      ]);
      return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
    };
    const csv = await download('csv');
    expect(csv.name).toBe('contracts-finance.csv');
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'contract,status,freshness,last_updated,source_host,source_db,source_type,tables,source_owners,ingestion_owners,ingestion_type,frequency_minutes,tags,description,page',
    );
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(shown);
    expect(lines.find((l) => l.startsWith('orders_postgres,'))).toContain(
      ',public.orders; public.order_items,dev-team@example.com,data-eng@example.com; bob@example.com,full,60,ecommerce; finance,Hourly extract of shop orders.,',
    );
    expect(lines.find((l) => l.startsWith('orders_postgres,'))).toMatch(
      /,http:\/\/127\.0\.0\.1:\d+\/contracts\/orders_postgres\.html$/,
    );
    const json = JSON.parse((await download('json')).text);
    expect(schemaProblems('registry', json)).toEqual([]);
    expect(json.contracts.map((c: { jobId: string }) => c.jobId)).toEqual(shown);
    expect(json.catalog.map((c: { contract: string }) => c.contract)).toEqual(shown);
    expect(json.view).toMatchObject({ q: '', filters: { tag: ['finance'] } });
    // A long list reads registry.json instead of each contract's file: the same downloads.
    await page.locator('.export-buttons').evaluate((box) => ((box as HTMLElement).dataset.few = '1'));
    expect((await download('csv')).text).toBe(csv.text);
    const whole = JSON.parse((await download('json')).text);
    expect(whole).toEqual(json);
    // A search narrows the download as it narrows the list.
    await page.locator('#q').fill('ledger');
    await expect.poll(resultIds).toEqual(['old_ledger']);
    const narrowed = await download('csv');
    expect(narrowed.name).toBe('contracts-ledger-finance.csv');
    expect(narrowed.text.trimEnd().split('\r\n')).toHaveLength(2);
    expect(await page.locator('.export-status').innerText()).toBe('1 contract downloaded.');
    expect(errors).toEqual([]);
  });

  it('passes an accessibility check on every kind of page, light and dark, wide and narrow', async () => {
    const pages = [
      '',
      'index.html?q=order&tag=finance',
      'contracts/old_ledger.html',
      'contracts/orders_postgres.html',
      'people/bob%40example.com.html',
      'tables/orders.html',
      'no/such/page.html',
    ];
    for (const colorScheme of ['light', 'dark'] as const)
      for (const width of [1200, 400]) {
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 900 });
        for (const path of pages) {
          await page.goto(server.url + path);
          if (path === '' || path.startsWith('index')) await ready();
          expect(await accessibilityProblems(page), `${path || 'home'} (${colorScheme}, ${width}px)`).toEqual(
            [],
          );
        }
      }
  });

  it('the accessibility check finds what it looks for', async () => {
    await page.goto(server.url);
    await ready();
    await page.evaluate(() => {
      document.querySelector('#q')!.removeAttribute('id');
      document.querySelector('footer')!.remove();
      const p = document.createElement('p');
      p.textContent = 'faint';
      p.style.color = '#bbbbbb';
      p.style.background = '#ffffff';
      document.querySelector('main')!.append(p);
    });
    const problems = await accessibilityProblems(page);
    expect(problems).toContainEqual(expect.stringMatching(/^no accessible name: <input/));
    expect(problems).toContain('no contentinfo landmark (body > footer)');
    expect(problems).toContainEqual(expect.stringMatching(/^contrast 1\.\d+:1 for <p> "faint"/));
  });
});

describe('catalog opened from disk', () => {
  it('says clearly that search needs a web server, and how to get one', async () => {
    const repo = catalogRepo();
    const out = mkdtempSync(join(tmpdir(), 'dcr-file-'));
    const browser = await launchChromium();
    try {
      const built = runDcr(['site', 'build', '--out', join(out, 'site'), '--now', NOW], { cwd: repo.dir });
      expect(built.code, built.stderr).toBe(0);
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(out, 'site', 'index.html')).href);
      await page.waitForSelector('body[data-ready="file"]');
      const notice = page.locator('main .notice[role="alert"]');
      expect(await notice.innerText()).toContain('This catalog was opened as a file');
      expect(await notice.innerText()).toContain('dcr serve');
      // The pre-rendered first rows are still there to read.
      expect(await page.locator('#results a.job').count()).toBe(5);
    } finally {
      await browser.close();
      rmSync(out, { recursive: true, force: true });
      repo.remove();
    }
  });
});
