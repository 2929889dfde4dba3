import { describe, expect, it } from 'vitest';
import { contractYaml, validateTexts } from '../../helpers/validate.js';

describe('rule frequency-string', () => {
  it('accepts a quoted number with a warning that suggests the number', () => {
    const r = validateTexts({ 'f.yaml': contractYaml('f', 'ingestion_frequency_minutes: "1440"') });
    expect(r.diagnostics).toMatchObject([{ rule: 'frequency-string', severity: 'warning', line: 7 }]);
    expect(r.diagnostics[0]!.hint).toBe('drop the quotes: `ingestion_frequency_minutes: 1440`');
    expect(r.contracts[0]!.frequencyMinutes).toBe(1440);
  });
  it('says nothing about a plain number', () => {
    expect(validateTexts({ 'f.yaml': contractYaml('f') }).diagnostics).toEqual([]);
  });
});
