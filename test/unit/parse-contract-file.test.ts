import { describe, expect, it } from 'vitest';
import { parseContractFile } from '../../src/parse/parse-contract-file.js';
import { contractYaml, validateTexts } from '../helpers/validate.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseContractFile', () => {
  it('reads YAML 1.2: yes/no/on stay strings, no sexagesimal numbers', () => {
    const r = parseContractFile('a.yaml', enc('a: yes\nb: no\nc: on\nd: 1:30\n'));
    expect(r.data).toEqual({ a: 'yes', b: 'no', c: 'on', d: '1:30' });
  });
  it('keeps __proto__ as a plain key that the schema refuses, without polluting prototypes', () => {
    const r = validateTexts({ 'p.yaml': contractYaml('p', '__proto__:\n  polluted: true') });
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['unknown-field']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.contracts).toEqual([]);
  });
  it('blames the key of an unknown field, with a suggestion', () => {
    const r = validateTexts({ 'u.yaml': contractYaml('u', '  \nsource_ower: a@example.com') });
    expect(r.diagnostics).toMatchObject([{ rule: 'unknown-field', line: 9, column: 1 }]);
    expect(r.diagnostics[0]!.message).toContain('did you mean "source_owner"');
  });
  it('lets x- keys through', () => {
    expect(validateTexts({ 'x.yaml': contractYaml('x', 'x-anything: {a: [1, 2]}') }).diagnostics).toEqual([]);
  });
  it('accepts CRLF line endings with right positions', () => {
    const r = validateTexts({ 'c.yaml': contractYaml('c', 'source_db: 5').replace(/\n/g, '\r\n') });
    expect(r.diagnostics).toMatchObject([{ rule: 'invalid-type', line: 7, column: 12 }]);
  });
  it('never throws on arbitrary bytes', () => {
    for (let seed = 1; seed < 200; seed++) {
      const bytes = new Uint8Array(64).map((_, i) => (seed * 31 + i * 17) % 256);
      expect(() => validateTexts({ 'r.yaml': new TextDecoder().decode(bytes) })).not.toThrow();
      expect(() => parseContractFile('r.yaml', bytes)).not.toThrow();
    }
  });
});
