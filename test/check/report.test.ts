import { describe, expect, it } from 'vitest';
import { colorsFor } from '../../src/cli/output/color.js';
import { formatCheckGithub, formatCheckText } from '../../src/cli/output/check-report.js';
import type { CheckResult, Finding } from '../../src/detect/types.js';

const finding = (i: number, extra: Partial<Finding> = {}): Finding => ({
  contract: `job_${i % 2}`,
  table: 'public.orders',
  file: `db/${i}.sql`,
  line: i,
  change: 'alter',
  kind: 'alter',
  confidence: 'certain',
  evidence: `ALTER TABLE orders ADD COLUMN c${i} int;`,
  owners: { source: ['src@example.com'], ingestion: ['eng@example.com'] },
  policy: 'warn',
  ...extra,
});
const plain = colorsFor({ isTTY: false }, {});

describe('check report', () => {
  it('groups by contract with tables, file:line, evidence and contacts', () => {
    const result: CheckResult = {
      ok: false,
      blocking: true,
      findings: [finding(1, { policy: 'block' }), finding(2)],
      notices: [],
    };
    const text = formatCheckText(result, plain);
    expect(text).toContain(
      'job_1  policy: block\n  tables: public.orders\n  db/1.sql:1  alter public.orders\n',
    );
    expect(text).toContain('contact: src@example.com, eng@example.com');
    expect(text).toContain('Data-Contract-Ack: job_1');
    expect(text).not.toContain('Data-Contract-Ack: job_0');
  });

  it('puts blocking findings first and keeps within GitHub’s ten annotations per level', () => {
    const findings = [
      ...Array.from({ length: 15 }, (_, i) => finding(i + 1)),
      finding(99, { policy: 'block' }),
    ];
    const lines = formatCheckGithub({ ok: false, blocking: true, findings, notices: [] })
      .trimEnd()
      .split('\n');
    expect(lines[0]).toMatch(/^::error file=db\/99\.sql,line=99,/);
    const warnings = lines.filter((l) => l.startsWith('::warning'));
    expect(warnings).toHaveLength(10);
    expect(warnings[9]).toContain('6 more findings');
  });
});
