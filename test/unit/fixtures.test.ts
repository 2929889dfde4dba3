import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContracts } from '../../src/validate/validate.js';
import { FIXTURES } from '../helpers/paths.js';

const folder = (kind: string) => join(FIXTURES, 'contracts', kind);
const read = (kind: string, names: string[]) =>
  names.map((name) => ({ file: name, bytes: readFileSync(join(folder(kind), name)) }));
const yamlFiles = (kind: string) =>
  readdirSync(folder(kind))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();

describe('fixture contracts', () => {
  it('every valid fixture passes with no errors', () => {
    const result = validateContracts(read('valid', yamlFiles('valid')));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.contracts.map((c) => c.jobId).sort()).toEqual(
      yamlFiles('valid').map((f) => f.replace(/\.yaml$/, '')),
    );
  });

  it('the seed example validates as written, with one warning suggesting a number', () => {
    const result = validateContracts(read('valid', ['seed_example.yaml']));
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      rule: 'frequency-string',
      severity: 'warning',
      line: 5,
      column: 30,
    });
    expect(result.diagnostics[0]!.hint).toContain('ingestion_frequency_minutes: 60');
    expect(result.contracts[0]!.frequencyMinutes).toBe(60);
  });

  const expected = JSON.parse(readFileSync(join(folder('invalid'), 'expected.json'), 'utf8')) as Record<
    string,
    [string, number, string?][]
  >;

  it('lists an expectation for every invalid fixture', () => {
    expect(Object.keys(expected).sort()).toEqual(yamlFiles('invalid'));
  });

  // The invalid fixtures are validated together, so cross-file rules (duplicate-jobid) apply.
  const result = validateContracts(read('invalid', yamlFiles('invalid')));
  it.each(Object.entries(expected))('%s gives its expected diagnostics', (file, wanted) => {
    const got = result.diagnostics.filter((d) => d.file === file);
    expect(got.map((d) => [d.rule, d.line, d.severity])).toEqual(
      wanted.map(([rule, line, severity]) => [rule, line, severity ?? 'error']),
    );
    for (const d of got) {
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.column).toBeGreaterThanOrEqual(1);
    }
  });
});
