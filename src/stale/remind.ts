import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { emailProblem } from '../contract/email.js';
import { composeDigest, type DigestContext, type DigestMessage } from './digest-email.js';
import type { Ledger, PendingDigest } from './ledger.js';
import { processAlive } from './lock.js';
import { planReminders, type PlannedDigest, type SkippedPerson } from './plan.js';
import { remindMessages } from './remind-messages.js';
import type { StaleContract } from './stale.js';

/** How one send ended (structurally the notify adapter's SendResult). */
export type SendOutcome =
  | { status: 'sent'; attempts: number; response?: string }
  /** Written to a file (the outbox), not delivered to anyone. */
  | { status: 'written'; attempts: number; file: string }
  | { status: 'failed'; kind: 'temporary' | 'permanent'; attempts: number; error: string }
  | { status: 'uncertain'; attempts: number; error: string };

/** Called around each attempt of a send (structurally the notify adapter's SendHooks). */
export interface AttemptHooks {
  beforeAttempt?(): Promise<void>;
  afterRefused?(): Promise<void>;
}

/** Whatever delivers a digest: SMTP, an outbox folder, or a test double. */
export interface DigestSender {
  send(message: DigestMessage, hooks?: AttemptHooks): Promise<SendOutcome>;
}

/** Who is sending: claims name their run, machine and process. */
export interface RunIdentity {
  id: string;
  host: string;
  pid: number;
}

/** How long a claim holds when its run cannot be seen to be gone (another machine's run). */
export const CLAIM_LEASE_MS = 15 * 60_000;

/** This process's identity for one run (a fresh id each run, also for runs in one process). */
export const thisRun = (): RunIdentity => ({
  id: randomBytes(6).toString('hex'),
  host: hostname(),
  pid: process.pid,
});

export type PersonStatus = 'sent' | 'written' | 'would-send' | 'skipped' | 'failed' | 'uncertain';

/** What happened for one person. */
export interface PersonResult {
  email: string;
  status: PersonStatus;
  contracts: string[];
  subject?: string;
  messageId?: string;
  /** The .eml file, when written to the outbox. */
  file?: string;
  attempts?: number;
  reason?: string;
  /** For skipped people: when they can be reminded next. */
  nextAt?: string;
}

/** A digest handed to the server whose outcome nobody knows yet. */
export interface OutstandingDigest {
  email: string;
  messageId: string;
  at: string;
  contracts: string[];
}

export interface RemindResult {
  people: PersonResult[];
  summary: Record<PersonStatus, number>;
  /** Uncertain digests within the interval, until resolved (the run then exits non-zero). */
  outstanding: OutstandingDigest[];
  /** People whose uncertain digest this run recorded as delivered (`resolveUncertain: 'sent'`). */
  resolved: string[];
}

export interface RemindOptions {
  stale: readonly StaleContract[];
  ledger: Ledger;
  sender: DigestSender;
  digest: DigestContext;
  intervalDays: number;
  dryRun?: boolean;
  /**
   * A rehearsal (the outbox): the sender only writes the digests somewhere and delivers
   * nothing, so the ledger is read (the rehearsal picks whom a real run would) but never
   * written: the first real run still sends everyone their digest.
   */
  rehearsal?: boolean;
  resendUncertain?: boolean;
  /** Records every uncertain digest as delivered before planning (the owners got them). */
  resolveUncertain?: 'sent';
  /** This run (default: a fresh identity of this process). */
  run?: RunIdentity;
  /** The machine's clock, for claims (`digest.now` may be fixed for the reminders' dates). */
  clock?: () => Date;
  /** How long another machine's claim holds (default CLAIM_LEASE_MS). */
  claimLeaseMs?: number;
  /** Digests in flight at once (match the SMTP pool size). */
  concurrency?: number;
  /** Called after each person is done. */
  onProgress?: (done: number, total: number, result: PersonResult) => void;
  /** Stops taking new digests (the ones in flight finish). */
  signal?: AbortSignal;
  /**
   * Makes the ledger's marks durable beyond this machine (a git state ref, compare-and-swap):
   * called after a digest is claimed, before each attempt hands it to the server (marked
   * uncertain), and after the server refused an attempt (claimed again). It may merge another
   * run's state; a digest whose claim another run won is not sent. If it throws, that digest
   * is not sent and the run stops taking new ones.
   */
  beforeSend?: () => Promise<void>;
}

/**
 * Sends one digest per person with due stale contracts, recording each send in the ledger
 * before (`sending`) and after (`sent` / `failed`), so that a run killed at any point never
 * sends a digest twice. A dry run composes only; a rehearsal writes without recording. Never
 * throws for a failed send; the result says who was not reached.
 */
export async function sendReminders(options: RemindOptions): Promise<RemindResult> {
  const now = options.digest.now;
  const run = options.run ?? thisRun();
  const clock = options.clock ?? (() => new Date());
  const recording = !options.dryRun && !options.rehearsal;
  const { ledger } = options;
  const resolved: string[] = [];
  if (options.resolveUncertain === 'sent' && recording)
    for (const u of ledger.uncertain()) {
      ledger.markSent(u.person, u.pending.messageId, u.pending.at, u.pending.run);
      resolved.push(u.person);
    }
  // Uncertain marks already there when this run started; marks of other runs merged in while
  // it ran are those runs' to report (a finished run's "sent" may not have reached us yet).
  const uncertainAtStart = new Set(ledger.uncertain().map((u) => `${u.person}\0${u.pending.messageId}`));
  const lease = options.claimLeaseMs ?? CLAIM_LEASE_MS;
  const plan = planReminders(options.stale, ledger, {
    now,
    intervalDays: options.intervalDays,
    resendUncertain: options.resendUncertain,
    claimExpiry: (claim) => claimHeldUntil(claim, run, clock(), lease),
  });
  const results: PersonResult[] = plan.skipped.map(skippedResult);
  const total = plan.send.length;
  let done = 0;
  let halted: string | undefined;
  const queue = [...plan.send];
  const worker = async () => {
    for (let digest = queue.shift(); digest; digest = queue.shift()) {
      if (options.signal?.aborted || halted) {
        results.push({
          email: digest.person,
          status: 'skipped',
          contracts: digest.items.map((i) => i.stale.contract),
          reason: halted ? `run stopped: ${halted}` : 'run interrupted',
        });
        continue;
      }
      const message = composeDigest(digest, options.digest);
      const base = {
        email: digest.person,
        contracts: digest.items.map((i) => i.stale.contract),
        subject: message.subject,
        messageId: message.messageId,
      };
      let result: PersonResult;
      const problem = emailProblem(digest.person); // validation refused these already; check again before sending
      if (problem) {
        result = { ...base, status: 'failed', reason: `refused: the address ${problem}` };
      } else if (options.dryRun) {
        result = { ...base, status: 'would-send' };
      } else if (options.rehearsal) {
        result = outcomeResult(base, await options.sender.send(message)); // the ledger stays as it was
      } else {
        const outcome = await sendClaimed(digest, message, options, run, clock, (why) => (halted ??= why));
        if (outcome.status === 'lost' || outcome.status === 'meanwhile') {
          result = {
            ...base,
            status: 'skipped',
            reason:
              outcome.status === 'lost'
                ? remindMessages.claimedMeanwhile()
                : remindMessages.remindedMeanwhile(),
          };
        } else result = outcomeResult(base, outcome);
      }
      results.push(result);
      options.onProgress?.(++done, total, result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, total)) }, worker));
  results.sort((a, b) => a.email.localeCompare(b.email));
  const summary: Record<PersonStatus, number> = {
    sent: 0,
    written: 0,
    'would-send': 0,
    skipped: 0,
    failed: 0,
    uncertain: 0,
  };
  for (const r of results) summary[r.status]++;
  const interval = options.intervalDays * 86_400_000;
  const wallNow = clock();
  const outstanding = ledger
    .uncertain()
    .filter((u) => now.getTime() - Date.parse(u.pending.at) < interval)
    // Not one another run is handing over right now: that run reports its own.
    .filter((u) => !u.pending.run || !claimHeldUntil(u.pending, run, wallNow, lease))
    .filter((u) => u.pending.run === run.id || uncertainAtStart.has(`${u.person}\0${u.pending.messageId}`))
    .map((u) => ({
      email: u.person,
      messageId: u.pending.messageId,
      at: u.pending.at,
      contracts: u.pending.contracts.map((c) => c.contract),
    }));
  return { people: results, summary, outstanding, resolved };
}

type ClaimedOutcome = SendOutcome | { status: 'lost' } | { status: 'meanwhile' };

/**
 * Sends one digest under a claim: claimed and saved (compare-and-swap on a shared state)
 * before anything goes out, marked uncertain and saved before each attempt hands it to the
 * server, claimed again after the server refused an attempt, and released unless the outcome
 * is unknown. A claim that another run won is never sent.
 */
async function sendClaimed(
  digest: PlannedDigest,
  message: DigestMessage,
  options: RemindOptions,
  run: RunIdentity,
  clock: () => Date,
  halt: (why: string) => void,
): Promise<ClaimedOutcome> {
  const { ledger } = options;
  const at = options.digest.now.toISOString();
  const { person } = digest;
  const { messageId } = message;
  // A save made since the plan may have brought another run's claim or its sent digest: never
  // claim over them (a claim pushed on top of the state that holds theirs would replace theirs).
  const theirs = ledger.pending(person);
  const lease = options.claimLeaseMs ?? CLAIM_LEASE_MS;
  if (theirs && theirs.run !== run.id && claimHeldUntil(theirs, run, clock(), lease))
    return { status: 'lost' };
  if (options.beforeSend && remindedMeanwhile(digest, ledger, options.digest.now, options.intervalDays))
    return { status: 'meanwhile' };
  ledger.markSending(person, {
    at,
    messageId,
    contracts: digest.items.map((i) => ({ contract: i.stale.contract, lastUpdated: i.stale.lastUpdated })),
    state: 'claimed',
    run: run.id,
    host: run.host,
    pid: run.pid,
    claimedAt: clock().toISOString(),
  });
  const mine = () => {
    const p = ledger.pending(person);
    return p?.run === run.id && p.messageId === messageId;
  };
  let saveError: string | undefined;
  const save = async () => {
    try {
      await options.beforeSend?.();
    } catch (error) {
      saveError = (error as Error).message;
      halt(saveError);
      throw error;
    }
  };
  let lost = false;
  let outcome: ClaimedOutcome;
  try {
    await save();
  } catch {
    // reported below
  }
  if (saveError) outcome = { status: 'failed', kind: 'temporary', attempts: 0, error: '' };
  else if (!mine()) outcome = { status: 'lost' };
  // Saving may have merged another run's state, which may have reminded them already.
  else if (options.beforeSend && remindedMeanwhile(digest, ledger, options.digest.now, options.intervalDays))
    outcome = { status: 'meanwhile' };
  else
    outcome = await options.sender.send(message, {
      beforeAttempt: async () => {
        ledger.markPhase(person, messageId, 'uncertain', run.id);
        await save();
        if (!mine()) {
          lost = true;
          throw new Error(remindMessages.claimedMeanwhile());
        }
      },
      afterRefused: async () => {
        ledger.markPhase(person, messageId, 'claimed', run.id, clock().toISOString());
        await save();
      },
    });
  if (lost) return { status: 'lost' };
  if (saveError && outcome.status === 'failed')
    outcome = { ...outcome, error: remindMessages.checkpointFailed(saveError) };
  if (outcome.status === 'sent') ledger.markSent(person, messageId, at, run.id);
  else if (outcome.status === 'uncertain') ledger.markPhase(person, messageId, 'uncertain', run.id);
  // Not accepted, only written to a file, or not sent at all: release the claim, so a later run sends it.
  else if (outcome.status !== 'lost') ledger.markFailed(person, messageId, at, run.id);
  return outcome;
}

/**
 * Until when another run's claim holds, or undefined when it is free: a claim of this very
 * process or of a process gone from this machine is over; any other holds for the lease,
 * counted from when it was taken (by the claiming machine's clock).
 */
export function claimHeldUntil(
  claim: PendingDigest,
  run: RunIdentity,
  now: Date,
  leaseMs: number,
): Date | undefined {
  if (
    claim.host === run.host &&
    claim.pid !== undefined &&
    (claim.pid === run.pid || !processAlive(claim.pid))
  )
    return undefined;
  const until = Date.parse(claim.claimedAt ?? claim.at) + leaseMs;
  return until > now.getTime() ? new Date(until) : undefined;
}

/** What one person's result says about a send's outcome. */
function outcomeResult(
  base: Pick<PersonResult, 'email' | 'contracts' | 'subject' | 'messageId'>,
  outcome: SendOutcome,
): PersonResult {
  switch (outcome.status) {
    case 'sent':
      return { ...base, status: 'sent', attempts: outcome.attempts };
    case 'written':
      return { ...base, status: 'written', attempts: outcome.attempts, file: outcome.file };
    case 'failed':
      return {
        ...base,
        status: 'failed',
        attempts: outcome.attempts,
        reason: `${outcome.kind === 'permanent' ? 'refused: ' : outcome.attempts === 0 ? '' : 'gave up after temporary failures: '}${outcome.error}`,
      };
    case 'uncertain':
      return {
        ...base,
        status: 'uncertain',
        attempts: outcome.attempts,
        reason: `the connection broke mid-send; the message may have arrived: ${outcome.error}`,
      };
  }
}

/** Whether every contract of a planned digest has since been reminded about (by another run). */
function remindedMeanwhile(digest: PlannedDigest, ledger: Ledger, now: Date, intervalDays: number): boolean {
  return digest.items.every((i) => {
    const r = ledger.reminded(digest.person, i.stale.contract);
    return (
      r !== undefined &&
      r.lastUpdated === i.stale.lastUpdated &&
      now.getTime() - Date.parse(r.at) < intervalDays * 86_400_000
    );
  });
}

function skippedResult(s: SkippedPerson): PersonResult {
  return {
    email: s.person,
    status: 'skipped',
    contracts: s.contracts,
    reason:
      s.reason === 'uncertain'
        ? remindMessages.uncertainSkipped(s.pending?.messageId ?? '', s.nextAt.slice(0, 10))
        : s.reason === 'claimed'
          ? remindMessages.claimedElsewhere(s.pending!, s.nextAt)
          : `reminded recently; next reminder from ${s.nextAt.slice(0, 10)}`,
    nextAt: s.nextAt,
  };
}
