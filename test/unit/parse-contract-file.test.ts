import { describe, expect, it } from 'vitest';
import { parseContractFile } from '../../src/parse/parse-contract-file.js';
import type { Rule } from '../../src/validate/rule.js';
import { RULES } from '../../src/validate/rules/index.js';
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

describe('plain data only', () => {
  const rules = (text: string) =>
    parseContractFile('t.yaml', enc(text)).diagnostics.map((d) => [d.rule, d.line]);

  it('refuses !!binary, !!set, !!omap, !!timestamp and custom tags as yaml-tag, naming the tag', () => {
    const r = parseContractFile(
      't.yaml',
      enc('a: !!binary aGVsbG8=\nb: !!set {x}\nc: !!omap [x: 1]\nd: !!timestamp 2020-01-01\ne: !Ref Param\n'),
    );
    expect(r.diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['yaml-tag', 1],
      ['yaml-tag', 2],
      ['yaml-tag', 3],
      ['yaml-tag', 4],
      ['yaml-tag', 5],
    ]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'YAML tag !!binary is not allowed',
      'YAML tag !!set is not allowed',
      'YAML tag !!omap is not allowed',
      'YAML tag !!timestamp is not allowed',
      'YAML tag !Ref is not allowed',
    ]);
    expect(r.data).toBeUndefined();
  });

  it('lets the plain tags restate plain values', () => {
    const r = parseContractFile(
      't.yaml',
      enc('a: !!str 5\nb: !!int "7"\nc: !!map {x: !!null ""}\nd: !!seq [!!bool true]\n'),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.data).toEqual({ a: '5', b: 7, c: { x: null }, d: [true] });
  });

  it('reads valid UTF-8 holding U+FFFD as text, and points at the first byte that is not UTF-8', () => {
    const r = parseContractFile('t.yaml', enc('a: "replacement \uFFFD char"\n'));
    expect(r.diagnostics).toEqual([]);
    expect(r.data).toEqual({ a: 'replacement \uFFFD char' });
    const latin1 = new Uint8Array([...enc('a: \uFFFD ok\nb: caf'), 0xe9, 0x0a]);
    expect(parseContractFile('t.yaml', latin1).diagnostics).toMatchObject([
      { rule: 'encoding', line: 2, column: 7 },
    ]);
    const overlong = new Uint8Array([...enc('a: '), 0xc0, 0xaf]);
    expect(parseContractFile('t.yaml', overlong).diagnostics).toMatchObject([
      { rule: 'encoding', line: 1, column: 4 },
    ]);
  });

  it('reports NUL and other control characters in values and keys, escaped or raw', () => {
    expect(
      rules('a: "x\\0y"\nb: "\\x07"\n"c\\x1b": 1\nd: "tab\\tand\\nnewline are fine"\ne: "\x01raw"\n'),
    ).toEqual([
      ['control-character', 1],
      ['control-character', 2],
      ['control-character', 3],
      ['control-character', 5],
    ]);
    expect(parseContractFile('t.yaml', enc('a: "x\\0"\n')).diagnostics[0]!.message).toContain('U+0000');
  });

  it('finds a key written twice in linear time, and an alias that contains itself', () => {
    expect(rules('a: 1\nb: 2\na: 3\n')).toEqual([['duplicate-key', 3]]);
    expect(rules('a: &a [1, *a]\n')).toEqual([['alias-cycle', 1]]);
    expect(rules('a: &a\n  b: *a\n')).toEqual([['alias-cycle', 2]]);
    const keys = Array.from({ length: 999 }, (_, i) => `k${i}: ${i}`).join('\n');
    expect(rules(`${keys}\nk5: again\n`)).toEqual([['duplicate-key', 1000]]);
  });

  it('refuses aliases that nest deeper than the limit', () => {
    const chain = ['a0: &a0 [x]', ...Array.from({ length: 40 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}]`)];
    const r = parseContractFile('t.yaml', enc(chain.join('\n')));
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['too-deep']);
    expect(r.diagnostics[0]!.line).toBe(2);
  });

  it('lets owners be shared through an alias', () => {
    const r = validateTexts({ 's.yaml': contractYaml('s', 'x-people: &p [a@example.com]\nx-again: *p') });
    expect(r.diagnostics).toEqual([]);
  });
});

describe('one file breaking the code leaves the others unharmed', () => {
  it('reports a file whose rule throws as parse-failed and validates the rest', () => {
    const rules = RULES as Map<string, Rule>;
    rules.set('explodes', {
      id: 'explodes',
      scope: 'file',
      severity: 'error',
      description: 'test rule',
      check(file) {
        if (file.file === 'bad.yaml') throw new RangeError('Maximum call stack size exceeded');
      },
    });
    try {
      const r = validateTexts({ 'bad.yaml': contractYaml('bad'), 'good.yaml': contractYaml('good') });
      expect(r.contracts.map((c) => c.jobId)).toEqual(['good']);
      expect(r.diagnostics).toMatchObject([
        { file: 'bad.yaml', rule: 'parse-failed', severity: 'error', line: 1 },
      ]);
      expect(r.diagnostics[0]!.message).toContain('Maximum call stack size exceeded');
    } finally {
      rules.delete('explodes');
    }
  });
});
