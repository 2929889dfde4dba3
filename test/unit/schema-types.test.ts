import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { contractSchema } from '../../src/contract/schema.js';
import {
  CONTRACT_FIELDS,
  INGESTION_TYPES,
  POLICIES,
  SOURCE_TYPES,
  STATUSES,
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
