import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DigestMessage } from '../../src/stale/digest-email.js';
import { Ledger } from '../../src/stale/ledger.js';
import { sendReminders, type DigestSender } from '../../src/stale/remind.js';
import type { StaleContract } from '../../src/stale/stale.js';

const stale = (contract: string, source: string): StaleContract => ({
  contract,
  file: `contracts/${contract}.yaml`,
  lastUpdated: '2025-01-01T00:00:00.000Z',
  ageDays: 516,
  owners: { source: [source], ingestion: ['data@example.com'] },
  basis: 'commit',
});
const digest = {
  now: new Date('2026-06-01T00:00:00Z'),
  from: 'dcr@example.com',
  threshold: '6mo',
  interval: '14d',
};

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a claim another run made since the plan', () => {
  // Run A plans s2's digest; while it saves its first claim, the merge of the shared state
  // brings run B's claim on s2. A must not claim s2 over it: A's next push, a fast-forward
  // over the state that holds B's claim, would replace it, and both would send.
  it('is never claimed over, and its digest is not sent by this run', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dcr-claims-'));
    const theirs = Ledger.open(join(dir, 'theirs.json'));
    const clock = () => new Date();
    theirs.markSending('s2@example.com', {
      at: digest.now.toISOString(),
      messageId: '<their-digest@example.com>',
      contracts: [{ contract: 'job2', lastUpdated: '2025-01-01T00:00:00.000Z' }],
      state: 'claimed',
      run: 'run-b',
      host: 'another-runner',
      pid: 4242,
      claimedAt: clock().toISOString(),
    });
    const ledger = Ledger.open(join(dir, 'mine.json'));
    let merged = false;
    const got: DigestMessage[] = [];
    const sender: DigestSender = {
      send: async (m) => {
        got.push(m);
        return { status: 'sent', attempts: 1 };
      },
    };
    const result = await sendReminders({
      stale: [stale('job1', 's1@example.com'), stale('job2', 's2@example.com')],
      ledger,
      sender,
      digest,
      intervalDays: 14,
      clock,
      beforeSend: async () => {
        if (merged) return;
        merged = true; // the first save merges run B's state
        ledger.absorb(theirs.snapshot());
      },
    });
    expect(got.map((m) => m.to[0]).sort()).toEqual(['data@example.com', 's1@example.com']);
    expect(result.people.find((p) => p.email === 's2@example.com')?.status).toBe('skipped');
    expect(ledger.pending('s2@example.com')).toMatchObject({
      run: 'run-b',
      messageId: '<their-digest@example.com>',
    });
  });
});
