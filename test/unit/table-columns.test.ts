import { describe, expect, it } from 'vitest';
import { registryFromJson } from '../../src/registry/remote-json.js';
import { contractYaml, validateTexts } from '../helpers/validate.js';

const tables = `ingestion_type: incremental
source_table: public.customers
source_tables:
  - public.customers_archive
  - name: public.orders
    columns:
      - id
      - { name: updated_at, type: timestamptz, nullable: false }
    key_columns: [id]
    cursor_column: updated_at
    x-note: kept as written
  - name: public.refunds
  - name: __proto__
    columns: [polluted]`;

describe('columns in a contract', () => {
  const result = validateTexts({ 'c.yaml': contractYaml('c', tables) });
  const contract = result.contracts[0]!;

  it('keeps `tables` a list of names, strings and mappings alike', () => {
    expect(result.diagnostics).toEqual([]);
    expect(contract.tables).toEqual([
      'public.customers',
      'public.customers_archive',
      'public.orders',
      'public.refunds',
      '__proto__',
    ]);
  });

  it('puts the details of the tables written as mappings in `tableColumns`, by name as written', () => {
    expect(Object.keys(contract.tableColumns!)).toEqual(['public.orders', 'public.refunds', '__proto__']);
    expect(contract.tableColumns!['public.orders']).toEqual({
      columns: [{ name: 'id' }, { name: 'updated_at', type: 'timestamptz', nullable: false }],
      keyColumns: ['id'],
      cursorColumn: 'updated_at',
    });
    expect(contract.tableColumns!['public.refunds']).toEqual({});
    // A table named like an object's prototype is data, not a prototype.
    expect(Object.getPrototypeOf(contract.tableColumns)).toBeNull();
    expect(contract.tableColumns!['__proto__']).toEqual({ columns: [{ name: 'polluted' }] });
    expect(({} as Record<string, unknown>).columns).toBeUndefined();
  });

  it('has no `tableColumns` when every table is a bare name', () => {
    const plain = validateTexts({ 'p.yaml': contractYaml('p', 'source_tables: [a, b]') }).contracts[0]!;
    expect(plain).not.toHaveProperty('tableColumns');
  });

  it('survives a trip through registry.json, and drops what is not of the shape', () => {
    const json = JSON.parse(JSON.stringify({ version: 1, contracts: [contract] })) as {
      contracts: Record<string, unknown>[];
    };
    const back = registryFromJson(json, 'test').contracts[0]!;
    expect(back.tableColumns).toEqual(contract.tableColumns);
    json.contracts[0]!.tableColumns = {
      t: { columns: [{ name: 'a', type: 5, extra: 1 }, 'b'], keyColumns: 'id', cursorColumn: 'a' },
      u: 'nonsense',
    };
    expect(registryFromJson(json, 'test').contracts[0]!.tableColumns).toEqual({
      t: { columns: [{ name: 'a' }], cursorColumn: 'a' },
    });
  });

  it('reports a table mapping without a name, and a misspelt option with its correction', () => {
    const r = validateTexts({
      'd.yaml': contractYaml('d', 'source_tables:\n  - name: a\n    cursor_colum: x\n  - columns: [x]'),
    });
    expect(r.diagnostics.map((d) => [d.rule, d.line, d.column, d.message])).toEqual([
      ['unknown-field', 10, 5, 'unknown field "cursor_colum"; did you mean "cursor_column"?'],
      ['required-field', 11, 5, 'missing required field "name"'],
    ]);
  });
});
