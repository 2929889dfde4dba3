import { describe, expect, it } from 'vitest';
import type { Contract } from '../../src/contract/types.js';
import { Registry } from '../../src/registry/registry.js';
import { catalogEntries } from '../../src/site/catalog-entry.js';
import { buildDescriptions, buildManifest } from '../../src/site/manifest.js';
import { buildIndex, search, shardsFor, type SearchIndex } from '../../src/site/search/engine.js';
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

  /** The index a browser has after loading the shards a query needs. */
  function partial(query: string): SearchIndex {
    const postings = new Map<string, number[]>();
    for (const i of shardsFor(meta.shards, query)) {
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
    return { terms: [...postings.keys()].sort(), postings, rows: meta.rows };
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
    }
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
