import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { buildCatalogSite } from '../../src/site/site-command.js';
import { TempRepo } from '../helpers/git-repo.js';
import { schemaProblems } from '../server/api-schema.js';

const contract = (id: string, type: string, tables: string) => `ingestion_jobid: ${id}
source_host: shop-db.internal
source_db: shop
ingestion_type: ${type}
ingestion_frequency_minutes: 60
source_owner: dev@example.com
ingestion_owner: data@example.com
source_tables:
${tables}
`;

describe('catalog: columns per source table', () => {
  let repo: TempRepo;
  let out: string;
  const read = (path: string) => readFileSync(join(out, path), 'utf8');

  beforeAll(async () => {
    repo = new TempRepo('dcr-site-cols-');
    repo.write(
      'contracts/orders_inc.yaml',
      contract(
        'orders_inc',
        'incremental',
        `  - public.customers
  - name: public.orders
    columns:
      - id
      - { name: updated_at, type: timestamptz, nullable: false }
      - { name: note, type: "<b>text</b>", nullable: true }
    key_columns: [id]
    cursor_column: updated_at`,
      ),
    );
    repo.write(
      'contracts/orders_cdc.yaml',
      contract('orders_cdc', 'cdc', '  - name: sales.orders\n    key_columns: [order_id]'),
    );
    repo.git('add', '.');
    repo.git('commit', '-q', '-m', 'contracts');
    out = join(repo.dir, '_site');
    await buildCatalogSite(loadConfig(repo.dir), {
      env: {},
      now: new Date('2026-06-01T00:00:00Z'),
      out,
      baseUrl: undefined,
    });
  });
  afterAll(() => repo.remove());

  /** The rows of the column tables in a page, as text cells. */
  const rows = (page: string) =>
    [...page.matchAll(/<table class="who columns">([\s\S]*?)<\/table>/g)].map((t) =>
      [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
        .slice(1)
        .map((r) =>
          [...r[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()),
        ),
    );

  it('shows a column table on the contract page for each table with columns, key and cursor marked', () => {
    const page = read('contracts/orders_inc.html');
    expect(page).toContain('Columns the job reads');
    expect(rows(page)).toEqual([
      [
        ['id', '', '', 'key'],
        ['updated_at', 'timestamptz', 'no', 'cursor'],
        ['note', '&lt;b&gt;text&lt;/b&gt;', 'yes', ''],
      ],
    ]);
    expect(page).not.toContain('<b>text</b>');
  });

  it('lists key columns when the contract names no columns', () => {
    expect(rows(read('contracts/orders_cdc.html'))).toEqual([[['order_id', '', '', 'key']]]);
  });

  it('shows on a table page which columns each contract reads of it', () => {
    const page = read('tables/orders.html');
    expect(page).toContain('Columns read');
    expect(page).toMatch(/orders_inc<\/a> reads <code>public\.orders<\/code>/);
    expect(page).toMatch(/orders_cdc<\/a> reads <code>sales\.orders<\/code>/);
    expect(rows(page)).toHaveLength(2);
    expect(read('tables/customers.html')).not.toContain('Columns read');
  });

  it('carries the columns in registry.json and the contract JSON', () => {
    const reg = JSON.parse(read('registry.json')) as { contracts: Record<string, unknown>[] };
    const inc = reg.contracts.find((c) => c.jobId === 'orders_inc')!;
    expect(inc.tables).toEqual(['public.customers', 'public.orders']);
    expect(inc.tableColumns).toEqual({
      'public.orders': {
        columns: [
          { name: 'id' },
          { name: 'updated_at', type: 'timestamptz', nullable: false },
          { name: 'note', type: '<b>text</b>', nullable: true },
        ],
        keyColumns: ['id'],
        cursorColumn: 'updated_at',
      },
    });
    expect(schemaProblems('registry', reg)).toEqual([]);
    expect(JSON.parse(read('contracts/orders_cdc.json')).contract.tableColumns).toEqual({
      'sales.orders': { keyColumns: ['order_id'] },
    });
  });
});
