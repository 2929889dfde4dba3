import { describe, expect, it } from 'vitest';
import { contractYaml, pairs, validateTexts } from '../../helpers/validate.js';

describe('rule duplicate-table', () => {
  it('finds the same table across source_table and source_tables, case-insensitively', () => {
    const yaml = contractYaml(
      'd',
      'source_table: public.orders\nsource_tables: [PUBLIC.ORDERS, public.items]',
    );
    const r = validateTexts({ 'd.yaml': yaml });
    expect(pairs(r.diagnostics)).toEqual([['duplicate-table', 9]]);
    expect(r.contracts[0]!.tables).toEqual(['public.orders', 'PUBLIC.ORDERS', 'public.items']);
  });
  it('keeps quoted names of different case apart', () => {
    const yaml = contractYaml('d', `source_tables: ['"apiKeys"', apikeys]`);
    expect(validateTexts({ 'd.yaml': yaml }).diagnostics).toEqual([]);
  });
});

describe('rule duplicate-table with tables written as mappings', () => {
  it('compares a mapping by its name, and points at the name', () => {
    const yaml = contractYaml(
      'd',
      'source_table: public.orders\nsource_tables:\n  - name: Public.Orders\n    columns: [id]',
    );
    const r = validateTexts({ 'd.yaml': yaml });
    expect(r.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([['duplicate-table', 10, 11]]);
  });
});
