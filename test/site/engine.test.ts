import { describe, expect, it } from 'vitest';
import { Registry } from '../../src/registry/registry.js';
import { catalogEntries } from '../../src/site/catalog-entry.js';
import { buildDescriptions, buildManifest } from '../../src/site/manifest.js';
import {
  buildIndex,
  fileSlug,
  indexSteps,
  rank,
  MAX_SLUG,
  oneEditApart,
  search,
  shardOf,
} from '../../src/site/search/engine.js';
import type { Contract } from '../../src/contract/types.js';

const c = (jobId: string, extra: Partial<Contract> = {}): Contract => ({
  jobId,
  file: `contracts/${jobId}.yaml`,
  status: 'active',
  sourceHost: 'db.internal',
  sourceDb: 'main',
  tables: [],
  ingestionType: 'full',
  frequencyMinutes: 60,
  owners: { source: ['dev@example.com'], ingestion: ['data@example.com'] },
  tags: [],
  extensions: {},
  ...extra,
});

function engine(contracts: Contract[]) {
  const entries = catalogEntries(new Registry(contracts), {
    changes: new Map(),
    now: new Date('2026-01-01'),
  });
  const m = buildManifest(entries);
  const index = buildIndex(m, buildDescriptions(entries));
  return (q: string) => search(index, m, q).map((h) => ({ id: m.id[h.row], fields: h.fields }));
}

describe('search engine', () => {
  const find = engine([
    c('orders_postgres', { tables: ['public.orders'], description: 'Shop orders' }),
    c('order_history', { tables: ['archive.order_history'], tags: ['orders'] }),
    c('orders', { tables: ['legacy.order_lines'] }),
    c('customers', {
      tables: ['crm.customers'],
      owners: { source: ['crm-team@example.com'], ingestion: ['data@example.com'] },
    }),
    c('payments', { sourceHost: 'pay-db.internal', description: 'refunds and chargebacks' }),
  ]);

  it('puts the exact job id first, then exact table matches', () => {
    expect(find('orders').map((h) => h.id)).toEqual(['orders', 'orders_postgres', 'order_history']);
  });

  it('matches by prefix across fields and says which field matched', () => {
    expect(find('cust')[0]).toEqual({ id: 'customers', fields: ['job id', 'table'] });
    // `crm-t` is the words `crm` and `t`: the table crm.customers and the owner crm-team match.
    expect(find('crm-t')[0]).toEqual({ id: 'customers', fields: ['table', 'owner'] });
    expect(find('pay-db')[0]?.fields).toEqual(['job id', 'host']); // pay: the job id payments too
    expect(find('crm-team@example.com').map((h) => h.id)).toEqual(['customers']);
  });

  it('requires every word and searches descriptions', () => {
    expect(find('refunds charge').map((h) => h.id)).toEqual(['payments']);
    expect(find('refunds orders')).toEqual([]);
  });

  it('forgives one typo in a longer word', () => {
    expect(find('custmers').map((h) => h.id)).toEqual(['customers']);
    expect(find('paymnets').map((h) => h.id)).toEqual(['payments']);
    expect(find('xyzzy')).toEqual([]);
  });

  it('forgives a typo in the first two letters too (typo candidates are grouped by them)', () => {
    expect(find('xustomers').map((h) => h.id)).toEqual(['customers']); // first letter replaced
    expect(find('ucstomers').map((h) => h.id)).toEqual(['customers']); // first two swapped
    expect(find('ustomers').map((h) => h.id)).toEqual(['customers']); // first letter dropped
    expect(find('acustomers').map((h) => h.id)).toEqual(['customers']); // a letter put in front
    expect(find('cxstomers').map((h) => h.id)).toEqual(['customers']); // second letter replaced
  });

  it('never takes another number for a typo', () => {
    const numbered = engine([
      c('t_1234', { tables: ['s.table_1234'] }),
      c('t_1235', { tables: ['s.table_1235'] }),
    ]);
    expect(numbered('table_1234').map((h) => h.id)).toEqual(['t_1234']);
    expect(numbered('table_123').map((h) => h.id)).toEqual(['t_1234', 't_1235']);
  });

  it('orders many hits by score, then job id, with each hit its own fields', () => {
    const many = engine(
      Array.from({ length: 300 }, (_, i) =>
        c(`job_${String(i).padStart(3, '0')}`, i % 3 === 0 ? { tables: ['s.job_table'] } : {}),
      ),
    );
    const hits = many('job');
    expect(hits).toHaveLength(300);
    // Job-id prefix matches (weight 10) in row order; the table match adds no more than the id.
    expect(hits.slice(0, 3).map((h) => h.id)).toEqual(['job_000', 'job_001', 'job_002']);
    expect(hits[0]?.fields).toEqual(['job id', 'table']);
    expect(hits[1]?.fields).toEqual(['job id']);
    expect(many('job table').map((h) => h.id)).toHaveLength(100);
  });

  it('spreads keys over shards the same way every time', () => {
    expect(shardOf('orders', 1)).toBe(0);
    expect(shardOf('orders', 256)).toBe(shardOf('orders', 256));
    const used = new Set(Array.from({ length: 1000 }, (_, i) => shardOf(`table_${i}`, 8)));
    expect([...used].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // FNV-1a of "a" is 0xe40c292c: a change of hash would send browsers to the wrong shard.
    expect(shardOf('a', 2 ** 31)).toBe(0xe40c292c % 2 ** 31);
  });

  it('knows one edit from two', () => {
    expect(oneEditApart('orders', 'ordres')).toBe(true);
    expect(oneEditApart('orders', 'order')).toBe(true);
    expect(oneEditApart('orders', 'odrers')).toBe(true);
    expect(oneEditApart('orders', 'odrres')).toBe(false);
    expect(oneEditApart('orders', 'orders')).toBe(false);
  });

  it('names files safely', () => {
    expect(fileSlug('orders_postgres')).toBe('orders_postgres');
    expect(fileSlug('dev.team@example.com')).toBe('dev.team@example.com');
    expect(fileSlug('..')).toBe('~2e~.');
    expect(fileSlug('../../etc/passwd')).not.toContain('/');
    expect(fileSlug('Order Items')).toBe('~4f~rder~20~~49~tems');
    expect(fileSlug('A')).not.toBe(fileSlug('a'));
  });

  it('bounds long names, with a stable hash that tells twins apart', () => {
    const long = 'A'.repeat(128);
    expect(fileSlug(long).length).toBeLessThanOrEqual(MAX_SLUG);
    expect(fileSlug(long)).toBe(fileSlug('A'.repeat(128))); // stable
    expect(fileSlug(long)).toMatch(/^(~41~)+~[0-9a-f]{16}~$/); // cut between escapes, not inside one
    expect(fileSlug(long)).not.toBe(fileSlug('A'.repeat(127) + 'a'));
    expect(fileSlug('x'.repeat(200) + 'a')).not.toBe(fileSlug('x'.repeat(200) + 'b'));
    expect(fileSlug('x'.repeat(MAX_SLUG))).toBe('x'.repeat(MAX_SLUG)); // at the limit: as it was
    for (let n = MAX_SLUG - 20; n <= MAX_SLUG + 20; n++) {
      const s = fileSlug('é'.repeat(n));
      expect(s.length).toBeLessThanOrEqual(MAX_SLUG);
      expect(s).toMatch(/^[a-z0-9_@.~-]+$/);
    }
  });
});

describe('search by the name people type', () => {
  const find = engine([
    c('finance_refunds', { sourceDb: 'warehouse', tables: ['finance.refund_reconciliation'] }),
    c('legacy_refunds', { sourceDb: 'legacy', tables: ['refund_reconciliation'] }),
    c('refund_reconciliation_v2', { tables: ['"Sales"."Refund_Reconciliation_Archive"'] }),
    c('sales_refunds', { sourceDb: 'shop', tables: ['sales.refund_reconciliation'] }),
    c('orders', { tables: ['[dbo].[Order Items]'] }),
  ]);
  const ids = (q: string) => find(q).map((h) => h.id);

  it('finds a schema-qualified table by its bare name, exact matches first', () => {
    expect(ids('refund_reconciliation')).toEqual([
      'finance_refunds',
      'legacy_refunds',
      'sales_refunds',
      'refund_reconciliation_v2',
    ]);
    expect(ids('Refund_Reconciliation_Archive')[0]).toBe('refund_reconciliation_v2');
  });

  it('finds by any prefix of the bare or the full name', () => {
    expect(ids('refund_reconcil').sort()).toEqual([
      'finance_refunds',
      'legacy_refunds',
      'refund_reconciliation_v2',
      'sales_refunds',
    ]);
    expect(ids('refund_rec')).toHaveLength(4);
    expect(ids('finance.refund_rec')).toEqual(['finance_refunds']);
    expect(ids('finance.')).toEqual(['finance_refunds']);
    expect(ids('fin')).toEqual(['finance_refunds']);
  });

  it('finds by its words in any order, and with one typo', () => {
    expect(ids('refund reconcil')).toHaveLength(4);
    expect(ids('reconcil refund')).toEqual(ids('refund reconcil'));
    expect(ids('refund_reconcilation')).toHaveLength(4);
    expect(ids('finance.refund_reconcilation')).toEqual(['finance_refunds']);
  });

  it('reads schema.table and db.schema.table as typed in SQL, quotes and brackets ignored', () => {
    expect(ids('finance.refund_reconciliation')).toEqual(['finance_refunds']);
    expect(ids('warehouse.finance.refund_reconciliation')).toEqual(['finance_refunds']);
    expect(ids('[warehouse].[finance].[refund_reconciliation]')).toEqual(['finance_refunds']);
    expect(ids('"warehouse"."finance"."refund_reconciliation"')).toEqual(['finance_refunds']);
    // The exact schema first; a longer name in that schema after it.
    expect(ids('sales.refund_reconciliation')).toEqual(['sales_refunds', 'refund_reconciliation_v2']);
    expect(ids('"sales"."refund_reconciliation_archive"')).toEqual(['refund_reconciliation_v2']);
    expect(ids('dbo.order items')).toEqual(['orders']);
    expect(ids('[dbo].[Order Items]')).toEqual(['orders']);
    expect(ids('`order items`')).toEqual(['orders']);
  });

  it('puts an exact job id before exact tables', () => {
    expect(ids('legacy_refunds')).toEqual(['legacy_refunds']);
    const twin = engine([c('a_reader', { tables: ['x.orders'] }), c('orders', { tables: ['x.other'] })]);
    expect(twin('orders').map((h) => h.id)).toEqual(['orders', 'a_reader']);
  });
});

describe('the index in steps', () => {
  // Enough contracts for the rows, the sort (several runs merged) and the flat arrays to pause.
  const contracts = Array.from({ length: 5000 }, (_, i) =>
    c(`job_${(i * 7919) % 5000}_${['orders', 'users', 'refunds', 'Zeta', 'émile'][i % 5]}`, {
      tables: [`s${i % 13}.t_${(i * 31) % 977}`, `"Q${i % 7}"."x${i}"`],
      description: `about ${['orders', 'ops', 'ünïcode', 'Upper'][i % 4]} ${i}`,
    }),
  );
  const entries = catalogEntries(new Registry(contracts), {
    changes: new Map(),
    now: new Date('2026-01-01'),
  });
  const m = buildManifest(entries);
  const descriptions = buildDescriptions(entries);

  it('pauses often, and makes the index buildIndex makes, terms sorted as Array.sort sorts', () => {
    const steps = indexSteps(m, descriptions);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    const stepped = step.value;
    expect(pauses).toBeGreaterThan(20);
    // More terms than one sorted run (16,000): runs are merged.
    expect(stepped.terms.length).toBeGreaterThan(16_000);
    const whole = buildIndex(m, descriptions);
    expect(stepped.terms).toEqual([...whole.postings.keys()].sort());
    expect(stepped.terms).toEqual(whole.terms);
    expect(new Set(stepped.terms).size).toBe(stepped.terms.length);
    expect([...stepped.postings]).toEqual([...whole.postings]);
    for (const q of ['o', 'orders', 'ops 12', 'unicode', 'émile', 'q3.x10', 'ordres'])
      expect(Array.from(rank(stepped, q).rows)).toEqual(Array.from(rank(whole, q).rows));
  });
});
