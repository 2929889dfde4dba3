import { describe, expect, it } from 'vitest';
import { contractYaml, validateTexts } from '../../helpers/validate.js';

describe('rule duplicate-jobid', () => {
  it('reports both places, naming the other file and line, case-insensitively', () => {
    const r = validateTexts({
      'a/orders.yaml': contractYaml('orders'),
      'b/orders.yaml': '# moved\n' + contractYaml('ORDERS'),
    });
    const found = r.diagnostics.filter((d) => d.rule === 'duplicate-jobid');
    expect(found.map((d) => [d.file, d.line])).toEqual([
      ['a/orders.yaml', 1],
      ['b/orders.yaml', 2],
    ]);
    expect(found[0]!.message).toContain('b/orders.yaml:2');
    expect(found[1]!.message).toContain('a/orders.yaml:1');
    expect(found[0]!.hint).toBeTruthy();
  });
  it('is quiet for distinct ids', () => {
    const r = validateTexts({ 'a.yaml': contractYaml('a'), 'b.yaml': contractYaml('b') });
    expect(r.diagnostics).toEqual([]);
  });
});
