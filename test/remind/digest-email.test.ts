import { describe, expect, it } from 'vitest';
import { composeDigest, humanDuration, templateLink } from '../../src/stale/digest-email.js';
import type { PlannedDigest } from '../../src/stale/plan.js';
import { reviewedAtStep } from '../../src/stale/messages.js';

const item = (contract: string, roles: ('source' | 'ingestion')[]) => ({
  stale: {
    contract,
    file: `contracts/${contract}.yaml`,
    lastUpdated: '2025-01-01T00:00:00.000Z',
    ageDays: 516,
    owners: { source: [], ingestion: [] },
    basis: 'commit' as const,
  },
  roles,
});
const ctx = {
  now: new Date('2026-06-01T00:00:00Z'),
  from: 'dcr@example.com',
  threshold: '6mo',
  interval: '14d',
  fileLink: templateLink('https://git.example.com/blob/main/{path}', '{path}'),
  catalogLink: templateLink('https://catalog.example.com/c/{jobId}.html', '{jobId}'),
  describe: (id: string) =>
    id === 'orders' ? 'Orders <script>alert(1)</script>\r\nBcc: x@evil.com' : undefined,
};

describe('composeDigest', () => {
  it('lists every contract with role, age, links and what to do, in text and HTML', () => {
    const digest: PlannedDigest = {
      person: 'a@example.com',
      items: [item('orders', ['source', 'ingestion']), item('users', ['ingestion'])],
    };
    const m = composeDigest(digest, ctx);
    expect(m.to).toEqual(['a@example.com']);
    expect(m.subject).toBe('Please review 2 data contracts not updated for 6 months or more');
    expect(m.text).toContain(
      '  * orders (you are source owner and ingestion owner): last updated 2025-01-01, 516 days ago\n',
    );
    expect(m.text).toContain(
      '    File: https://git.example.com/blob/main/contracts/orders.yaml\n    Catalog: https://catalog.example.com/c/orders.html',
    );
    expect(m.text).toContain('set `reviewed_at: 2026-06-01`');
    expect(m.text).toContain('reminded again after 14 days');
    // contract text cannot add lines or markup
    expect(m.text).toContain('    Orders <script>alert(1)</script> Bcc: x@evil.com\n');
    expect(m.html).toContain('Orders &lt;script&gt;alert(1)&lt;/script&gt; Bcc: x@evil.com');
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('<a href="https://catalog.example.com/c/orders.html">orders</a>');
    expect(m.headers['Auto-Submitted']).toBe('auto-generated');
  });

  it('tells owners of an ODCS file to set the custom property, and of a dcr file the field', () => {
    const odcs = (contract: string) => {
      const i = item(contract, ['source']);
      return { ...i, stale: { ...i.stale, file: `contracts/${contract}.odcs.yaml` } };
    };
    const only = composeDigest({ person: 'a@example.com', items: [odcs('orders')] }, ctx);
    expect(only.text).toContain(
      'If everything is still right, add `{ property: reviewed_at, value: 2026-06-01 }` to the top-level `customProperties` in the contract',
    );
    expect(only.text).not.toContain('set `reviewed_at');
    expect(only.html).toContain('<code>{ property: reviewed_at, value: 2026-06-01 }</code>');
    const mixed = composeDigest(
      { person: 'a@example.com', items: [item('users', ['source']), odcs('orders')] },
      ctx,
    );
    expect(mixed.text).toContain(
      'set `reviewed_at: 2026-06-01` (in an ODCS file, add `{ property: reviewed_at, value: 2026-06-01 }`',
    );
    expect(reviewedAtStep(['a.yaml', 'b.ODCS.yml'], '<today>')).toContain('in an ODCS file');
    expect(reviewedAtStep(['a.yaml'], '<today>')).toBe('set `reviewed_at: <today>`');
  });

  it('has a Message-ID stable for the same person, contracts and day, and different otherwise', () => {
    const one: PlannedDigest = { person: 'a@example.com', items: [item('orders', ['source'])] };
    const id = composeDigest(one, ctx).messageId;
    expect(id).toMatch(/^<dcr-remind\.[0-9a-f]{32}@example\.com>$/);
    expect(composeDigest(one, { ...ctx, now: new Date('2026-06-01T23:00:00Z') }).messageId).toBe(id);
    expect(composeDigest(one, { ...ctx, now: new Date('2026-06-02T00:00:00Z') }).messageId).not.toBe(id);
    expect(composeDigest({ ...one, person: 'b@example.com' }, ctx).messageId).not.toBe(id);
    expect(composeDigest(one, ctx).subject).toBe(
      'Please review data contract orders: not updated since 2025-01-01',
    );
  });

  it('words durations for people', () => {
    expect(['6mo', '180d', '1y', '26w', '2 weeks', 'soon'].map(humanDuration)).toEqual([
      '6 months',
      '180 days',
      '1 year',
      '26 weeks',
      '2 weeks',
      'soon',
    ]);
  });
});
