// Stale badges in the built catalog, in headless Chromium on a static host on loopback: the
// days they count are `dcr stale`'s for the same contract and the same clock, whatever the
// reader's time zone and however near midnight UTC the change landed; and what they tell
// owners to do is what `dcr stale` tells them, in the format of each kind of file.
// Uses the built `dcr` (run `npm run build` first).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewedAtStep } from '../../src/stale/messages.js';
import { TempRepo } from '../helpers/git-repo.js';
import { runDcr } from '../helpers/run-dcr.js';
import { launchChromium } from './chromium.js';
import { staticHost, type StaticHost } from './static-host.js';

const dcrContract = (id: string) => `ingestion_jobid: ${id}
source_host: ${id}-db.internal
source_db: ${id}
source_tables: [public.${id}]
ingestion_type: full
ingestion_frequency_minutes: 60
source_owner: dev-team@example.com
ingestion_owner: data-eng@example.com
`;

const odcsContract = (id: string) => `apiVersion: v3.1.0
kind: DataContract
id: ${id}
version: 1.0.0
status: active
servers:
  - server: prod
    type: postgres
    host: ${id}-db.internal
    port: 5432
    database: ${id}
    schema: public
schema:
  - name: ${id}
    physicalName: public.${id}
    physicalType: table
team:
  - username: dev-team@example.com
    role: sourceOwner
  - username: data-eng@example.com
    role: ingestionOwner
customProperties:
  - property: ingestion_type
    value: full
  - property: ingestion_frequency_minutes
    value: 60
`;

/**
 * Changes that landed just before and just after midnight UTC, and one reviewed on a date
 * (`reviewed_at` counts from its midnight UTC).
 */
const CHANGES: [file: string, content: string, date: string][] = [
  ['contracts/before_midnight.yaml', dcrContract('before_midnight'), '2025-12-31T23:30:00Z'],
  ['contracts/after_midnight.yaml', dcrContract('after_midnight'), '2026-01-01T00:10:00Z'],
  ['contracts/odcs_before_midnight.odcs.yaml', odcsContract('odcs_before_midnight'), '2025-12-31T23:55:00Z'],
  ['contracts/reviewed.yaml', `${dcrContract('reviewed')}reviewed_at: 2026-01-02\n`, '2025-06-01T12:00:00Z'],
];
/** Clocks just after and just before midnight UTC. */
const NOWS = ['2026-07-15T00:30:00Z', '2026-07-14T23:50:00Z'];
/** Time zones far from UTC on either side. */
const ZONES = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'];

interface Stale {
  contract: string;
  file: string;
  lastUpdated: string;
  ageDays: number;
}

describe('stale badges in the catalog', () => {
  let repo: TempRepo;
  let browser: Browser;
  const hosts = new Map<string, StaticHost>();
  const stale = new Map<string, Stale[]>();

  beforeAll(async () => {
    repo = new TempRepo('dcr-stale-badges-');
    for (const [file, content, date] of CHANGES) {
      repo.write(file, content);
      repo.git('add', file);
      repo.tryGit(['commit', '-q', '-m', file], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
    }
    for (const now of NOWS) {
      const out = `site-${NOWS.indexOf(now)}`;
      const built = runDcr(['site', 'build', '--out', out, '--now', now], { cwd: repo.dir });
      expect(built.code, built.stderr).toBe(0);
      hosts.set(now, await staticHost(join(repo.dir, out)));
      const r = runDcr(['stale', '--now', now, '--format', 'json'], { cwd: repo.dir });
      expect(r.code, r.stderr).toBe(0);
      stale.set(now, (JSON.parse(r.stdout) as { stale: Stale[] }).stale);
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const host of hosts.values()) await host.close();
    repo?.remove();
  });

  /** Each stale badge on a page: job id, badge text and title. */
  const staleBadges = async (context: BrowserContext, url: string, wait: string) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForSelector(wait);
    const badges = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.fresh-stale')).map((a) => ({
        id: a.closest('li, article')?.querySelector('a.job, h1')?.textContent ?? '',
        text: a.textContent ?? '',
        title: a.getAttribute('title') ?? '',
      })),
    );
    await page.close();
    expect(errors).toEqual([]);
    return badges;
  };

  it('the test data has stale contracts whose days differ from calendar days', () => {
    const day = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);
    const late = stale.get(NOWS[0]!)!.find((s) => s.contract === 'before_midnight')!;
    expect(late.ageDays).toBe(day(NOWS[0]!) - day('2025-12-31T23:30:00Z') - 1);
    for (const now of NOWS)
      expect(
        stale
          .get(now)!
          .map((s) => s.contract)
          .sort(),
      ).toEqual(['after_midnight', 'before_midnight', 'odcs_before_midnight', 'reviewed']);
  });

  for (const zone of ZONES)
    it(`counts the days dcr stale counts, read in ${zone}`, async () => {
      const context = await browser.newContext({ timezoneId: zone });
      for (const now of NOWS) {
        const url = hosts.get(now)!.url;
        const expected = stale
          .get(now)!
          .map((s) => ({ id: s.contract, text: `stale: ${s.ageDays} ${s.ageDays === 1 ? 'day' : 'days'}` }))
          .sort((a, b) => a.id.localeCompare(b.id));
        const shown = (badges: { id: string; text: string }[]) =>
          badges.map(({ id, text }) => ({ id, text })).sort((a, b) => a.id.localeCompare(b.id));
        // Drawn by the browser from the manifest (a filter waits for it) …
        const fromManifest = await staleBadges(
          context,
          `${url}index.html?freshness=stale`,
          'body[data-ready="all"]',
        );
        expect(shown(fromManifest), `${now}, manifest`).toEqual(expected);
        // … from the row chunks of a query's first results (the manifest kept away) …
        await context.route('**/search/manifest.json*', (route) => route.abort());
        const fromRows = await staleBadges(
          context,
          `${url}index.html?q=dev-team`,
          '#count:has-text("could not be loaded")',
        );
        await context.unroute('**/search/manifest.json*');
        expect(shown(fromRows), `${now}, rows`).toEqual(expected);
        // … and written by the build on each contract page.
        for (const s of stale.get(now)!) {
          const [page] = await staleBadges(context, `${url}contracts/${s.contract}.html`, 'main');
          expect(page!.text, `${now}, ${s.contract}.html`).toBe(`stale: ${s.ageDays} days`);
        }
      }
      await context.close();
    });

  it('tells owners to mark a contract reviewed as dcr stale does, for each kind of file', async () => {
    const now = NOWS[0]!;
    const url = hosts.get(now)!.url;
    const context = await browser.newContext();
    const step = (file: string) => reviewedAtStep([file], 'YYYY-MM-DD').replaceAll('`', '');
    const title = (s: Stale) =>
      `stale: not updated or reviewed for ${s.ageDays} days; owners: check it, then commit a change or ${step(s.file)}`;
    const expected = stale
      .get(now)!
      .map((s) => ({ id: s.contract, title: title(s) }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const titles = (badges: { id: string; title: string }[]) =>
      badges.map(({ id, title }) => ({ id, title })).sort((a, b) => a.id.localeCompare(b.id));
    expect(step('x.odcs.yaml')).toContain('customProperties');
    expect(step('x.yaml')).toBe('set reviewed_at: YYYY-MM-DD');

    const home = await staleBadges(context, `${url}index.html?freshness=stale`, 'body[data-ready="all"]');
    expect(titles(home)).toEqual(expected);
    await context.route('**/search/manifest.json*', (route) => route.abort());
    const fromRows = await staleBadges(
      context,
      `${url}index.html?q=dev-team`,
      '#count:has-text("could not be loaded")',
    );
    expect(titles(fromRows)).toEqual(expected);
    await context.unroute('**/search/manifest.json*');

    for (const s of stale.get(now)!) {
      const page = await context.newPage();
      await page.goto(`${url}contracts/${s.contract}.html`);
      const since = s.lastUpdated.slice(0, 10);
      expect(await page.locator('.badges .fresh-stale').getAttribute('title')).toBe(
        title(s).replace(' days;', ` days (since ${since});`),
      );
      expect(await page.locator('.freshness-note').innerText()).toBe(
        `Not updated or reviewed for ${s.ageDays} days (since ${since}), so its owners get reminders. Owners: check that it is still right, then commit a change to it, or ${step(s.file)}, YYYY-MM-DD being the day of your review.`,
      );
      await page.close();
    }
    // The wording reaches the browser through the search data, not a copy in app.js.
    const app = readFileSync(join(repo.dir, 'site-0', 'assets', 'app.js'), 'utf8');
    expect(app).not.toContain('reviewed_at');
    await context.close();
  });
});
