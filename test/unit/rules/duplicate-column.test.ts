import { describe, expect, it } from 'vitest';
import { contractYaml, validateTexts } from '../../helpers/validate.js';

describe('rule duplicate-column', () => {
  it('finds a column listed twice, bare or as a mapping, at the second entry', () => {
    const r = validateTexts({
      'd.yaml': contractYaml(
        'd',
        'source_tables:\n  - name: t\n    columns:\n      - id\n      - name: id\n        type: int4',
      ),
    });
    expect(r.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([['duplicate-column', 12, 15]]);
    expect(r.diagnostics[0]!.message).toBe('column "id" is listed twice in columns of "t"');
    expect(r.diagnostics[0]!.hint).toBeTruthy();
  });
  it('finds a key column listed twice', () => {
    const r = validateTexts({
      'd.yaml': contractYaml('d', 'source_table:\n  name: t\n  key_columns: [a, b, a]'),
    });
    expect(r.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([['duplicate-column', 10, 23]]);
    expect(r.diagnostics[0]!.message).toContain('key_columns');
  });
  it('keeps names that differ only in case apart (quoted identifiers may)', () => {
    const r = validateTexts({ 'd.yaml': contractYaml('d', 'source_table:\n  name: t\n  columns: [Id, id]') });
    expect(r.diagnostics).toEqual([]);
  });
});
