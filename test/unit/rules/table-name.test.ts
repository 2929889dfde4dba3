import { describe, expect, it } from 'vitest';
import { contractYaml, pairs, validateTexts } from '../../helpers/validate.js';

describe('rule table-name', () => {
  it('reports malformed names at their list item', () => {
    const yaml = contractYaml('t', 'source_tables:\n  - public.orders\n  - "public orders"\n  - a.b.c.d');
    const r = validateTexts({ 't.yaml': yaml });
    expect(pairs(r.diagnostics)).toEqual([
      ['table-name', 10],
      ['table-name', 11],
    ]);
    expect(r.diagnostics[1]!.message).toContain('too many parts');
  });
  it('accepts quoted identifiers of every dialect', () => {
    const yaml = contractYaml('t', `source_tables: ['"Sales"."Order Items"', "[dbo].[T]", "\`p-1\`.ds.t"]`);
    expect(validateTexts({ 't.yaml': yaml }).diagnostics).toEqual([]);
  });
});

describe('rule table-name on a table written as a mapping', () => {
  it('checks the name of the mapping', () => {
    const r = validateTexts({
      't.yaml': contractYaml('t', 'source_tables:\n  - name: "a..b"\n    columns: [id]'),
    });
    expect(r.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([['table-name', 9, 11]]);
  });
});
