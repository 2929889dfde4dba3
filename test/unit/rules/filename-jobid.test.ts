import { describe, expect, it } from 'vitest';
import { contractYaml, validateTexts } from '../../helpers/validate.js';

describe('rule filename-jobid', () => {
  it('warns when the file is not named after the job id, and suggests the name', () => {
    const r = validateTexts({ 'contracts/x.yml': contractYaml('orders_pg') });
    expect(r.diagnostics).toMatchObject([
      { rule: 'filename-jobid', severity: 'warning', line: 1, column: 18 },
    ]);
    expect(r.diagnostics[0]!.hint).toContain('orders_pg.yml');
  });
  it('can be turned off in the config', () => {
    const r = validateTexts({ 'x.yaml': contractYaml('y') }, { rules: { 'filename-jobid': 'off' } });
    expect(r.diagnostics).toEqual([]);
  });
  it('can be made an error', () => {
    const r = validateTexts({ 'x.yaml': contractYaml('y') }, { rules: { 'filename-jobid': 'error' } });
    expect(r.diagnostics[0]!.severity).toBe('error');
  });
});
