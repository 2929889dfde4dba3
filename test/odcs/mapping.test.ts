import { describe, expect, it } from 'vitest';
import { exportOdcs } from '../../src/odcs/export-odcs.js';
import { importOdcs } from '../../src/odcs/import-odcs.js';
import { officialErrors } from './helpers.js';

const base = { apiVersion: 'v3.1.0', kind: 'DataContract', id: 'orders', version: '1.0.0', status: 'active' };
const contract = {
  ingestion_jobid: 'orders',
  status: 'active',
  source_host: 'db.internal',
  source_db: 'shop',
  source_type: 'postgres',
  source_table: 'public.orders',
  ingestion_type: 'full',
  ingestion_frequency_minutes: 60,
  source_owner: 'src@example.com',
  ingestion_owner: 'ing@example.com',
};

describe('ODCS → dcr mapping rules', () => {
  it('reads the first server as the source and keeps the others, in order, for export', () => {
    const odcs = {
      ...base,
      servers: [
        {
          server: 'prod',
          type: 'postgres',
          host: 'prod.internal',
          port: 5432,
          database: 'shop',
          schema: 'public',
        },
        {
          server: 'dev',
          type: 'postgres',
          host: 'dev.internal',
          port: 5432,
          database: 'shop',
          schema: 'public',
        },
        { server: 'lake', type: 's3', location: 's3://lake/orders/' },
      ],
    };
    const { doc } = importOdcs(odcs);
    expect(doc).toMatchObject({ source_host: 'prod.internal', source_db: 'shop', source_type: 'postgres' });
    expect(doc['x-odcs']).toEqual({
      server: { server: 'prod', port: 5432, schema: 'public' },
      servers: odcs.servers.slice(1),
    });
    expect(exportOdcs(doc)).toEqual(odcs);
  });

  it('takes every schema object as a table, columns with type, nullability and key order', () => {
    const odcs = {
      ...base,
      schema: [
        {
          name: 'order_lines',
          properties: [
            { name: 'line', physicalType: 'int', primaryKey: true, primaryKeyPosition: 2 },
            {
              name: 'order_id',
              physicalType: 'bigint',
              required: true,
              primaryKey: true,
              primaryKeyPosition: 1,
            },
            { name: 'note', required: false },
            { name: 'sku' },
          ],
          customProperties: [{ property: 'cursor_column', value: 'line' }],
        },
        { name: 'customers' },
      ],
    };
    const { doc } = importOdcs(odcs);
    expect(doc.source_tables).toEqual([
      {
        name: 'order_lines',
        columns: [
          { name: 'line', type: 'int' },
          { name: 'order_id', type: 'bigint', nullable: false },
          { name: 'note', nullable: true },
          'sku',
        ],
        key_columns: ['order_id', 'line'],
        cursor_column: 'line',
      },
      'customers',
    ]);
    expect(doc['x-odcs']).toBeUndefined();
    expect(exportOdcs(doc)).toEqual(odcs);
  });

  it('reads a frequency in hours as minutes and gives the unit back while it divides', () => {
    const odcs = { ...base, slaProperties: [{ property: 'frequency', value: 2, unit: 'hours' }] };
    const { doc } = importOdcs(odcs);
    expect(doc.ingestion_frequency_minutes).toBe(120);
    expect(exportOdcs(doc)).toEqual(odcs);
    // Changed to a value that is no whole number of hours: minutes, spelled out.
    expect(exportOdcs({ ...doc, ingestion_frequency_minutes: 90 }).slaProperties).toEqual([
      { property: 'frequency', value: 90, unit: 'minutes' },
    ]);
  });

  it('leaves a frequency it cannot read exactly (a bare `m`, extra fields) as it is', () => {
    const odcs = { ...base, slaProperties: [{ property: 'frequency', value: 5, unit: 'm' }] };
    const { doc } = importOdcs(odcs);
    expect(doc.ingestion_frequency_minutes).toBeUndefined();
    expect(exportOdcs(doc)).toEqual(odcs);
  });

  it('turns an id that is no job id into one, and keeps the original', () => {
    const odcs = { ...base, id: 'urn:datacontract:orders v2' };
    const { doc } = importOdcs(odcs);
    expect(doc.ingestion_jobid).toBe('urn_datacontract_orders_v2');
    expect(exportOdcs(doc)).toEqual(odcs);
  });

  it('keeps a status dcr does not know and lets dcr see the contract as active', () => {
    const odcs = { ...base, status: 'proposed' };
    const { doc } = importOdcs(odcs);
    expect(doc.status).toBeUndefined();
    expect(exportOdcs(doc)).toEqual(odcs);
  });

  it('names what is missing, where it would go', () => {
    const { missing } = importOdcs({
      ...base,
      team: { name: 'x' },
      servers: [{ server: 's', type: 'kafka', host: 'b:9092' }],
    });
    expect(missing).toEqual([
      { field: 'source_db', at: ['servers', 0] },
      { field: 'ingestion_type', at: [] },
      { field: 'source_owner', at: ['team'] },
      { field: 'ingestion_owner', at: ['team'] },
    ]);
  });
});

describe('dcr → ODCS mapping rules', () => {
  it('writes a server type only when dcr has every field the official schema requires for it', () => {
    const odcs = exportOdcs(contract);
    // postgres needs port and schema, which a dcr contract does not say: custom, type kept.
    expect(odcs.servers).toEqual([
      {
        server: 'source',
        type: 'custom',
        host: 'db.internal',
        database: 'shop',
        customProperties: [{ property: 'source_type', value: 'postgres' }],
      },
    ]);
    expect(officialErrors(odcs)).toEqual([]);
    // With the fields an import kept, the real type.
    const kept = { ...contract, 'x-odcs': { server: { server: 'prod', port: 5432, schema: 'public' } } };
    expect((exportOdcs(kept).servers as object[])[0]).toMatchObject({
      type: 'postgres',
      host: 'db.internal',
    });
    expect(importOdcs(exportOdcs(kept)).doc).toEqual(kept);
  });

  it('puts what a server type has no field for in its custom properties (kafka: the cluster)', () => {
    const odcs = exportOdcs({ ...contract, source_type: 'kafka', ingestion_type: 'stream' });
    expect((odcs.servers as object[])[0]).toEqual({
      server: 'source',
      type: 'kafka',
      host: 'db.internal',
      customProperties: [{ property: 'source_db', value: 'shop' }],
    });
    expect(officialErrors(odcs)).toEqual([]);
  });

  it('writes owners as team members with roles, the frequency in minutes, the rest as custom properties', () => {
    const odcs = exportOdcs({ ...contract, policy: 'block', 'x-team-note': { a: 1 } });
    expect(odcs).toMatchObject({
      team: {
        members: [
          { username: 'src@example.com', role: 'sourceOwner' },
          { username: 'ing@example.com', role: 'ingestionOwner' },
        ],
      },
      slaProperties: [{ property: 'frequency', value: 60, unit: 'minutes' }],
      customProperties: [
        { property: 'ingestion_type', value: 'full' },
        { property: 'policy', value: 'block' },
        { property: 'x-team-note', value: { a: 1 } },
      ],
    });
    expect(officialErrors(odcs)).toEqual([]);
  });

  it('keeps the spelling of a contract that differs from what import would choose', () => {
    const doc = {
      ingestion_jobid: 'seed',
      source_host: 'h',
      source_db: 'd',
      source_tables: ['only_one'],
      ingestion_type: 'full',
      ingestion_frequency_minutes: '60',
      source_owner: ['a@example.com'],
      ingestion_owner: 'b@example.com',
    };
    const odcs = exportOdcs(doc);
    expect((odcs.customProperties as { property: string }[]).map((c) => c.property)).toContain('dcr_shape');
    expect(importOdcs(odcs).doc).toEqual(doc);
  });
});
