import { describe, expect, it } from 'vitest';
import { contractYaml, pairs, validateTexts } from '../../helpers/validate.js';

describe('rule email-format', () => {
  it('points at each bad address in a list', () => {
    const yaml = contractYaml(
      'e',
      'ingestion_owner:\n  - ok@example.com\n  - "two@a.com, three@b.com"\n  - broken',
    );
    const r = validateTexts({ 'e.yaml': yaml });
    expect(pairs(r.diagnostics)).toEqual([
      ['email-format', 9],
      ['email-format', 10],
    ]);
    expect(r.diagnostics[0]!.message).toContain('comma');
  });
  it('refuses a header injection attempt in a single owner', () => {
    const r = validateTexts({
      'e.yaml': contractYaml('e', 'source_owner: "a@example.com\\r\\nBcc: x@evil.com"'),
    });
    expect(pairs(r.diagnostics)).toEqual([['email-format', 7]]);
  });
});
