import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_SEVERITY } from '../../src/severity/codes.js';

describe('the README documents every rule code', () => {
  it('lists each code once, with the severity the code has', () => {
    const readme = readFileSync('README.md', 'utf8');
    const rows = [...readme.matchAll(/^\| `(DCR-[A-Z]\d{3})` \| (\w+) \|/gm)].map((m) => [m[1], m[2]]);
    expect(Object.fromEntries(rows)).toEqual(RULE_SEVERITY);
    expect(rows).toHaveLength(Object.keys(RULE_SEVERITY).length);
  });
});
