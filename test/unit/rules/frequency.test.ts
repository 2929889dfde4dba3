import { describe, expect, it } from 'vitest';
import { contractYaml, pairs, validateTexts } from '../../helpers/validate.js';

describe('rule frequency', () => {
  it.each(['0', '-1', '"abc"', '"0"'])('refuses %s', (value) => {
    const r = validateTexts({ 'f.yaml': contractYaml('f', `ingestion_frequency_minutes: ${value}`) });
    expect(pairs(r.diagnostics, 'frequency')).toEqual([['frequency', 7]]);
  });
  it('needs a frequency for batch jobs, blaming the mapping', () => {
    const r = validateTexts({ 'f.yaml': contractYaml('f', '', ['ingestion_frequency_minutes']) });
    expect(pairs(r.diagnostics)).toEqual([['frequency', 1]]);
    expect(r.diagnostics[0]!.hint).toContain('stream');
  });
  it('lets a stream job go without one', () => {
    const r = validateTexts({
      'f.yaml': contractYaml('f', 'ingestion_type: stream', ['ingestion_frequency_minutes']),
    });
    expect(r.diagnostics).toEqual([]);
  });
  it('accepts fractions of a minute', () => {
    expect(
      validateTexts({ 'f.yaml': contractYaml('f', 'ingestion_frequency_minutes: 0.5') }).diagnostics,
    ).toEqual([]);
  });
});
