// Keystrokes on a catalog large enough for many index shards, in Chromium on the real
// `dcr serve`: one-letter queries, ranked ahead by the browser once its index is built, show
// the results and facet counts the engine gives over the whole index; a keystroke typed while
// the browser still builds its index (in slices) is answered from the shards meanwhile.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { buildIndex, rank, type Manifest } from '../../src/site/search/engine.js';
import { TempRepo } from '../helpers/git-repo.js';
import { launchChromium } from './chromium.js';

const WORDS = ['orders', 'outbox', 'offers', 'options', 'outlets', 'owners'];
const STATUS = ['active', 'active', 'deprecated', 'draft'];
const contract = (i: number) => `ingestion_jobid: ${WORDS[i % 6]}_${WORDS[(i >> 3) % 6]}_${i}
description: ${WORDS[(i >> 1) % 6]} of outlet ${i % 97} for ops
status: ${STATUS[i % 4]}
source_host: ops-${i % 40}.internal
source_db: ops_${i % 30}
source_tables: [ops.${WORDS[(i >> 2) % 6]}_${i}, "${WORDS[i % 6]}_${i % 500}"]
ingestion_type: ${i % 3 === 0 ? 'incremental' : 'full'}
ingestion_frequency_minutes: 60
source_owner: owner${i % 90}@example.com
ingestion_owner: ops-team@example.com
${i % 5 === 0 ? '' : `tags: [${WORDS[(i >> 4) % 6]}]\n`}`;
const COUNT = 1500;

let browser: Browser;
let repo: TempRepo;
let server: RunningServer;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  repo = new TempRepo('dcr-keys-');
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

const get = async <T>(path: string): Promise<T> => (await fetch(`${server.url}${path}`)).json() as Promise<T>;

/** What the list shows: its count and every job id in order (lines drawn when idle too). */
const shownIds = (page: Page) => page.locator('#results a.job').allTextContents();

/** A facet as the page shows it: `value count` per line, in order. */
const facetLines = (page: Page, key: string) =>
  page
    .locator(`section[data-facet="${key}"] > ul > li`)
    .evaluateAll((lis) =>
      lis.map(
        (li) => `${li.querySelector('.value')?.textContent} ${li.querySelector('.count')?.textContent}`,
      ),
    );

/**
 * What the page showed before rankings were made ahead, computed here from the site's own
 * data: the whole index ranks the query; facets count every matching row, most first, then
 * by name, the first 12 shown.
 */
async function expected(q: string) {
  const m = await get<Manifest>('search/manifest.json');
  const { d } = await get<{ d: (string | null)[] }>('search/text.json');
  const { rows } = rank(buildIndex(m, d), q);
  const facet = (valuesOf: (row: number) => string[]) => {
    const counts = new Map<string, number>();
    for (const row of rows) for (const v of valuesOf(row)) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 12)
      .map(([v, c]) => `${v} ${c}`);
  };
  return {
    count: `${rows.length === m.id.length ? '' : `${rows.length} of `}${m.id.length} contracts`,
    ids: Array.from(rows.subarray(0, 50), (row) => m.id[row]!),
    status: facet((row) => [m.dict.status[m.status[row]!]!]),
    ingestion: facet((row) => [m.dict.itype[m.itype[row]!]!]),
    owner: facet((row) => [...new Set([...m.so[row]!, ...m.io[row]!])].map((p) => m.dict.people[p]!)),
    tag: facet((row) => (m.tags[row]!.length ? m.tags[row]!.map((t) => m.dict.tags[t]!) : ['(missing)'])),
  };
}

async function showsAsExpected(page: Page, want: Awaited<ReturnType<typeof expected>>) {
  await expect.poll(() => shownIds(page)).toEqual(want.ids);
  expect(await page.locator('#count').innerText()).toBe(want.count);
  for (const key of ['status', 'ingestion', 'owner', 'tag'] as const)
    await expect.poll(() => facetLines(page, key)).toEqual(want[key]);
}

describe('keystrokes', () => {
  it('shows for a one-letter query the results and facet counts of the whole index', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="all"]');
    // `o` matches every contract, `7` and `1` some (numbers in names and descriptions).
    for (const letter of ['o', '7', '1']) {
      const want = await expected(letter);
      expect(want.ids).toHaveLength(50);
      await page.locator('#q').fill(letter);
      await showsAsExpected(page, want);
    }
    // A longer query, then back to a letter: the same answers again.
    const want = await expected('ou');
    await page.locator('#q').fill('ou');
    await showsAsExpected(page, want);
    await page.locator('#q').press('Backspace');
    await showsAsExpected(page, await expected('o'));
    // With a filter chosen, facets count within it at once, the chosen facet its alternatives.
    await page.locator('section[data-facet="status"] label', { hasText: 'draft' }).click();
    await expect.poll(() => page.locator('#count').innerText()).toBe(`${COUNT / 4} of ${COUNT} contracts`);
    const status = await facetLines(page, 'status');
    expect(status).toEqual((await expected('o')).status);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers a keystroke typed while the browser builds its index, from the shards', async () => {
    const query = 'outbox_77';
    const api = await get<{ results: { contract: string }[] }>(`api/search?q=${query}&limit=50`);
    expect(api.results.length).toBeGreaterThan(1);
    const page = await newPage();
    // One step of the index build a slice; the query is typed the moment the build starts,
    // and the page notes how far the build was when its results were drawn.
    await page.addInitScript((q) => {
      const w = window as unknown as { dcrSliceMs: number; answeredWhile?: string };
      w.dcrSliceMs = 0;
      document.addEventListener('DOMContentLoaded', () => {
        const body = document.body;
        new MutationObserver((_, observer) => {
          if (body.dataset.ready !== 'indexing') return;
          observer.disconnect();
          new PerformanceObserver((list, marks) => {
            if (!list.getEntriesByName('dcr-results').length) return;
            marks.disconnect();
            w.answeredWhile = body.dataset.ready;
          }).observe({ entryTypes: ['mark'] });
          const input = document.getElementById('q') as HTMLInputElement;
          input.value = q;
          input.dispatchEvent(new Event('input'));
        }).observe(body, { attributes: true, attributeFilter: ['data-ready'] });
      });
    }, query);
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { answeredWhile?: string }).answeredWhile);
    expect(await page.evaluate(() => (window as unknown as { answeredWhile: string }).answeredWhile)).toBe(
      'indexing',
    );
    const ids = api.results.map((r) => r.contract);
    await expect.poll(() => shownIds(page)).toEqual(ids);
    // Then the whole index takes over, with the same answer.
    await page.waitForSelector('body[data-ready="all"]');
    await expect.poll(() => shownIds(page)).toEqual(ids);
    expect(errors).toEqual([]);
    await page.close();
  });
});
