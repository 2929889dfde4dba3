import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/notify/email.js';
import type { DigestMessage } from '../../src/stale/digest-email.js';
import { Ledger } from '../../src/stale/ledger.js';
import { sendReminders, type DigestSender, type SendOutcome } from '../../src/stale/remind.js';
import type { StaleContract } from '../../src/stale/stale.js';

const stale = (contract: string, source: string): StaleContract => ({
  contract,
  file: `contracts/${contract}.yaml`,
  lastUpdated: '2025-01-01T00:00:00.000Z',
  ageDays: 516,
  owners: { source: [source], ingestion: ['data@example.com'] },
  basis: 'commit',
});
const STALE = [stale('job1', 's1@example.com'), stale('job2', 's2@example.com')];
const digest = {
  now: new Date('2026-06-01T00:00:00Z'),
  from: 'dcr@example.com',
  threshold: '6mo',
  interval: '14d',
};

/** A sender that answers every message with the same outcome and keeps what it was given. */
const answering = (outcome: (m: DigestMessage) => SendOutcome): DigestSender & { got: DigestMessage[] } => {
  const got: DigestMessage[] = [];
  return {
    got,
    send: async (m) => {
      got.push(m);
      return outcome(m);
    },
  };
};

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const tempDir = () => (dir = mkdtempSync(join(tmpdir(), 'dcr-rehearsal-')));

describe('sendReminders rehearsal (the outbox)', () => {
  it('writes every digest and records nothing, so the real run after it sends them all', async () => {
    const file = join(tempDir(), 'reminders.json');
    const ledger = Ledger.open(file);
    const before = readFileSync(file, 'utf8');
    const outbox = answering((m) => ({ status: 'written', attempts: 1, file: `${m.to[0]}.eml` }));
    const rehearsal = await sendReminders({
      stale: STALE,
      ledger,
      sender: outbox,
      digest,
      intervalDays: 14,
      rehearsal: true,
    });
    ledger.close();
    expect(rehearsal.summary).toMatchObject({ written: 3, sent: 0, skipped: 0, failed: 0 });
    expect(rehearsal.people.map((p) => [p.email, p.status, p.file])).toEqual([
      ['data@example.com', 'written', 'data@example.com.eml'],
      ['s1@example.com', 'written', 's1@example.com.eml'],
      ['s2@example.com', 'written', 's2@example.com.eml'],
    ]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(existsSync(`${file}.journal`)).toBe(false);

    const smtp = answering(() => ({ status: 'sent', attempts: 1 }));
    const real = await sendReminders({
      stale: STALE,
      ledger: Ledger.open(file),
      sender: smtp,
      digest,
      intervalDays: 14,
    });
    expect(real.summary).toMatchObject({ sent: 3, written: 0, skipped: 0 });
    // The same messages (same Message-IDs) as the rehearsal wrote.
    expect(smtp.got.map((m) => m.messageId)).toEqual(outbox.got.map((m) => m.messageId));
  });

  it('a sender that only wrote a file in a recording run does not count as sent', async () => {
    const file = join(tempDir(), 'reminders.json');
    const ledger = Ledger.open(file);
    const result = await sendReminders({
      stale: STALE,
      ledger,
      sender: answering((m) => ({ status: 'written', attempts: 1, file: `${m.to[0]}.eml` })),
      digest,
      intervalDays: 14,
    });
    ledger.close();
    expect(result.summary).toMatchObject({ written: 3, sent: 0 });
    const state = Ledger.open(file, { readOnly: true });
    for (const person of ['data@example.com', 's1@example.com', 's2@example.com']) {
      expect(state.pending(person)).toBeUndefined();
      expect(state.reminded(person, 'job1')).toBeUndefined();
    }
  });

  it('the outbox mailer says written, with the file, never sent', async () => {
    const folder = join(tempDir(), 'outbox');
    const mailer = createMailer({ outbox: folder });
    try {
      const result = await mailer.send({
        from: 'dcr@example.com',
        to: ['owner@example.com'],
        subject: 'Please review',
        text: 'hello',
        messageId: '<m1@example.com>',
      });
      expect(result).toMatchObject({ status: 'written', attempts: 1 });
      expect(readdirSync(folder)).toEqual([(result as { file: string }).file.slice(folder.length + 1)]);
    } finally {
      mailer.close();
    }
  });
});
