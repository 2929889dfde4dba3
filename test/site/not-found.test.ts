// The 404 page at any depth, in headless Chromium: a static host on loopback answers every
// missing URL with the site's 404.html (as GitHub Pages and nginx do), at the host's top or
// under a sub-path (a GitHub Pages project site), and the page still finds its stylesheet, its
// scripts and the way home. Also behind `dcr serve`. Uses the built `dcr` (run `npm run build`).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import type { TempRepo } from '../helpers/git-repo.js';
import { runDcr } from '../helpers/run-dcr.js';
import { catalogRepo, NOW } from './catalog-repo.js';
import { launchChromium } from './chromium.js';
import { staticHost, type StaticHost, type StaticHostOptions } from './static-host.js';

/** Missing pages 0, 1 and 3 folders below the site's top. */
const MISSING = ['no-such-page', 'contracts/no-such-contract.html', 'contracts/a/b/c'];

const HOSTS: (StaticHostOptions & { name: string })[] = [
  { name: 'at the top of the host', prefix: '/', missingStatus: 404 },
  { name: 'under a sub-path (GitHub Pages project site)', prefix: '/acme-contracts/', missingStatus: 404 },
  { name: "under a sub-path, answered 200 (nginx's try_files)", prefix: '/x/catalog/', missingStatus: 200 },
];

describe('the 404 page at any depth', () => {
  let repo: TempRepo;
  let browser: Browser;
  let site: string;
  const hosts: StaticHost[] = [];

  beforeAll(async () => {
    repo = catalogRepo();
    site = join(repo.dir, 'public');
    const r = runDcr(['site', 'build', '--out', site, '--now', NOW], { cwd: repo.dir });
    expect(r.code, r.stderr).toBe(0);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const host of hosts) await host.close();
    repo?.remove();
  });

  /**
   * Opens a missing page; checks styles, scripts and links home; returns the page. Uncaught
   * errors and scripts the CSP refused go to `errors`.
   */
  async function checkMissing(top: string, path: string, status: number, errors: string[]): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
        errors.push(`${path}: ${m.text()}`);
    });
    const res = await page.goto(top + path);
    expect(res?.status(), path).toBe(status);
    expect(await page.locator('main h1').innerText()).toBe('Not found');
    // The stylesheet applies.
    await page.waitForFunction(
      () => getComputedStyle(document.querySelector('.top nav')!).display === 'flex',
    );
    expect(await page.evaluate(() => getComputedStyle(document.body).marginTop), path).toBe('0px');
    // The catalog's script runs: `/` focuses the search box.
    await page.waitForFunction(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true }));
      return document.activeElement?.id === 'q';
    });
    // Every way home leads to the catalog's top.
    expect(await page.locator('a.brand').evaluate((a) => (a as HTMLAnchorElement).href)).toBe(
      `${top}index.html`,
    );
    expect(await page.locator('form.search-form').evaluate((f) => (f as HTMLFormElement).action)).toBe(
      `${top}index.html`,
    );
    await page.getByRole('link', { name: 'Search the catalog' }).click();
    await page.waitForSelector('body[data-page="home"]');
    expect(page.url(), path).toBe(`${top}index.html`);
    expect(await page.locator('#results a.job').count()).toBe(5);
    return page;
  }

  for (const options of HOSTS)
    it(`finds its styles, scripts and the way home on a static host ${options.name}`, async () => {
      const host = await staticHost(site, options);
      hosts.push(host);
      const errors: string[] = [];
      for (const path of MISSING) {
        const page = await checkMissing(host.url, path, options.missingStatus!, errors);
        await page.close();
      }
      expect(errors).toEqual([]);
    });

  it('behind dcr serve too, with no script refused', async () => {
    const server: RunningServer = await startServer(loadConfig(repo.dir), {
      port: 0,
      host: '127.0.0.1',
      env: {},
      now: new Date(NOW),
      watch: false,
    });
    try {
      const errors: string[] = [];
      for (const path of MISSING) {
        const page = await checkMissing(server.url, path, 404, errors);
        await page.close();
      }
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
