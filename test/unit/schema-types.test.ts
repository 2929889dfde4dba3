import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { contractSchema } from '../../src/contract/schema.js';
import {
  COLUMN_FIELDS,
  CONTRACT_FIELDS,
  INGESTION_TYPES,
  POLICIES,
  SOURCE_TYPES,
  STATUSES,
  TABLE_FIELDS,
} from '../../src/contract/types.js';
import { SEVERITIES } from '../../src/severity/severity.js';

const schema = contractSchema() as {
  properties: Record<string, { enum?: unknown[]; anyOf?: { enum?: unknown[] }[] }>;
  required: string[];
  definitions: Record<string, { enum?: unknown[] }>;
};

describe('the JSON Schema and the TypeScript types agree', () => {
  it('compiles in ajv strict mode', () => {
    expect(() => new Ajv({ strict: true, allErrors: true }).compile(contractSchema())).not.toThrow();
  });
  it('has the same top-level fields', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(CONTRACT_FIELDS).sort());
  });
  it.each([
    ['ingestion_type', INGESTION_TYPES],
    ['status', STATUSES],
    ['source_type', SOURCE_TYPES],
  ] as const)('has the same values for %s', (field, values) => {
    expect(schema.properties[field]!.enum).toEqual([...values]);
  });
  it('has the same policies and severities', () => {
    expect(schema.properties.policy!.anyOf![0]!.enum).toEqual([...POLICIES]);
    expect(schema.definitions.severity!.enum).toEqual([...SEVERITIES]);
  });
  it('requires the fields the seed example has, and no others', () => {
    expect([...schema.required].sort()).toEqual(
      [
        'ingestion_jobid',
        'source_host',
        'source_db',
        'ingestion_type',
        'source_owner',
        'ingestion_owner',
      ].sort(),
    );
  });
  it('gives every field a description for editors', () => {
    for (const [field, node] of Object.entries(schema.properties))
      expect((node as { description?: string }).description, field).toBeTruthy();
  });
});

describe('the table and column mappings agree with the schema', () => {
  const definitions = (
    contractSchema() as { definitions: Record<string, { anyOf: { type: string; properties?: object }[] }> }
  ).definitions;
  const mappingKeys = (name: string) =>
    Object.keys(definitions[name]!.anyOf.find((b) => b.type === 'object')!.properties!).sort();
  it('has the same table fields', () => {
    expect(mappingKeys('table')).toEqual([...TABLE_FIELDS].sort());
  });
  it('has the same column fields', () => {
    expect(mappingKeys('column')).toEqual([...COLUMN_FIELDS].sort());
  });
  it('lets source_table and source_tables items be a name or a mapping', () => {
    const validate = new Ajv({ strict: true, allErrors: true }).compile(contractSchema());
    const base = {
      ingestion_jobid: 'a',
      source_host: 'h',
      source_db: 'd',
      ingestion_type: 'full',
      source_owner: 'a@example.com',
      ingestion_owner: 'b@example.com',
    };
    expect(validate({ ...base, source_table: 'public.a', source_tables: ['b'] })).toBe(true);
    expect(
      validate({
        ...base,
        source_table: { name: 'public.a', columns: ['id'], 'x-note': 1 },
        source_tables: [
          {
            name: 'b',
            columns: [{ name: 'id', type: 'int4', nullable: false }],
            key_columns: ['id'],
            cursor_column: 'id',
          },
        ],
      }),
    ).toBe(true);
    expect(validate({ ...base, source_tables: [{ name: 'b', column: ['id'] }] })).toBe(false);
    expect(validate({ ...base, source_tables: [{ columns: ['id'] }] })).toBe(false);
    expect(validate({ ...base, source_tables: [{ name: 'b', columns: [] }] })).toBe(false);
  });
});
