import { describe, expect, it } from 'vitest';
import { Registry } from '../../src/registry/registry.js';
import { catalogEntries } from '../../src/site/catalog-entry.js';
import { buildDescriptions, buildManifest } from '../../src/site/manifest.js';
import { buildIndex, fileSlug, oneEditApart, search } from '../../src/site/search/engine.js';
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
    expect(find('crm-t')[0]).toEqual({ id: 'customers', fields: ['owner'] });
    expect(find('pay-db')[0]?.fields).toEqual(['host']);
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
});
