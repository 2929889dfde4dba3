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
  code: 'DCR-R204',
  severity: 'risky',
  reason: 'dcr cannot tell what this alter changes',
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

  it("shows control characters from authors' code, paths and contracts as text, never as terminal control", () => {
    const result: CheckResult = {
      ok: false,
      blocking: false,
      findings: [
        finding(1, {
          file: 'db/\u001b[2J1.sql',
          evidence: 'ALTER TABLE orders DROP COLUMN secret;\r-- nothing to see',
          table: 'public.\u009bord',
        }),
      ],
      notices: [{ file: '', line: 0, message: 'contracts/\u0007bell.yaml is not a valid contract' }],
    };
    const text = formatCheckText(result, plain);
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('db/\\x1b[2J1.sql:1');
    expect(text).toContain('DROP COLUMN secret;\\x0d-- nothing to see');
    expect(text).toContain('public.\\x9bord');
    expect(text).toContain('contracts/\\x07bell.yaml');
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

  it('names the commit that changed the table and the one that acknowledged it, in text and annotations', () => {
    const made = 'a'.repeat(40);
    const by = 'b'.repeat(40);
    const result: CheckResult = {
      ok: true,
      blocking: false,
      findings: [finding(1, { policy: 'block', commit: made, acknowledged: true, acknowledgedBy: by })],
      notices: [],
    };
    const text = formatCheckText(result, plain, { gate: 'ci' });
    expect(text).toContain(`db/1.sql:1  alter public.orders  (commit ${made.slice(0, 10)})`);
    expect(text).toContain(`acknowledged by commit ${by.slice(0, 10)}`);
    const line = formatCheckGithub(result).trim();
    expect(line).toMatch(/^::notice file=db\/1.sql,line=1/);
    expect(line).toContain(`commit ${made.slice(0, 10)}%0A`);
    expect(line).toContain(`acknowledged by commit ${by.slice(0, 10)}`);
  });

  it('pre-commit says what will block; commit-msg (--brief) only the verdict; a blocked push how to reword', () => {
    const blocked: CheckResult = {
      ok: false,
      blocking: true,
      findings: [finding(1, { policy: 'block' })],
      notices: [],
    };
    const pre = formatCheckText(blocked, plain, { advisory: true, quiet: true });
    expect(pre).toContain('will be blocked unless its message acknowledges');
    expect(pre).not.toContain('✖');
    const brief = formatCheckText(blocked, plain, { brief: true });
    expect(brief.split('\n').filter(Boolean)).toHaveLength(2);
    expect(brief).toMatch(/^✖ dcr: blocked, job_1 \(policy "block"\): db\/1.sql:1\n/);
    const pushed = formatCheckText(
      {
        ...blocked,
        findings: [finding(1, { policy: 'block', commit: 'c'.repeat(40) })],
        reword: {
          commits: [{ commit: 'c'.repeat(40), subject: 'drop it', contracts: ['job_1'] }],
          amend: false,
          rebaseFrom: 'd'.repeat(40),
          merges: true,
        },
      },
      plain,
      { gate: 'server' },
    );
    expect(pushed).toContain(`  cccccccccc  drop it\n      Data-Contract-Ack: job_1\n`);
    expect(pushed).toContain('`git rebase -i --rebase-merges dddddddddd`');
    expect(pushed).toContain('reached the server without an acknowledgement');
  });
});
