import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger, type LedgerState, type PendingDigest } from '../../src/stale/ledger.js';
import { acquireLock } from '../../src/stale/lock.js';
import { planReminders } from '../../src/stale/plan.js';
import { claimHeldUntil } from '../../src/stale/remind.js';
import type { StaleContract } from '../../src/stale/stale.js';

const withDir = (fn: (dir: string) => void) => {
  const dir = mkdtempSync(join(tmpdir(), 'dcr-ledger-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
const digest = (contract: string, lastUpdated = '2025-01-01T00:00:00.000Z') => ({
  at: '2026-06-01T00:00:00.000Z',
  messageId: `<${contract}@x.com>`,
  contracts: [{ contract, lastUpdated }],
});

describe('Ledger', () => {
  it('survives a kill: the journal says what was sent and what is uncertain', () =>
    withDir((dir) => {
      const file = join(dir, 'state.json');
      const a = Ledger.open(file);
      a.markSending('A@example.com', digest('j1'));
      a.markSent('a@example.com', '<j1@x.com>', '2026-06-01T00:00:00.000Z');
      a.markSending('b@example.com', digest('j2'));
      a.markSending('c@example.com', digest('j3'));
      a.markFailed('c@example.com', '<j3@x.com>', '2026-06-01T00:00:00.000Z');
      // no close(): the process "died"; a half-written line ends the journal
      appendFileSync(`${file}.journal`, '{"op":"sent","to":"b@exa');
      const b = Ledger.open(file);
      expect(b.reminded('a@example.com', 'j1')).toMatchObject({ lastUpdated: '2025-01-01T00:00:00.000Z' });
      expect(b.pending('b@example.com')?.messageId).toBe('<j2@x.com>');
      expect(b.reminded('b@example.com', 'j2')).toBeUndefined();
      expect(b.pending('c@example.com')).toBeUndefined();
      b.close();
      expect(JSON.parse(readFileSync(file, 'utf8')).people['b@example.com'].pending.messageId).toBe(
        '<j2@x.com>',
      );
    }));

  it('refuses a damaged state instead of starting over (which would resend everything)', () =>
    withDir((dir) => {
      const file = join(dir, 'state.json');
      writeFileSync(file, '{"version": 1, "people": ');
      expect(() => Ledger.open(file)).toThrow(/damaged[\s\S]*/);
      writeFileSync(file, '{"version":1,"people":{}}');
      writeFileSync(`${file}.journal`, 'garbage\n{"op":"sent"}\n');
      expect(() => Ledger.open(file)).toThrow(/damaged/);
    }));

  it('a read-only ledger writes nothing', () =>
    withDir((dir) => {
      const file = join(dir, 'state.json');
      const l = Ledger.open(file, { readOnly: true });
      l.markSending('a@example.com', digest('j1'));
      l.close();
      expect(() => readFileSync(file)).toThrow();
    }));
});

describe('acquireLock', () => {
  it('lets one runner in, and takes over the lock of a process that is gone', () =>
    withDir((dir) => {
      const file = join(dir, 'state.json.lock');
      const lock = acquireLock(file);
      expect(() => acquireLock(file)).toThrow(/another dcr remind is running \(pid \d+/);
      lock.release();
      const again = acquireLock(file);
      again.release();
      writeFileSync(file, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), at: 'then' }));
      acquireLock(file).release();
    }));
});

describe('planReminders', () => {
  const stale = (
    contract: string,
    source: string[],
    ingestion: string[],
    lastUpdated = '2025-01-01T00:00:00.000Z',
  ): StaleContract => ({
    contract,
    file: `contracts/${contract}.yaml`,
    lastUpdated,
    ageDays: 500,
    owners: { source, ingestion },
    basis: 'commit',
  });
  const none = { reminded: () => undefined, pending: () => undefined };
  const now = new Date('2026-06-01T00:00:00Z');

  it('groups by person (case-insensitive), with each role once', () => {
    const plan = planReminders(
      [
        stale('j1', ['A@example.com'], ['a@example.com', 'b@example.com']),
        stale('j2', ['b@example.com'], []),
      ],
      none,
      { now, intervalDays: 14 },
    );
    expect(plan.send.map((d) => [d.person, d.items.map((i) => [i.stale.contract, i.roles])])).toEqual([
      ['a@example.com', [['j1', ['source', 'ingestion']]]],
      [
        'b@example.com',
        [
          ['j1', ['ingestion']],
          ['j2', ['source']],
        ],
      ],
    ]);
  });

  it('skips within the interval unless the contract changed', () => {
    const ledger = {
      reminded: (_p: string, c: string) => ({
        at: '2026-05-25T00:00:00.000Z',
        lastUpdated: c === 'j1' ? '2025-01-01T00:00:00.000Z' : 'older',
        messageId: 'm',
      }),
      pending: () => undefined,
    };
    const plan = planReminders(
      [stale('j1', ['a@example.com'], []), stale('j2', ['b@example.com'], [])],
      ledger,
      { now, intervalDays: 14 },
    );
    expect(plan.send.map((d) => d.person)).toEqual(['b@example.com']);
    expect(plan.skipped).toEqual([
      expect.objectContaining({
        person: 'a@example.com',
        reason: 'reminded-recently',
        nextAt: '2026-06-08T00:00:00.000Z',
      }),
    ]);
  });
});

describe('Ledger.absorb (merging another runner state)', () => {
  const record = (at: string, messageId = `<${at}>`) => ({ at, lastUpdated: '2025-01-01', messageId });
  it('keeps the union of records, the newer one per person and contract', () => {
    const ours = Ledger.parse(
      'ours',
      JSON.stringify({
        version: 1,
        people: {
          'a@x.com': {
            reminded: { j1: record('2026-06-01T00:00:00.000Z'), j2: record('2026-05-01T00:00:00.000Z') },
          },
        },
      }),
    );
    ours.absorb({
      version: 1,
      people: {
        'A@x.com': {
          reminded: { j1: record('2026-05-01T00:00:00.000Z'), j2: record('2026-06-02T00:00:00.000Z') },
        },
        'b@x.com': { reminded: { j3: record('2026-06-01T00:00:00.000Z') } },
      },
    });
    expect(ours.reminded('a@x.com', 'j1')?.at).toBe('2026-06-01T00:00:00.000Z');
    expect(ours.reminded('a@x.com', 'j2')?.at).toBe('2026-06-02T00:00:00.000Z');
    expect(ours.reminded('b@x.com', 'j3')).toBeDefined();
  });

  it('takes over a pending digest, unless ours has one or already sent that message', () => {
    const ours = Ledger.parse(
      'ours',
      JSON.stringify({
        version: 1,
        people: {
          'a@x.com': { reminded: { j1: record('2026-06-01T00:00:00.000Z', '<m1>') } },
          'b@x.com': { reminded: {}, pending: { ...digest('j2'), messageId: '<mine>' } },
        },
      }),
    );
    ours.absorb({
      version: 1,
      people: {
        'a@x.com': { reminded: {}, pending: { ...digest('j1'), messageId: '<m1>' } },
        'b@x.com': { reminded: {}, pending: { ...digest('j2'), messageId: '<theirs>' } },
        'c@x.com': { reminded: {}, pending: { ...digest('j3'), messageId: '<m3>' } },
      },
    });
    expect(ours.pending('a@x.com')).toBeUndefined();
    expect(ours.pending('b@x.com')?.messageId).toBe('<mine>');
    expect(ours.pending('c@x.com')?.messageId).toBe('<m3>');
    expect(ours.snapshot().people['c@x.com']?.pending?.messageId).toBe('<m3>');
  });
});

describe('claims (runs racing on one shared state)', () => {
  const claim = (run: string, over: Partial<PendingDigest> = {}): PendingDigest => ({
    ...digest('j1'),
    messageId: '<same@x.com>', // message ids repeat across runs of the same day
    state: 'claimed',
    run,
    host: 'elsewhere',
    pid: 1,
    claimedAt: '2026-06-01T00:00:00.000Z',
    ...over,
  });
  const stateWith = (people: LedgerState['people']): LedgerState => ({ version: 1, people });

  it('in a merge, a claim the shared ref holds that this run had not seen wins over its own', () => {
    const ours = Ledger.parse('ours', undefined);
    ours.markSending('a@x.com', claim('ours'));
    ours.markSending('b@x.com', claim('ours'));
    const known = new Set(['ours|<same@x.com>']);
    ours.absorb(stateWith({ 'a@x.com': { reminded: {}, pending: claim('theirs') } }), known);
    expect(ours.pending('a@x.com')?.run).toBe('theirs');
    expect(ours.pending('b@x.com')?.run).toBe('ours');
    // Only the holder moves a digest on: our `sent` for the lost one records nothing.
    ours.markSent('a@x.com', '<same@x.com>', '2026-06-01T00:00:00.000Z', 'ours');
    expect(ours.reminded('a@x.com', 'j1')).toBeUndefined();
    ours.markSent('b@x.com', '<same@x.com>', '2026-06-01T00:00:00.000Z', 'ours');
    expect(ours.reminded('b@x.com', 'j1')).toBeDefined();
  });

  it('in a merge, another run’s digest the ref no longer holds is gone (it was resolved); a seen one is not taken back', () => {
    const ours = Ledger.parse(
      'ours',
      JSON.stringify(stateWith({ 'a@x.com': { reminded: {}, pending: claim('theirs') } })),
    );
    const known = new Set(['theirs|<same@x.com>']);
    ours.absorb(
      stateWith({
        'a@x.com': {
          reminded: { j1: { at: '2026-06-01T00:00:00.000Z', lastUpdated: 'x', messageId: '<same@x.com>' } },
        },
      }),
      known,
    );
    expect(ours.pending('a@x.com')).toBeUndefined();
    expect(ours.reminded('a@x.com', 'j1')).toBeDefined();
    // We freed a dead run's claim and claimed it ourselves: the ref's old copy does not take it back.
    ours.markSending('c@x.com', claim('ours'));
    ours.absorb(stateWith({ 'c@x.com': { reminded: {}, pending: claim('theirs') } }), known);
    expect(ours.pending('c@x.com')?.run).toBe('ours');
  });

  it('in a merge, our own digest that we resolved is not brought back by the ref’s older mark of it', () => {
    const ours = Ledger.parse('ours', undefined);
    ours.markSending('a@x.com', claim('ours'));
    ours.markPhase('a@x.com', '<same@x.com>', 'uncertain', 'ours');
    const onRef = ours.snapshot(); // saved and pushed; another run then pushed this state on
    ours.markSent('a@x.com', '<same@x.com>', '2026-06-01T00:00:00.000Z', 'ours');
    ours.markSending('b@x.com', claim('ours'));
    const older = stateWith({
      ...onRef.people,
      'b@x.com': { reminded: {}, pending: claim('ours', { state: 'claimed' }) },
    });
    ours.markPhase('b@x.com', '<same@x.com>', 'uncertain', 'ours');
    ours.absorb(older, new Set(['ours|<same@x.com>']));
    expect(ours.pending('a@x.com')).toBeUndefined();
    expect(ours.uncertain().map((u) => u.person)).toEqual(['b@x.com']);
    expect(ours.reminded('a@x.com', 'j1')).toBeDefined();
  });

  it('a claim holds for its lease unless its process is known to be gone', () => {
    const run = { id: 'me', host: hostname(), pid: process.pid };
    const now = new Date('2026-06-01T00:10:00.000Z');
    const lease = 15 * 60_000;
    expect(claimHeldUntil(claim('x'), run, now, lease)?.toISOString()).toBe('2026-06-01T00:15:00.000Z');
    expect(claimHeldUntil(claim('x'), run, new Date('2026-06-01T00:15:00.000Z'), lease)).toBeUndefined();
    // On this machine: a process that is gone, or this very process (an earlier run in it), holds nothing.
    expect(
      claimHeldUntil(claim('x', { host: hostname(), pid: 2 ** 22 + 12345 }), run, now, lease),
    ).toBeUndefined();
    expect(
      claimHeldUntil(claim('x', { host: hostname(), pid: process.pid }), run, now, lease),
    ).toBeUndefined();
    expect(
      claimHeldUntil(claim('x', { host: hostname(), pid: process.ppid }), run, now, lease),
    ).toBeDefined();
  });

  it('plans around claims: a held one is skipped, a lapsed claim is due, an uncertain digest is not', () => {
    const stale: StaleContract = {
      contract: 'j1',
      file: 'contracts/j1.yaml',
      lastUpdated: '2025-01-01T00:00:00.000Z',
      ageDays: 500,
      owners: { source: ['a@x.com'], ingestion: [] },
      basis: 'commit',
    };
    const plan = (pending: PendingDigest, held: boolean) =>
      planReminders(
        [stale],
        { reminded: () => undefined, pending: () => pending },
        {
          now: new Date('2026-06-01T00:00:00Z'),
          intervalDays: 14,
          claimExpiry: () => (held ? new Date('2026-06-01T00:15:00Z') : undefined),
        },
      );
    expect(plan(claim('x'), true).skipped[0]).toMatchObject({ reason: 'claimed' });
    expect(plan(claim('x'), false).send.map((d) => d.person)).toEqual(['a@x.com']);
    expect(plan(claim('x', { state: 'uncertain' }), false).skipped[0]).toMatchObject({ reason: 'uncertain' });
    const legacy = { ...digest('j1') }; // written before claims: it meant "handed over"
    expect(plan(legacy, false).skipped[0]).toMatchObject({ reason: 'uncertain' });
  });
});
