import { describe, expect, it } from 'vitest';
import { diffContracts } from '../../src/contract/diff.js';
import { COMMENT_MARKER, hasNews, renderComment, type Report } from '../../src/action/render-comment.js';
import { code, text } from '../../src/action/markdown.js';
import type { Finding } from '../../src/detect/types.js';
import { contract } from './helpers.js';

const owners = {
  source: ['dev-team@mycompany.com'],
  ingestion: ['data-eng@mycompany.com', 'ana@mycompany.com'],
};
const finding = (over: Partial<Finding>): Finding => ({
  contract: 'orders_postgres',
  table: 'public.orders',
  file: 'db/migrate/20240101_orders.sql',
  line: 3,
  change: 'alter',
  evidence: 'ALTER TABLE public.orders DROP COLUMN total;',
  owners,
  policy: 'warn',
  ...over,
});

export const sampleReport = (over: Partial<Report> = {}): Report => ({
  headSha: '0123456789abcdef0123456789abcdef01234567',
  findings: [
    finding({}),
    finding({
      line: 9,
      change: 'rename',
      evidence: 'ALTER TABLE orders RENAME TO orders_v2; -- @everyone <img src=x onerror=alert(1)>',
      note: 'edits an already-applied migration',
    }),
    finding({
      contract: 'payments_cdc',
      table: 'billing.payments',
      file: 'app/models/payment.rb',
      line: 12,
      change: 'drop',
      evidence: 'drop_table :payments ![x](https://evil/x.png)',
      owners: { source: ['pay@mycompany.com'], ingestion: ['data-eng@mycompany.com'] },
      acknowledged: true,
    }),
  ],
  notices: [
    { file: 'db/x.sql', line: 4, message: 'EXECUTE format(...) changes a table whose name is unknown' },
  ],
  changes: diffContracts(
    [contract({ jobId: 'orders_postgres', owners }), contract({ jobId: 'legacy' })],
    [
      contract({
        jobId: 'orders_postgres',
        frequencyMinutes: 15,
        owners: { source: ['new-dev@mycompany.com'], ingestion: owners.ingestion },
      }),
      contract({ jobId: 'fresh' }),
    ],
  ),
  invalid: [],
  mode: 'block',
  blocking: true,
  ackLabel: 'data-contract-ack',
  ackedByLabel: false,
  people: new Map([
    ['dev-team@mycompany.com', 'mycompany/dev-team'],
    ['data-eng@mycompany.com', 'ana-de'],
  ]),
  blobUrl: 'https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567',
  ...over,
});

describe('renderComment', () => {
  it('renders findings, contract changes and contacts (snapshot)', async () => {
    await expect(renderComment(sampleReport())).toMatchFileSnapshot('__snapshots__/comment.md');
  });

  it('says so when a later push no longer touches contracted tables (snapshot)', async () => {
    const r = sampleReport({ findings: [], notices: [], changes: [], blocking: false });
    expect(hasNews(r)).toBe(false);
    await expect(renderComment(r)).toMatchFileSnapshot('__snapshots__/comment-clear.md');
  });

  it('neutralises mentions, HTML and images from contract and PR text', () => {
    const body = renderComment(sampleReport());
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    // Only the mapped owners are mentioned; evidence sits in code spans.
    const mentions = [...body.replace(/`[^`]*`/g, '').matchAll(/(?<![\w`])@[\w-]+(\/[\w.-]+)?/g)].map(
      (x) => x[0],
    );
    expect([...new Set(mentions)].sort()).toEqual(['@ana-de', '@mycompany/dev-team']);
    expect(text('hi @octocat <b>x</b> ![i](u)')).toBe('hi @\u2060octocat \\<b\\>x\\</b\\> \\!\\[i\\]\\(u\\)');
    expect(code('a ``b`` | c')).toBe('```a ``b`` \\| c```');
  });

  it('stays under the size budget and says how many findings were left out', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      finding({ table: `public.t${i}`, evidence: 'x'.repeat(150) }),
    );
    const body = renderComment(sampleReport({ findings: many }), 60_000);
    expect(body.length).toBeLessThan(60_000);
    expect(body).toMatch(/… and \d+ more findings: the job summary lists them all\./);
    expect(body.trimEnd().endsWith('</sub>')).toBe(true);
  });
});
