// Search by the name people type, in Chromium (playwright-core), on a catalog served by the
// real `dcr serve`: schema-qualified, quoted, bracketed and bare table names, each form of
// query, both from the index shards (a page opened with a query, before the manifest is
// here) and from the whole index (typed once everything has loaded).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { TempRepo } from '../helpers/git-repo.js';
import { launchChromium } from './chromium.js';

const contract = (id: string, db: string, tables: string, owner = 'dev@example.com') =>
  `ingestion_jobid: ${id}
source_host: ${db}-db.internal
source_db: ${db}
source_tables: ${tables}
ingestion_type: full
ingestion_frequency_minutes: 60
source_owner: ${owner}
ingestion_owner: data-eng@example.com
`;

function namesRepo(): TempRepo {
  const repo = new TempRepo('dcr-search-');
  repo.write('dcr.config.yaml', 'contracts: contracts\n');
  repo.write(
    'contracts/finance_refunds.yaml',
    contract('finance_refunds', 'warehouse', '[finance.refund_reconciliation]'),
  );
  repo.write(
    'contracts/legacy_refunds.yaml',
    contract('legacy_refunds', 'legacy', '[refund_reconciliation]'),
  );
  repo.write(
    'contracts/archive_job.yaml',
    contract(
      'archive_job',
      'shop',
      `['"Sales"."Refund_Reconciliation_Archive"']`,
      'alice.moreau@example.com',
    ),
  );
  repo.write(
    'contracts/orders_sqlserver.yaml',
    contract('orders_sqlserver', 'erp', "['[dbo].[Order Items]']"),
  );
  repo.write('contracts/unrelated.yaml', contract('unrelated', 'crm', '[crm.customers]'));
  repo.git('add', '.');
  repo.git('commit', '-q', '-m', 'contracts');
  return repo;
}

/** Query → the job ids expected, in order (only the first ones with `prefix`); equal scores go by job id. */
const FORMS: [string, string[], 'all' | 'prefix'][] = [
  ['refund_reconciliation', ['finance_refunds', 'legacy_refunds', 'archive_job'], 'all'], // bare name
  ['refund_reconcil', ['archive_job', 'finance_refunds', 'legacy_refunds'], 'all'], // prefix of the bare name
  ['reconcil refund', ['archive_job', 'finance_refunds', 'legacy_refunds'], 'all'], // words in any order
  ['refund_reconcilation', ['archive_job', 'finance_refunds', 'legacy_refunds'], 'all'], // one typo
  ['finance.refund_reconciliation', ['finance_refunds'], 'all'], // schema.table
  ['finance.refund_rec', ['finance_refunds'], 'all'], // prefix of the full name
  ['warehouse.finance.refund_reconciliation', ['finance_refunds'], 'all'], // db.schema.table
  ['"warehouse"."finance"."refund_reconciliation"', ['finance_refunds'], 'all'], // quoted
  ['[warehouse].[finance].[refund_reconciliation]', ['finance_refunds'], 'all'], // bracketed
  ['"Sales"."Refund_Reconciliation_Archive"', ['archive_job'], 'all'], // a quoted contract name
  ['sales.refund_reconciliation_arch', ['archive_job'], 'all'],
  ['refund_reconciliation_archive', ['archive_job'], 'all'],
  ['[dbo].[Order Items]', ['orders_sqlserver'], 'all'], // a bracketed contract name
  ['order items', ['orders_sqlserver'], 'all'],
  ['dbo.order it', ['orders_sqlserver'], 'all'],
  ['legacy_refunds', ['legacy_refunds'], 'prefix'], // the exact job id first
];

let browser: Browser;
let repo: TempRepo;
let server: RunningServer;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  repo = namesRepo();
  server = await startServer(loadConfig(repo.dir), {
    port: 0,
    host: '127.0.0.1',
    env: {},
    now: new Date('2026-06-01T00:00:00Z'),
    watch: false,
  });
});
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

const resultIds = (page: Page) => page.locator('#results a.job').allInnerTexts();
const check = (ids: string[], expected: string[], mode: 'all' | 'prefix') =>
  mode === 'all' ? expect(ids).toEqual(expected) : expect(ids.slice(0, expected.length)).toEqual(expected);

describe('search by the name people type, in the browser', () => {
  it('answers every form from the index shards, before the manifest is here', async () => {
    const page = await newPage();
    // The manifest never arrives: every result below comes from search/terms and search/rows.
    await page.route('**/search/manifest.json*', (route) => route.abort());
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    for (const [q, expected, mode] of FORMS) {
      await page.goto(`${server.url}index.html?q=${encodeURIComponent(q)}`);
      await page.waitForSelector('#results .matched');
      check(await resultIds(page), expected, mode);
    }
    // Preloaded with the page, and used: one request each per page.
    expect(fetched.filter((p) => p === '/search/meta.json')).toHaveLength(FORMS.length);
    expect(fetched.filter((p) => p === '/assets/engine.js')).toHaveLength(FORMS.length);
    expect(fetched.some((p) => p.startsWith('/search/terms/'))).toBe(true);
    expect(fetched.some((p) => p.startsWith('/search/rows/'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers every form as typed, from the whole index', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="all"]');
    for (const [q, expected, mode] of FORMS) {
      await page.locator('#q').fill(q);
      await expect
        .poll(async () => {
          const ids = await resultIds(page);
          return mode === 'all' ? ids : ids.slice(0, expected.length);
        })
        .toEqual(expected);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('links a person match to the person page', async () => {
    const page = await newPage();
    await page.goto(`${server.url}index.html?q=alice`);
    const link = page.locator('#results .matched a', { hasText: 'alice.moreau@example.com' });
    await link.waitFor();
    expect(await page.locator('#results .matched').first().innerText()).toBe(
      'matched: owner (alice.moreau@example.com)',
    );
    await link.click();
    await page.waitForURL(/people\/alice\.moreau%40example\.com\.html$/);
    expect(await page.locator('h1').innerText()).toBe('alice.moreau@example.com');
    expect(errors).toEqual([]);
    await page.close();
  });
});
