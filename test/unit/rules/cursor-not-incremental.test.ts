import { describe, expect, it } from 'vitest';
import { contractYaml, validateTexts } from '../../helpers/validate.js';

const table = 'source_tables:\n  - name: t\n    columns: [id, ts]\n    cursor_column: ts';

describe('rule cursor-not-incremental', () => {
  it.each(['full', 'cdc'])('warns about a cursor on a %s job, at the key', (type) => {
    const r = validateTexts({ 'c.yaml': contractYaml('c', `ingestion_type: ${type}\n${table}`) });
    expect(r.diagnostics.map((d) => [d.rule, d.line, d.column, d.severity])).toEqual([
      ['cursor-not-incremental', 11, 5, 'warning'],
    ]);
    expect(r.diagnostics[0]!.message).toContain(`a ${type} job`);
  });
  it('is quiet on an incremental job', () => {
    const r = validateTexts({ 'c.yaml': contractYaml('c', `ingestion_type: incremental\n${table}`) });
    expect(r.diagnostics).toEqual([]);
  });
  it('can be made an error in the config', () => {
    const r = validateTexts(
      { 'c.yaml': contractYaml('c', table) },
      { rules: { 'cursor-not-incremental': 'error' } },
    );
    expect(r.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});
