import { describe, expect, it } from 'vitest';
import type { Contract } from '../../src/contract/types.js';
import { acknowledgedJobIds } from '../../src/detect/ack.js';
import { matchTable, normalizeRepo, repoMatches } from '../../src/detect/match.js';
import { Registry } from '../../src/registry/registry.js';

const contract = (jobId: string, tables: string[], extra: Partial<Contract> = {}): Contract => ({
  jobId,
  file: `${jobId}.yaml`,
  status: 'active',
  sourceHost: 'h',
  sourceDb: 'd',
  tables,
  ingestionType: 'full',
  owners: { source: ['s@example.com'], ingestion: ['i@example.com'] },
  tags: [],
  extensions: {},
  ...extra,
});

const registry = new Registry([
  contract('orders', ['public.orders']),
  contract('analytics_orders', ['analytics.orders']),
  contract('bare_items', ['order_items']),
  contract('keys', ['"apiKeys"']),
  contract('warehouse', ['shop.sales.invoices']),
  contract('old', ['legacy'], { status: 'retired' }),
]);
const jobs = (code: string, options = {}) =>
  matchTable(code, registry, options)
    .map((m) => m.contract.jobId)
    .sort();

describe('matchTable', () => {
  it('matches an unqualified name in any schema and says so', () => {
    expect(jobs('orders')).toEqual(['analytics_orders', 'orders']);
    expect(matchTable('orders', registry).find((m) => m.contract.jobId === 'orders')?.note).toMatch(
      /unqualified `orders`.*public\.orders/,
    );
  });
  it('requires the schema to agree when both names have one', () => {
    expect(jobs('public.orders')).toEqual(['orders']);
    expect(jobs('"public"."orders"')).toEqual(['orders']);
    expect(jobs('staging.orders')).toEqual([]);
  });
  it('matches a qualified name in code to an unqualified contract table', () => {
    expect(jobs('sales.order_items')).toEqual(['bare_items']);
  });
  it('folds unquoted names and keeps quoted ones exact', () => {
    expect(jobs('PUBLIC.Orders')).toEqual(['orders']);
    expect(jobs('"apiKeys"')).toEqual(['keys']);
    expect(jobs('apikeys')).toEqual([]);
    expect(jobs('"Orders"')).toEqual([]);
  });
  it('matches a contract name written without quotes to the same spelling quoted in code', () => {
    const r = new Registry([contract('users', ['User']), contract('exact', ['"Team"'])]);
    const ids = (code: string) => matchTable(code, r).map((m) => m.contract.jobId);
    expect(ids('"User"')).toEqual(['users']);
    expect(ids('user')).toEqual(['users']);
    expect(ids('"public"."User"')).toEqual(['users']);
    expect(ids('"USER"')).toEqual([]);
    expect(ids('"Team"')).toEqual(['exact']);
    expect(ids('team')).toEqual([]);
  });
  it('compares the database part when both have it', () => {
    expect(jobs('shop.sales.invoices')).toEqual(['warehouse']);
    expect(jobs('sales.invoices')).toEqual(['warehouse']);
    expect(jobs('other.sales.invoices')).toEqual([]);
  });
  it('resolves unqualified names to the default schema when configured', () => {
    expect(jobs('orders', { defaultSchema: 'public' })).toEqual(['orders']);
  });
  it('ignores retired contracts and names that are not table names', () => {
    expect(jobs('legacy')).toEqual([]);
    expect(jobs('a b c')).toEqual([]);
  });
});

describe('source_repo', () => {
  it('normalises ssh, https and bare forms', () => {
    for (const url of [
      'git@github.com:MyCo/Shop.git',
      'https://github.com/myco/shop',
      'ssh://git@github.com:22/myco/shop.git',
      'https://user:tok@github.com/myco/shop.git/',
    ]) {
      expect(normalizeRepo(url)).toBe('github.com/myco/shop');
    }
  });
  it('matches on whole path segments', () => {
    expect(repoMatches('github.com/myco/shop', ['git@github.com:myco/shop.git'])).toBe(true);
    expect(repoMatches('myco/shop', ['https://github.com/myco/shop'])).toBe(true);
    expect(repoMatches('myco/shop', ['https://github.com/xmyco/shop'])).toBe(false);
    expect(repoMatches('github.com/myco/shop', ['github.com/myco/shopfront'])).toBe(false);
  });
});

describe('acknowledgedJobIds', () => {
  it('reads trailers, several per line, case-insensitively, ignoring comments and the scissors', () => {
    const message =
      'Add status\n\nbody\n\nData-Contract-Ack: Orders_Postgres, billing\ndata-contract-ack: x\n# Data-Contract-Ack: commented\n# ------------------------ >8 ------------------------\nData-Contract-Ack: below\n';
    expect([...acknowledgedJobIds([message])].sort()).toEqual(['billing', 'orders_postgres', 'x']);
  });
});
