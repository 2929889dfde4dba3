import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planFindingEmails, readLedger } from '../../src/action/finding-emails.js';
import { notifyGithub } from '../../src/action/notify-github.js';
import { sendFindingEmails } from '../../src/action/send-finding-emails.js';
import type { Finding } from '../../src/detect/types.js';
import { startSmtp, type TestSmtp } from '../remind/smtp.js';
import { FakeGithub } from './fake-github.js';
import { sampleReport } from './helpers.js';

const orders: Finding = {
  contract: 'orders',
  table: 'public.orders',
  file: 'db/1.sql',
  line: 1,
  change: 'alter',
  kind: 'alter',
  confidence: 'certain',
  evidence: 'ALTER TABLE public.orders ADD x int;',
  owners: { source: ['dev@example.com'], ingestion: ['data@example.com'] },
  code: 'DCR-R204',
  severity: 'risky',
  reason: 'dcr cannot tell what this alter changes',
  policy: 'warn',
};
const payments: Finding = {
  ...orders,
  contract: 'payments',
  table: 'public.payments',
  owners: { source: ['pay@example.com'], ingestion: ['data@example.com'] },
};

describe('planFindingEmails', () => {
  it('plans one email per owner and skips sets already in the ledger', () => {
    const first = planFindingEmails([orders, payments], new Set());
    expect(first.map((p) => [p.to, p.findings.length])).toEqual([
      ['data@example.com', 2],
      ['dev@example.com', 1],
      ['pay@example.com', 1],
    ]);
    expect(planFindingEmails([payments, orders], new Set(first.map((p) => p.key)))).toEqual([]);
    const moved = planFindingEmails(
      [orders, { ...payments, line: 2, evidence: 'DROP TABLE public.payments;' }],
      new Set(first.map((p) => p.key)),
    );
    expect(moved.map((p) => p.to)).toEqual(['data@example.com', 'pay@example.com']);
  });
});

describe('detection emails through the PR comment ledger', () => {
  let gh: FakeGithub;
  let smtp: TestSmtp;
  beforeEach(async () => {
    gh = await new FakeGithub().start();
    gh.addPull({ number: 5, user: 'author' });
    smtp = await startSmtp();
  });
  afterEach(async () => {
    await gh.stop();
    await smtp.close();
  });

  const run = (findings: Finding[]) =>
    notifyGithub({
      token: 'test-token',
      apiUrl: gh.url,
      repo: { owner: 'o', repo: 'r' },
      event: {
        number: 5,
        baseSha: 'a',
        headSha: 'b',
        labels: [],
        fork: false,
        author: 'author',
        htmlUrl: 'https://github.test/o/r/pull/5',
      },
      report: sampleReport({ findings, changes: [], notices: [] }),
      create: true,
      comment: true,
      reviewers: [],
      email: (commentBody) =>
        sendFindingEmails({
          smtpUrl: smtp.url,
          from: 'dcr@example.com',
          repo: 'o/r',
          number: 5,
          url: 'https://github.test/o/r/pull/5',
          findings,
          commentBody,
          say: () => {},
          warn: (m) => {
            throw new Error(m);
          },
        }),
      client: { retryBaseMs: 1, pacing: false },
      say: () => {},
      warn: (m) => {
        throw new Error(m);
      },
    });

  it('mails each owner once per new set of findings; re-runs send nothing', async () => {
    await run([orders]);
    expect(
      smtp.received
        .map((r) => r.to)
        .flat()
        .sort(),
    ).toEqual(['data@example.com', 'dev@example.com']);
    const mail = smtp.received.find((r) => r.to[0] === 'dev@example.com')!;
    expect(mail.subject).toBe('[dcr] o/r#5 changes tables you own or ingest: orders');
    expect(mail.text).toContain('https://github.test/o/r/pull/5');
    expect(mail.text).toContain('- orders / public.orders: alter at db/1.sql:1');

    await run([orders]);
    expect(smtp.received).toHaveLength(2);

    await run([orders, payments]);
    expect(
      smtp.received
        .slice(2)
        .map((r) => r.to[0])
        .sort(),
    ).toEqual(['data@example.com', 'pay@example.com']);
    expect(gh.comments.get(5)).toHaveLength(1);
    expect(readLedger(gh.comments.get(5)![0]!.body).size).toBe(4);
  });
});
