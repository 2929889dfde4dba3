// Contracts that validate with very long or case-twin names: the real `dcr site build` writes
// every page under the file-system limits, never two names that differ only by case, and
// every link of the written site (pages, search index, person and table pages) resolves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDcr } from '../helpers/run-dcr.js';
import type { TempRepo } from '../helpers/git-repo.js';
import { NOW } from './catalog-repo.js';
import {
  filesOf,
  LONG_ID,
  LONG_OWNER,
  LONG_TABLE,
  LONGEST_ID,
  longNamesRepo,
  siteLinks,
  TWIN_IDS,
} from './long-names.js';

describe('site build with long and case-twin names', () => {
  let repo: TempRepo;
  let out: string;
  let files: string[];
  beforeAll(() => {
    repo = longNamesRepo();
    out = join(repo.dir, 'public');
  });
  afterAll(() => repo?.remove());

  it('validates the contracts, then builds the site (no ENAMETOOLONG)', () => {
    const v = runDcr(['validate', '--format', 'json'], { cwd: repo.dir });
    expect(v.stderr).toBe('');
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, contracts: 5 });
    const r = runDcr(['site', 'build', '--out', 'public', '--now', NOW, '--format', 'json'], {
      cwd: repo.dir,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, contracts: 5, skipped: 0 });
    files = filesOf(out);
    expect(files).toContain('contracts/orders_postgres.html');
  });

  it('keeps every file name short, and no two names equal but for case', () => {
    for (const f of files)
      for (const part of f.split('/')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(125);
    const folded = new Map<string, string>();
    for (const f of files) {
      const other = folded.get(f.toLowerCase());
      expect(other, `${f} and ${other} differ only by case`).toBeUndefined();
      folded.set(f.toLowerCase(), f);
    }
    // One page and one JSON per contract, twins and all; table pages for both case twins.
    expect(files.filter((f) => /^contracts\/.*\.html$/.test(f))).toHaveLength(5);
    expect(files.filter((f) => /^contracts\/.*\.json$/.test(f))).toHaveLength(5);
    expect(files.filter((f) => f.startsWith('tables/'))).toHaveLength(4); // T…, t…, ORDERS, orders (quoted "orders" and public.orders are one key)
  });

  it('links every page, person and table to a file that exists', () => {
    const { checked, broken } = siteLinks(out);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(50);
    const page = readFileSync(join(out, 'contracts', 'orders_postgres.html'), 'utf8');
    expect(page).toContain('href="../tables/orders.html"');
  });

  it('gives the search index the same file names as the build (the browser engine)', async () => {
    const engine = await import(pathToFileURL(join(out, 'assets', 'engine.js')).href);
    const manifest = JSON.parse(readFileSync(join(out, 'search', 'manifest.json'), 'utf8'));
    expect(manifest.id).toEqual(expect.arrayContaining([LONG_ID, LONGEST_ID, ...TWIN_IDS]));
    const targets = manifest.id.map((id: string) => `contracts/${engine.fileSlug(id)}.html`);
    for (const t of targets) expect(files).toContain(t);
    expect(new Set(targets).size).toBe(manifest.id.length);
    // registry.json lists each contract; its JSON file sits where the page says.
    const registry = JSON.parse(readFileSync(join(out, 'registry.json'), 'utf8'));
    for (const c of registry.contracts as { jobId: string }[]) {
      const json = JSON.parse(
        readFileSync(join(out, 'contracts', `${engine.fileSlug(c.jobId)}.json`), 'utf8'),
      );
      expect(json.contract.jobId).toBe(c.jobId);
    }
  });

  it('gives the long owner and the long table a page of their own', () => {
    const person = files.find((f) => f.startsWith('people/o'))!;
    expect(readFileSync(join(out, person), 'utf8')).toContain(LONG_OWNER);
    const table = files.find((f) => f.startsWith('tables/ttttt'))!;
    expect(readFileSync(join(out, table), 'utf8')).toContain('t'.repeat(298));
    const upper = files.find((f) => f.startsWith('tables/~54~'))!;
    expect(upper).not.toBe(table);
    expect(readFileSync(join(out, upper), 'utf8')).toContain(LONG_TABLE.slice(1, -1));
  });
});
