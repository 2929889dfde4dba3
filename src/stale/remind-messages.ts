import type { Message } from '../messages.js';
import type { PendingDigest } from './ledger.js';
import { staleMessages } from './messages.js';

/** Sentences of `dcr remind`, apart from the logic. */
export const remindMessages = {
  shallow: staleMessages.shallow,
  invalid: (files: string[]): Message => ({
    message: `${files.length} contract file(s) have validation errors; their owners are not emailed: ${files.slice(0, 5).join(', ')}${files.length > 5 ? ', ...' : ''}`,
    hint: 'run `dcr validate` and fix them',
  }),
  defaultFrom: (from: string): Message => ({
    message: `sending as ${from}, which mail servers usually refuse`,
    hint: 'set `reminders: { from: data-contracts@yourcompany.com }` in dcr.config.yaml',
  }),
  progress: (done: number, total: number): string => `sending reminders: ${done}/${total}`,
  nothingStale: (): string => '✔ no stale contracts: nobody to remind',
  summary: (s: Record<string, number>, stale: number, outbox = false): string =>
    `${stale} stale contract(s): ${outbox ? `${s.written} written to the outbox (none sent)` : `${s.sent} sent`}, ${s['would-send'] ? `${s['would-send']} would be sent, ` : ''}${s.skipped} skipped, ${s.failed} failed${s.uncertain ? `, ${s.uncertain} uncertain` : ''}`,
  outbox: (folder: string): string =>
    `no SMTP server configured (--smtp or DCR_SMTP_URL), so nothing was sent: the emails were written as .eml files into ${folder}\n` +
    '      This was a rehearsal: open them in a mail client to check them. Nothing was recorded as\n' +
    '      sent, so the first run with SMTP sends every digest.',
  dryRun: (): string => 'dry run: nothing was sent or recorded',
  stateSpec: (spec: string, problem: string): Message => ({
    message: `the reminders state ${JSON.stringify(spec)}: the ref ${problem}`,
    hint: 'write --state git:refs/dcr/reminders (a ref of its own, not a branch)',
  }),
  stateRemote: (name: string, problem: string): Message => ({
    message: `--state-remote ${JSON.stringify(name)} ${problem}`,
    hint: 'name a configured remote, e.g. origin (`git remote -v` lists them)',
  }),
  stateRemoteWithoutRef: (): Message => ({
    message: '--state-remote (reminders.stateRemote) needs a git state',
    hint: 'add --state git:refs/dcr/reminders, or drop --state-remote',
  }),
  stateNotRepo: (cwd: string): Message => ({
    message: `a git state needs a git repository, and ${cwd} is not in one`,
    hint: 'run dcr remind inside the repository, or use --state FILE',
  }),
  stateRefMoved: (ref: string): Message => ({
    message: `the local ref ${ref} was changed by another program during this run`,
    hint: 'this run kept its state beside the lock in the .git folder; run dcr remind again to merge it',
  }),
  statePushFailed: (ref: string, remote: string, why: string): Message => ({
    message: `could not push the reminders state to ${remote}: ${why}; the local ref ${ref} holds it`,
    hint: `push it when ${remote} is reachable: git push ${remote} ${ref} (the next dcr remind from this clone also does)`,
  }),
  remindedMeanwhile: (): string => 'another run reminded them about these contracts meanwhile',
  claimedMeanwhile: (): string => 'another run claimed this digest first and is sending it',
  claimedElsewhere: (claim: PendingDigest, until: string): string =>
    `another run${claim.pid !== undefined ? ` (pid ${claim.pid}${claim.host ? ` on ${claim.host}` : ''})` : ''} claimed this digest at ${claim.claimedAt ?? claim.at} and is sending it; if that run stopped before handing it to the mail server, the claim lapses at ${until} and the next run sends it`,
  uncertainSkipped: (messageId: string, until: string): string =>
    `an earlier run handed this digest to the mail server and was interrupted before the answer (${messageId}): it may have arrived; not sent again before ${until} unless resolved (dcr remind --resolve-uncertain sent|resend)`,
  outstanding: (people: string[]): Message => ({
    message: `${people.length} digest(s) were handed to the mail server with no answer, so nobody knows whether they arrived: ${people.slice(0, 5).join(', ')}${people.length > 5 ? ', ...' : ''}`,
    hint: 'ask them (or look in the mail server log for the Message-ID), then run `dcr remind --resolve-uncertain sent` if they arrived or `dcr remind --resolve-uncertain resend` to send them again (with the same --state options as this run)',
  }),
  resolveValue: (value: string): Message => ({
    message: `--resolve-uncertain ${JSON.stringify(value)} is not a choice`,
    hint: 'write --resolve-uncertain sent (the digests arrived) or --resolve-uncertain resend (send them again)',
  }),
  resolved: (count: number): string => `${count} uncertain digest(s) recorded as delivered`,
  checkpointFailed: (why: string): string =>
    `not sent: the state could not be saved before sending, so the run stopped (${why})`,
} as const;
