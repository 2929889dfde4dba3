import { emailProblem } from '../contract/email.js';
import { composeDigest, type DigestContext, type DigestMessage } from './digest-email.js';
import type { Ledger } from './ledger.js';
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

/** Whatever delivers a digest: SMTP, an outbox folder, or a test double. */
export interface DigestSender {
  send(message: DigestMessage): Promise<SendOutcome>;
}

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

export interface RemindResult {
  people: PersonResult[];
  summary: Record<PersonStatus, number>;
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
  /** Digests in flight at once (match the SMTP pool size). */
  concurrency?: number;
  /** Called after each person is done. */
  onProgress?: (done: number, total: number, result: PersonResult) => void;
  /** Stops taking new digests (the ones in flight finish). */
  signal?: AbortSignal;
  /**
   * Called after a digest is marked `sending` and before it goes out, to make the mark durable
   * beyond this machine (a git state ref). If it throws, that digest is not sent and the run
   * stops taking new ones.
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
  const plan = planReminders(options.stale, options.ledger, {
    now,
    intervalDays: options.intervalDays,
    resendUncertain: options.resendUncertain,
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
        options.ledger.markSending(digest.person, {
          at: now.toISOString(),
          messageId: message.messageId,
          contracts: digest.items.map((i) => ({
            contract: i.stale.contract,
            lastUpdated: i.stale.lastUpdated,
          })),
        });
        let outcome: SendOutcome | { status: 'meanwhile' } | undefined;
        try {
          await options.beforeSend?.();
          // Saving may have merged another run's state, which may have reminded them already.
          if (options.beforeSend && remindedMeanwhile(digest, options.ledger, now, options.intervalDays))
            outcome = { status: 'meanwhile' };
        } catch (error) {
          halted = (error as Error).message;
          const reason = remindMessages.checkpointFailed(halted);
          outcome = { status: 'failed', kind: 'temporary', attempts: 0, error: reason };
        }
        outcome ??= await options.sender.send(message);
        if (outcome.status === 'meanwhile') {
          options.ledger.markFailed(digest.person, message.messageId, now.toISOString()); // not sent: drop the mark
          result = { ...base, status: 'skipped', reason: remindMessages.remindedMeanwhile() };
        } else {
          if (outcome.status === 'sent')
            options.ledger.markSent(digest.person, message.messageId, now.toISOString());
          // Not accepted, or only written to a file: drop the mark, so a later run sends it.
          else if (outcome.status !== 'uncertain')
            options.ledger.markFailed(digest.person, message.messageId, now.toISOString());
          // Uncertain: left `sending` in the ledger, so the next runs do not resend it within the interval.
          result = outcomeResult(base, outcome);
        }
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
  return { people: results, summary };
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
        ? `an earlier run was interrupted while sending to this person (${s.pending?.messageId}); not resent before ${s.nextAt.slice(0, 10)} unless --resend-uncertain`
        : `reminded recently; next reminder from ${s.nextAt.slice(0, 10)}`,
    nextAt: s.nextAt,
  };
}
