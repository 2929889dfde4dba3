// The first result on a catalog large enough for many index shards, in Chromium on the real
// `dcr serve`: a first keystroke fetches the matches the build computed ahead for its letter,
// not every shard the letter reaches, and answers exactly as the whole index does; a page
// opened with a query fetches its index files and first lines without waiting for app.js.
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import type { SearchMeta } from '../../src/site/search/shards.js';
import { TempRepo } from '../helpers/git-repo.js';
import { launchChromium } from './chromium.js';

const WORDS = ['orders', 'outbox', 'offers', 'options', 'outlets', 'owners'];
/** Contract i: most words start with `o`, so that the letter reaches many shards. */
const contract = (i: number) => `ingestion_jobid: ${WORDS[i % 6]}_${WORDS[(i >> 3) % 6]}_${i}
description: ${WORDS[(i >> 1) % 6]} of outlet ${i % 97} for ops
source_host: ops-${i % 40}.internal
source_db: ops_${i % 30}
source_tables: [ops.${WORDS[(i >> 2) % 6]}_${i}, "${WORDS[i % 6]}_${i % 500}"]
ingestion_type: full
ingestion_frequency_minutes: 60
source_owner: owner${i % 90}@example.com
ingestion_owner: ops-team@example.com
tags: [${WORDS[(i >> 4) % 6]}]
`;
const COUNT = 1500;
/** A first keystroke: the letter every contract has words of. */
const LETTER = 'o';

let browser: Browser;
let repo: TempRepo;
let server: RunningServer;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  repo = new TempRepo('dcr-first-');
  repo.write('dcr.config.yaml', 'contracts: contracts\n');
  for (let i = 0; i < COUNT; i++) repo.write(`contracts/c${i}.yaml`, contract(i));
  repo.git('add', '.');
  repo.git('commit', '-q', '-m', 'contracts');
  server = await startServer(loadConfig(repo.dir), {
    port: 0,
    host: '127.0.0.1',
    env: {},
    now: new Date('2026-06-01T00:00:00Z'),
    watch: false,
  });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await browser?.close();
  repo?.remove();
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

/** What the result list shows: its count and the job ids in order (lines below the fold too). */
const shown = async (page: Page) => ({
  count: await page.locator('#count').innerText(),
  ids: await page.locator('#results a.job').allTextContents(),
});

describe('the first result', () => {
  it('answers a first keystroke from the matches computed ahead, as the whole index does', async () => {
    const meta = (await (await fetch(`${server.url}search/meta.json`)).json()) as SearchMeta;
    expect(meta.ahead).toContain(LETTER);

    // Everything loaded: what the whole index answers.
    const full = await newPage();
    await full.goto(server.url);
    await full.waitForSelector('body[data-ready="all"]');
    await full.locator('#q').fill(LETTER);
    await full.waitForSelector('#results .matched');
    // Lines below the first screen are drawn when the browser is idle.
    await expect.poll(() => full.locator('#results a.job').count()).toBe(50);
    const expected = await shown(full);
    expect(expected.ids).toHaveLength(50);
    expect(expected.count).toBe('1500 contracts');
    await full.close();

    // A first keystroke before the bulk data: the manifest is asked for but never arrives.
    const page = await newPage();
    await page.route('**/search/manifest.json*', () => {});
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="shards"]');
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.locator('#q').fill(LETTER);
    await page.waitForSelector('#results .matched');
    await expect.poll(() => shown(page)).toEqual(expected);
    // Two files computed ahead (the word and the names that start with it), no shard.
    expect(fetched.filter((p) => p.startsWith('/search/ahead/'))).toHaveLength(2);
    expect(fetched.filter((p) => p.startsWith('/search/terms/'))).toEqual([]);
    expect(fetched.some((p) => p.startsWith('/search/rows/'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fetches a URL query’s index files and first lines before app.js has run', async () => {
    const page = await newPage();
    let held: Route | undefined;
    let release: () => void = () => {};
    const rowsAsked = new Promise<void>((resolve) => {
      page.on('request', (r) => {
        if (new URL(r.url()).pathname.startsWith('/search/rows/')) resolve();
      });
    });
    // app.js is answered only once the first result lines have been asked for: if they
    // waited for app.js, this page would never show a result.
    await page.route('**/assets/app.js*', async (route) => {
      held = route;
      await new Promise<void>((resolve) => (release = resolve));
      await route.continue();
    });
    await page.goto(`${server.url}index.html?q=outbox_77`, { waitUntil: 'commit' });
    await rowsAsked;
    expect(held).toBeDefined();
    release();
    await page.waitForSelector('#results .matched');
    // As the whole index orders them (the API runs the same engine over everything): first
    // the two contracts that list the table `outbox_77`, one as `ops.outbox_77`.
    const api = (await (await fetch(`${server.url}api/search?q=outbox_77&limit=50`)).json()) as {
      results: { contract: string }[];
    };
    await expect.poll(async () => (await shown(page)).ids).toEqual(api.results.map((r) => r.contract));
    const { ids } = await shown(page);
    expect(ids.slice(0, 2)).toEqual(['outbox_orders_577', 'owners_options_77']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
