import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dcr } from '../remind/run-dcr.js';
import { startSmtp } from '../remind/smtp.js';
import { tempRepo, type TempRepo } from '../stale/helpers.js';

/** An ODCS v3.1.0 document as a team would keep it: owners as team roles, dcr's extras as custom properties. */
const ORDERS = `apiVersion: v3.1.0
kind: DataContract
id: orders_odcs
name: Shop orders
version: 2.1.0
status: active
description:
  purpose: Hourly extract of shop orders.
  usage: Finance dashboards
servers:
  - server: prod
    type: postgres
    host: shop-db.internal
    port: 5432
    database: shop
    schema: public
  - server: dev
    type: postgres
    host: localhost
    port: 5432
    database: shop_dev
    schema: public
schema:
  - name: orders
    physicalName: public.orders
    physicalType: table
    properties:
      - name: id
        physicalType: bigint
        required: true
        primaryKey: true
      - name: updated_at
        physicalType: timestamptz
team:
  name: Shop
  members:
    - username: shop-team@example.com
      role: sourceOwner
    - username: data-eng@example.com
      role: ingestionOwner
      name: Data Engineering
slaProperties:
  - property: frequency
    value: 1
    unit: hours
customProperties:
  - property: ingestion_type
    value: incremental
tags: [finance]
`;

const EVENTS = `apiVersion: v3.0.2
kind: DataContract
id: events_odcs
version: 1.0.0
status: active
servers:
  - server: events
    type: kafka
    host: broker.internal:9092
    customProperties:
      - property: source_db
        value: events-cluster
schema:
  - name: clicks
    physicalType: topic
team:
  - username: web@example.com
    role: sourceOwner
  - username: stream@example.com
    role: ingestionOwner
customProperties:
  - property: ingestion_type
    value: stream
`;

const NOW = '2026-06-01';

describe(
  'ODCS files in the contracts folder are contracts (built CLI, real git, real SMTP)',
  { timeout: 300_000 },
  () => {
    let repo: TempRepo;
    beforeAll(() => {
      repo = tempRepo();
      repo.write('contracts/orders_odcs.odcs.yaml', ORDERS);
      repo.write('contracts/events_odcs.odcs.yaml', EVENTS);
      repo.write('db/001.sql', 'CREATE TABLE orders (id bigint);\n');
      repo.commit('contracts', '2025-01-01T00:00:00Z');
    });
    afterAll(() => repo.cleanup());

    it('dcr validate reads them through the mapping', async () => {
      const r = await dcr(repo.dir, ['validate', '--format', 'json']);
      expect(JSON.parse(r.stdout)).toEqual({ ok: true, contracts: 2, diagnostics: [] });
      expect(r.code).toBe(0);
    });

    it('dcr check names the owners from the ODCS team for a change to an ODCS table', async () => {
      repo.write('db/002.sql', 'ALTER TABLE public.orders DROP COLUMN updated_at;\n');
      repo.git(['add', 'db/002.sql']);
      const r = await dcr(repo.dir, ['check', '--staged', '--format', 'json']);
      const json = JSON.parse(r.stdout);
      const finding = json.findings.find((f: { contract: string }) => f.contract === 'orders_odcs');
      expect(finding).toMatchObject({
        table: 'public.orders',
        file: 'db/002.sql',
        owners: { source: ['shop-team@example.com'], ingestion: ['data-eng@example.com'] },
      });
      repo.git(['reset', '-q', 'db/002.sql']);
    });

    it('dcr stale lists them, with the .odcs.yaml file and owners', async () => {
      const r = await dcr(repo.dir, ['stale', '--now', NOW, '--format', 'json']);
      const stale = JSON.parse(r.stdout).stale as { contract: string; file: string }[];
      expect(stale.map((s) => [s.contract, s.file]).sort()).toEqual([
        ['events_odcs', 'contracts/events_odcs.odcs.yaml'],
        ['orders_odcs', 'contracts/orders_odcs.odcs.yaml'],
      ]);
    });

    it('dcr remind sends the ODCS owners their digests', async () => {
      repo.write('dcr.config.yaml', 'reminders:\n  from: dcr@example.com\n');
      const smtp = await startSmtp();
      try {
        const r = await dcr(repo.dir, ['remind', '--now', NOW, '--format', 'json'], {
          DCR_SMTP_URL: smtp.url,
        });
        expect(r.code).toBe(0);
        const to = smtp.received.flatMap((m) => m.to).sort();
        expect(to).toEqual([
          'data-eng@example.com',
          'shop-team@example.com',
          'stream@example.com',
          'web@example.com',
        ]);
        const shop = smtp.received.find((m) => m.to[0] === 'shop-team@example.com')!;
        expect(shop.text).toContain('orders_odcs');
      } finally {
        await smtp.close();
      }
    });

    it('the catalog shows them with their owners and tables', async () => {
      const r = await dcr(repo.dir, ['site', 'build', '--out', '_site', '--now', NOW]);
      expect(r.code).toBe(0);
      const registry = JSON.parse(readFileSync(join(repo.dir, '_site/registry.json'), 'utf8'));
      const byId = Object.fromEntries(registry.contracts.map((c: { jobId: string }) => [c.jobId, c]));
      expect(byId.orders_odcs).toMatchObject({
        file: 'contracts/orders_odcs.odcs.yaml',
        sourceHost: 'shop-db.internal',
        sourceDb: 'shop',
        sourceType: 'postgres',
        tables: ['public.orders'],
        frequencyMinutes: 60,
        ingestionType: 'incremental',
        owners: { source: ['shop-team@example.com'], ingestion: ['data-eng@example.com'] },
        description: 'Hourly extract of shop orders.',
      });
      expect(byId.events_odcs).toMatchObject({
        tables: ['clicks'],
        owners: { source: ['web@example.com'], ingestion: ['stream@example.com'] },
      });
      const page = readFileSync(join(repo.dir, '_site/contracts/orders_odcs.html'), 'utf8');
      expect(page).toContain('mailto:shop-team@example.com');
      expect(page).toContain('public.orders');
    });
  },
);
