// /api/tables honours schema and database as `dcr check` does, and every answer of the API (and
// registry.json, contracts/<jobid>.json) conforms to the published JSON Schemas. Real server on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import type { TempRepo } from '../helpers/git-repo.js';
import { schemaProblems } from './api-schema.js';
import { tablesRepo } from './tables-repo.js';

describe('dcr serve: tables by the name people type', () => {
  let repo: TempRepo;
  let server: RunningServer;
  const get = async (path: string) => {
    const r = await fetch(server.url + path.replace(/^\//, ''));
    return { status: r.status, body: (await r.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  /** GET, check the answer against its schema definition, and give the body. */
  const answer = async (path: string, definition: string, status = 200) => {
    const r = await get(path);
    expect(r.status, path).toBe(status);
    expect(schemaProblems(definition, r.body), path).toEqual([]);
    return r.body;
  };
  const readers = async (name: string) =>
    (await answer(`/api/tables/${encodeURIComponent(name)}`, 'tableContacts')).contracts.map(
      (c: { contract: string }) => c.contract,
    );

  beforeAll(async () => {
    repo = tablesRepo();
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
    repo?.remove();
  });

  it('a schema-qualified name answers only with that schema (and contracts that give none)', async () => {
    const r = await answer('/api/tables/sales.orders', 'tableContacts');
    expect(r.contracts.map((c: { contract: string }) => c.contract)).toEqual(['legacy_bare', 'shop_sales']);
    expect(r.matches).toEqual(['orders', 'sales.orders']);
    expect(r.table).toBe('orders');
    expect(r.name).toBe('sales.orders');
    expect(r.contacts.source).toEqual(['bare@example.com', 'sales@example.com']);
    expect(await readers('SALES.Orders')).toEqual(['legacy_bare', 'shop_sales']);
    expect(await readers('public.orders')).toEqual(['legacy_bare', 'old_orders', 'shop_public']);
  });

  it('a bare name lists every schema, each contract with the tables it matched', async () => {
    const r = await answer('/api/tables/orders', 'tableContacts');
    expect(r.matches).toEqual(['erp.dbo.orders', 'orders', 'public.orders', 'sales.orders']);
    expect(r.contracts).toContainEqual(
      expect.objectContaining({ contract: 'shop_public', tables: ['public.orders'], status: 'active' }),
    );
    expect(r.contracts.map((c: { contract: string }) => c.contract)).toEqual([
      'erp_orders',
      'legacy_bare',
      'old_orders',
      'shop_public',
      'shop_sales',
    ]);
  });

  it('lists a retired job, marked, without making its owners contacts', async () => {
    const r = await answer('/api/tables/public.orders', 'tableContacts');
    expect(r.contracts.find((c: { contract: string }) => c.contract === 'old_orders').status).toBe('retired');
    expect(r.contacts.source).toEqual(['bare@example.com', 'pub@example.com']);
  });

  it('honours the database, and quoted names exactly', async () => {
    expect(await readers('erp.dbo.orders')).toEqual(['erp_orders', 'legacy_bare']);
    expect(await readers('other.dbo.orders')).toEqual(['legacy_bare']);
    expect(await readers('reporting."Order Items"')).toEqual(['quoted_items']);
    expect(await readers('"Order Items"')).toEqual(['quoted_items']);
    const folded = await answer(`/api/tables/${encodeURIComponent('"order items"')}`, 'error', 404);
    expect(folded.error.message).toBe('no contract reads a table named ""order items""');
  });

  it('says where a table is listed when the schema asked for has none', async () => {
    const r = await answer('/api/tables/sales.order_items', 'error', 404);
    expect(r.error.message).toBe(
      'no contract reads sales.order_items; contracts list public.order_items (ask for the bare name to see them all)',
    );
    const bad = await answer(`/api/tables/${encodeURIComponent('a b')}`, 'error', 400);
    expect(bad.error.message).toContain('is not a table name; give [db.][schema.]table');
  });

  it('filters the contract list with the same rules', async () => {
    const ids = async (table: string) =>
      (await answer(`/api/contracts?table=${encodeURIComponent(table)}`, 'contractList')).contracts.map(
        (c: { contract: { jobId: string } }) => c.contract.jobId,
      );
    expect(await ids('sales.orders')).toEqual(['legacy_bare', 'shop_sales']);
    expect(await ids('orders')).toHaveLength(5);
    expect((await answer('/api/contracts?table=a..b', 'error', 400)).error.status).toBe(400);
  });

  it('answers every endpoint in the shape its JSON Schema documents', async () => {
    await answer('/healthz', 'health');
    const list = await answer('/api/contracts', 'contractList');
    expect(list.count).toBe(6);
    await answer('/api/contracts/quoted_items', 'contractEntry');
    await answer('/api/contracts/nope', 'error', 404);
    const found = await answer('/api/search?q=orders', 'searchResults');
    expect(found.count).toBeGreaterThan(0);
    await answer('/api/search', 'error', 400);
    const registry = await answer('/registry.json', 'registry');
    expect(registry.contracts).toHaveLength(6);
    expect(registry.catalog[0].lastChange.author).toBe('Test User');
    await answer('/contracts/shop_sales.json', 'contractFile');
  });

  it('a schema that does not fit fails: the check is real', () => {
    expect(
      schemaProblems('health', { ok: true, contracts: -1, generated: 'yesterday', building: false }),
    ).toHaveLength(2);
    expect(
      schemaProblems('tableContacts', {
        table: 'x',
        name: 'x',
        matches: [],
        contracts: [],
        contacts: {},
        extra: 1,
      }).length,
    ).toBeGreaterThan(1);
  });
});
