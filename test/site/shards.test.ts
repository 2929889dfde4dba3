import { describe, expect, it } from 'vitest';
import type { Contract } from '../../src/contract/types.js';
import { Registry } from '../../src/registry/registry.js';
import { catalogEntries } from '../../src/site/catalog-entry.js';
import { buildDescriptions, buildManifest } from '../../src/site/manifest.js';
import {
  aheadMatch,
  buildIndex,
  search,
  searchFiles,
  shardsFor,
  type SearchIndex,
} from '../../src/site/search/engine.js';
import { shardFiles, type RowLine, type SearchMeta } from '../../src/site/search/shards.js';

const WORDS = ['orders', 'refunds', 'ledger', 'customers', 'order_items'];
const contract = (i: number): Contract => ({
  jobId: `${WORDS[i % 5]}_${WORDS[(i >> 2) % 5]}_${i}`,
  file: `contracts/${i}.yaml`,
  status: 'active',
  sourceHost: `db-${i % 7}.internal`,
  sourceDb: `shop_${i % 3}`,
  tables: [
    `${WORDS[i % 5]}.refund_reconciliation_${i}`,
    i % 4 === 0 ? `"Sales"."${WORDS[i % 5]}"` : `bare_${i % 50}`,
  ],
  ingestionType: 'full',
  frequencyMinutes: 60,
  owners: { source: [`team${i % 9}@example.com`], ingestion: ['data@example.com'] },
  tags: [`t${i % 4}`],
  extensions: {},
  description: `Extract ${i} of ${WORDS[(i + 1) % 5]}`,
});

describe('index shards', () => {
  const entries = catalogEntries(new Registry(Array.from({ length: 600 }, (_, i) => contract(i))), {
    changes: new Map(),
    now: new Date('2026-01-01'),
  });
  const m = buildManifest(entries);
  const descriptions = buildDescriptions(entries);
  const full = buildIndex(m, descriptions);
  // Small shards, so that keys grow several letters deep (names share long starts).
  const files = new Map(shardFiles(entries, m, descriptions, 'static', full, 2_000));
  const meta = JSON.parse(files.get('search/meta.json')!) as SearchMeta;

  /** The index a browser has after loading the files a query needs (as site/assets/app.js does). */
  function partial(query: string, ahead = meta.ahead ?? []): SearchIndex {
    const postings = new Map<string, number[]>();
    const need = searchFiles(meta.shards, ahead, query);
    const found = new Map(
      need.ahead.map((i) => [
        ahead[i]!,
        aheadMatch(meta.rows, JSON.parse(files.get(`search/ahead/${i}.json`)!) as { r: number[] }),
      ]),
    );
    for (const i of need.shards) {
      for (const [term, gaps] of Object.entries(
        JSON.parse(files.get(`search/terms/${i}.json`)!) as Record<string, number[]>,
      )) {
        let code = 0;
        postings.set(
          term,
          gaps.map((g) => (code += g)),
        );
      }
    }
    return { terms: [...postings.keys()].sort(), postings, rows: meta.rows, ahead: found };
  }

  it('cuts the index into many small shards, every term in exactly one', () => {
    expect(meta.shards.length).toBeGreaterThan(20);
    expect(meta.shards.some((k) => k.length > 6)).toBe(true);
    const seen = new Map<string, number>();
    for (let i = 0; i < meta.shards.length; i++)
      for (const term of Object.keys(JSON.parse(files.get(`search/terms/${i}.json`)!) as object))
        seen.set(term, (seen.get(term) ?? 0) + 1);
    expect(seen.size).toBe(full.postings.size);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it('answers every query from its shards exactly as from the whole index (typos aside)', () => {
    const queries = [
      'o',
      'r',
      'refund_reconciliation_17',
      'refund_reconcil',
      'orders.refund_reconciliation_5',
      'shop_1.orders.refund_reconciliation_5',
      '"sales"."orders"',
      'bare_1',
      'team3@',
      'data@example.com',
      'ledger extract',
      'customers_orders_',
      'refund reconcil',
      '12',
    ];
    for (const q of queries) {
      const expected = search(full, null, q).map((h) => [h.row, h.score]);
      expect(expected.length, q).toBeGreaterThan(0);
      expect(
        search(partial(q), null, q).map((h) => [h.row, h.score]),
        q,
      ).toEqual(expected);
      // The same from the shards alone, as a site without matches computed ahead.
      expect(
        search(partial(q, []), null, q).map((h) => [h.row, h.score]),
        q,
      ).toEqual(expected);
    }
  });

  it('computes ahead the matches of short words and names that reach many shards', () => {
    const ahead = meta.ahead ?? [];
    expect(ahead).toContain('o');
    expect(ahead).toContain('\u0001o');
    // A first keystroke needs its two files computed ahead and no shard.
    const need = searchFiles(meta.shards, ahead, 'o');
    expect(need.shards).toEqual([]);
    expect(need.ahead.sort((a, b) => a - b)).toEqual([ahead.indexOf('\u0001o'), ahead.indexOf('o')]);
    expect(shardsFor(meta.shards, 'o').length).toBeGreaterThan(2);
    // Every word and one-part name computed ahead answers exactly as the whole index, typos included.
    for (const key of ahead) {
      const q = key.replace('\u0001', '');
      expect(search(partial(q), null, q), q).toEqual(search(full, null, q));
    }
    // A word or name deep enough for a shard or two has no file of its own.
    expect(ahead.every((k) => shardsFor(meta.shards, k.replace('\u0001', '')).length > 2)).toBe(true);
  });

  it('writes result lines in row chunks, row for row as the manifest', () => {
    const chunk = JSON.parse(files.get('search/rows/1.json')!) as RowLine[];
    expect(chunk).toHaveLength(meta.chunk);
    const row = meta.chunk + 3;
    expect(chunk[3]![0]).toBe(m.id[row]);
    expect(chunk[3]![6]).toEqual(m.tables[row]);
    expect(chunk[3]![7]).toBe(descriptions[row]);
    expect(chunk[3]![8]).toEqual([m.dict.people[m.so[row]![0]!], 'data@example.com']);
  });
});
