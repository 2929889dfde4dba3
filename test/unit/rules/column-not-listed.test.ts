import { describe, expect, it } from 'vitest';
import { contractYaml, validateTexts } from '../../helpers/validate.js';

const incremental = (table: string) =>
  contractYaml('c', `ingestion_type: incremental\nsource_tables:\n${table}`);

describe('rule column-not-listed', () => {
  it('finds a cursor column missing from the listed columns, and suggests the close one', () => {
    const r = validateTexts({
      'c.yaml': incremental(
        '  - name: public.orders\n    columns: [id, updated_at]\n    cursor_column: updatedat',
      ),
    });
    expect(r.diagnostics.map((d) => [d.rule, d.line, d.column, d.severity])).toEqual([
      ['column-not-listed', 11, 20, 'error'],
    ]);
    expect(r.diagnostics[0]!.message).toBe(
      'cursor column "updatedat" is not among the columns listed for "public.orders"; did you mean "updated_at"?',
    );
    expect(r.diagnostics[0]!.hint).toContain('add "updatedat" to `columns`');
  });
  it('finds each key column missing from the listed columns, at its list item', () => {
    const r = validateTexts({
      'c.yaml': incremental('  - name: t\n    columns:\n      - { name: id }\n    key_columns: [id, tenant]'),
    });
    expect(r.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([['column-not-listed', 12, 23]]);
    expect(r.diagnostics[0]!.message).toContain('key column "tenant"');
  });
  it('says nothing when no columns are listed (the job reads them all)', () => {
    const r = validateTexts({
      'c.yaml': incremental('  - name: t\n    key_columns: [id]\n    cursor_column: ts'),
    });
    expect(r.diagnostics).toEqual([]);
  });
  it('says nothing when key and cursor are listed', () => {
    const r = validateTexts({
      'c.yaml': incremental(
        '  - name: t\n    columns: [id, ts]\n    key_columns: [id]\n    cursor_column: ts',
      ),
    });
    expect(r.diagnostics).toEqual([]);
  });
  it('can be turned off in the config', () => {
    const r = validateTexts(
      { 'c.yaml': incremental('  - name: t\n    columns: [id]\n    cursor_column: ts') },
      { rules: { 'column-not-listed': 'off' } },
    );
    expect(r.diagnostics).toEqual([]);
  });
});
