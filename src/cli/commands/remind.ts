import { resolve } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { contractPage } from '../../site/links.js';
import { siteSettings } from '../../site/site-config.js';
import { parseNow } from '../../stale/clock.js';
import { collectStale } from '../../stale/collect.js';
import { templateLink, type DigestContext } from '../../stale/digest-email.js';
import { parseDurationDays } from '../../stale/duration.js';
import { GitState, locateGitState, parseStateSpec } from '../../stale/git-state.js';
import { Ledger } from '../../stale/ledger.js';
import { acquireLock } from '../../stale/lock.js';
import { remindMessages } from '../../stale/remind-messages.js';
import {
  sendReminders,
  type DigestSender,
  type PersonResult,
  type RemindResult,
} from '../../stale/remind.js';
import { DEFAULT_REMINDERS, remindersConfig, type RemindersSettings } from '../../stale/reminders-config.js';
import type { Command } from '../command.js';
import type { CliContext } from '../context.js';
import { colorsFor } from '../output/color.js';
import { configFor, formatOf, writeJson } from '../shared.js';

export const command: Command = {
  help: `Usage: dcr remind [options]

Emails every owner of a stale contract (see \`dcr stale\`) one digest listing the contracts
they own or ingest, with what to do: review it, then change it or bump \`reviewed_at\`.

Where mail goes: --smtp URL, else the DCR_SMTP_URL environment variable (smtp:// or smtps://;
the password in the URL or in DCR_SMTP_PASSWORD, never printed).

The outbox, for a rehearsal: with no SMTP configured, each email is written as an .eml file
into the outbox folder (default .dcr/outbox), to open in a mail client and check before the
real thing. Nothing is sent and nothing is recorded: the state is read, so the outbox holds
what a real run would send now, but never written, so the first run with SMTP still sends
every digest. The output says "written", not "sent". --dry-run goes further: it lists who
would get what and writes no files at all.

Exactly once: a state file (default .dcr/reminders.json) records what was sent over SMTP to
whom. A person hears about a contract at most once per interval (default 14d) until it is
updated. Each digest is claimed in the state before it is sent, marked uncertain as an SMTP
attempt hands it to the server, and claimed again if the server refuses it (before a retry).
A run killed half-way resumes without resending; a
claim that never reached the server is released (or lapses, for a run on another machine,
after 15 minutes) and the next run sends it. A digest handed over with no answer (the run
was killed, or the connection broke mid-message) is never resent by itself: every run exits
1 and names it until you resolve it with --resolve-uncertain sent (it arrived) or
--resolve-uncertain resend. Temporary SMTP failures are retried with back-off.

State on a git ref, for CI runners that start empty: --state git:refs/dcr/reminders keeps it
in a commit on that ref of the repository (never the work tree, index, HEAD or branches),
committed when a digest is claimed, before it goes out and at the end, also after a
failure. With --state-remote origin it is fetched first and pushed at each commit without
force (a compare-and-swap): a push another run beat is merged and retried, a digest the other
run claimed first is left to it (runs from different clones never both send one), and a push
that still fails exits 2 (the local ref holds the state). Without --state-remote nothing
touches the network.

Options:
  --dry-run              show who would get what; send, write and record nothing
  --smtp URL             SMTP server, e.g. smtp://user@mail.example.com:587
  --now ISO-DATE         judge and record as of this date (reproducible runs)
  --older-than DURATION  stale threshold (default: reminders.olderThan, else 6mo)
  --interval DURATION    least time between two reminders about one contract (default 14d)
  --state FILE|git:REF   state file, or a git ref such as git:refs/dcr/reminders
                         (default: reminders.state, else .dcr/reminders.json)
  --state-remote NAME    with a git state: fetch it from and push it to this remote
                         (default: reminders.stateRemote, else none)
  --outbox DIR           folder for the rehearsal's .eml files when no SMTP is configured
                         (default: reminders.outbox, else .dcr/outbox)
  --resolve-uncertain sent|resend
                         digests handed to the server with no answer: record them as
                         delivered (sent), or send them again (resend)
  --resend-uncertain     the same as --resolve-uncertain resend

Settings (dcr.config.yaml, \`reminders:\`): olderThan, interval, from, replyTo, state,
stateRemote, outbox, fileUrl (\`{path}\`), catalogUrl (\`{jobId}\`), smtp: { secure,
requireTLS, rejectUnauthorized, user, maxConnections, ratePerSecond, connectionTimeoutMs,
greetingTimeoutMs, socketTimeoutMs, retries, retryDelayMs }.

Exit codes: 0 everyone due was reached (or written to the outbox), 1 someone could not be
reached, a digest's outcome is unknown until resolved, or a contract with validation errors
was left out, 2 usage, configuration or state
problem (including a git state that could not be pushed: the local ref then holds it).

Examples:
  dcr remind --dry-run
  dcr remind                     # no SMTP configured: a rehearsal into .dcr/outbox
  dcr remind --state git:refs/dcr/reminders --state-remote origin
  DCR_SMTP_URL=smtp://mail.internal:25 dcr remind --format json`,
  options: {
    'dry-run': { type: 'boolean' },
    smtp: { type: 'string' },
    now: { type: 'string' },
    'older-than': { type: 'string' },
    interval: { type: 'string' },
    state: { type: 'string' },
    'state-remote': { type: 'string' },
    outbox: { type: 'string' },
    'resend-uncertain': { type: 'boolean' },
    'resolve-uncertain': { type: 'string' },
  },
  async run(ctx, values) {
    const format = formatOf(values);
    const loaded = configFor(ctx, values);
    const settings = remindersConfig(loaded);
    const threshold = (values['older-than'] as string | undefined) ?? settings.olderThan;
    const interval = (values.interval as string | undefined) ?? settings.interval;
    const thresholdDays = parseDurationDays(threshold);
    const intervalDays = parseDurationDays(interval);
    const now = parseNow(values.now as string | undefined);
    const dryRun = values['dry-run'] === true;
    const smtpUrl = (values.smtp as string | undefined) ?? (ctx.env.DCR_SMTP_URL || undefined);
    const resolveUncertain = values['resolve-uncertain'] as string | undefined;
    if (resolveUncertain !== undefined && resolveUncertain !== 'sent' && resolveUncertain !== 'resend') {
      const m = remindMessages.resolveValue(resolveUncertain);
      throw new UsageError(m.message, m.hint);
    }
    const stateSpec = parseStateSpec((values.state as string | undefined) ?? settings.state);
    const explicitRemote = values['state-remote'] as string | undefined;
    if (explicitRemote !== undefined && stateSpec.kind !== 'git') {
      const m = remindMessages.stateRemoteWithoutRef();
      throw new UsageError(m.message, m.hint);
    }
    // Checked before any work: a bad ref or remote is a usage error (exit 2), never run.
    const gitLocation =
      stateSpec.kind === 'git'
        ? await locateGitState(loaded.root, stateSpec.ref, explicitRemote ?? settings.stateRemote)
        : undefined;
    const statePath = stateSpec.kind === 'file' ? resolve(loaded.root, stateSpec.path) : gitLocation!.file;
    const stateLabel = stateSpec.kind === 'file' ? statePath : `git:${stateSpec.ref}`;
    const outbox = resolve(loaded.root, (values.outbox as string | undefined) ?? settings.outbox);
    if (smtpUrl && values.outbox)
      throw new UsageError(
        '--outbox and an SMTP URL exclude each other',
        'drop one: mail goes either to SMTP or to the outbox',
      );

    const report = await collectStale(loaded, { now, thresholdDays });
    const warn = colorsFor(ctx.stderr, ctx.env);
    const say = (m: { message: string; hint?: string }) =>
      ctx.stderr.write(
        `${warn.yellow('warning:')} ${m.message}\n${m.hint ? `${warn.cyan('hint:')} ${m.hint}\n` : ''}`,
      );
    if (report.shallow) say(remindMessages.shallow());
    if (report.invalid.length) say(remindMessages.invalid(report.invalid));
    if (smtpUrl && !dryRun && settings.from === DEFAULT_REMINDERS.from)
      say(remindMessages.defaultFrom(settings.from));

    // No SMTP: a rehearsal into the outbox. It reads the state (to pick whom a real run would
    // remind) but never writes it, so the first real run still sends everyone their digest.
    const rehearsal = !dryRun && !smtpUrl;
    const recording = !dryRun && !rehearsal;
    const lock = recording ? acquireLock(`${statePath}.lock`) : undefined;
    const abort = new AbortController();
    const stop = () => abort.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    let mailer: (DigestSender & { kind: string; target: string; close(): void }) | undefined;
    let result: RemindResult;
    let stateError: unknown;
    try {
      const gitState = gitLocation ? await GitState.open(gitLocation, { readOnly: !recording }) : undefined;
      const ledger = gitState?.ledger ?? Ledger.open(statePath, { readOnly: !recording });
      try {
        if (!dryRun) mailer = await createSender(ctx, settings, smtpUrl, outbox);
        const byId = new Map(report.contracts.map((c) => [c.jobId, c]));
        const progress = format === 'text' && ctx.stderr.isTTY === true;
        result = await sendReminders({
          stale: report.stale,
          ledger,
          sender: mailer ?? {
            send: async () => ({ status: 'failed', kind: 'permanent', attempts: 0, error: 'dry run' }),
          },
          digest: digestContext(ctx, loaded, settings, {
            now,
            threshold,
            interval,
            describe: (id) => byId.get(id)?.description,
          }),
          intervalDays,
          dryRun,
          rehearsal,
          resendUncertain: values['resend-uncertain'] === true || resolveUncertain === 'resend',
          ...(resolveUncertain === 'sent' ? { resolveUncertain } : {}),
          concurrency: settings.smtp.maxConnections,
          signal: abort.signal,
          ...(gitState && recording ? { beforeSend: () => gitState.checkpoint() } : {}),
          ...(progress
            ? {
                onProgress: (done: number, total: number) =>
                  ctx.stderr.write(`\r${remindMessages.progress(done, total)}${done === total ? '\n' : ''}`),
              }
            : {}),
        });
      } finally {
        mailer?.close();
        // Also after a failure: what was sent must reach the ref.
        if (gitState && recording)
          stateError = await gitState.finish().then(
            () => undefined,
            (e: unknown) => e,
          );
        else ledger.close();
      }
    } finally {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      lock?.release();
    }

    const transport = dryRun ? { kind: 'none' } : { kind: mailer!.kind, target: mailer!.target };
    if (format === 'json') {
      writeJson(ctx, {
        now: now.toISOString(),
        dryRun,
        threshold,
        interval,
        transport,
        state: stateLabel,
        ...(gitLocation?.remote ? { stateRemote: gitLocation.remote } : {}),
        people: result.people,
        summary: result.summary,
        outstanding: result.outstanding,
        ...(result.resolved.length ? { resolved: result.resolved } : {}),
        ...(report.invalid.length ? { invalid: report.invalid } : {}),
      });
    } else {
      printText(ctx, result, { dryRun, transport, stale: report.stale.length });
    }
    // Only a run that records can resolve them; a dry run or a rehearsal just lists them.
    const outstanding = recording ? result.outstanding.length : 0;
    if (outstanding) say(remindMessages.outstanding(result.outstanding.map((o) => o.email)));
    if (stateError) throw stateError; // after the report: the sends happened either way
    const unreached = result.summary.failed + result.summary.uncertain + outstanding;
    return unreached > 0 || report.invalid.length > 0 ? ExitCode.Findings : ExitCode.Ok;
  },
};

async function createSender(
  ctx: CliContext,
  settings: RemindersSettings,
  smtpUrl: string | undefined,
  outbox: string,
) {
  const { createMailer } = await import('../../notify/email.js'); // nodemailer only when sending
  const s = settings.smtp;
  return createMailer({
    ...(smtpUrl ? { smtpUrl } : { outbox }),
    ...(ctx.env.DCR_SMTP_PASSWORD ? { password: ctx.env.DCR_SMTP_PASSWORD } : {}),
    ...(s.user ? { user: s.user } : {}),
    ...(s.secure !== undefined ? { secure: s.secure } : {}),
    ...(s.requireTLS !== undefined ? { requireTLS: s.requireTLS } : {}),
    ...(s.rejectUnauthorized !== undefined ? { rejectUnauthorized: s.rejectUnauthorized } : {}),
    maxConnections: s.maxConnections,
    ratePerSecond: s.ratePerSecond,
    connectionTimeoutMs: s.connectionTimeoutMs,
    greetingTimeoutMs: s.greetingTimeoutMs,
    socketTimeoutMs: s.socketTimeoutMs,
    retries: s.retries,
    retryDelayMs: s.retryDelayMs,
  });
}

function digestContext(
  ctx: CliContext,
  loaded: ReturnType<typeof configFor>,
  settings: RemindersSettings,
  extra: Pick<DigestContext, 'now' | 'threshold' | 'interval' | 'describe'>,
): DigestContext {
  const site = siteSettings(loaded, ctx.env);
  const digest: DigestContext = { ...extra, from: settings.from };
  if (settings.replyTo) digest.replyTo = settings.replyTo;
  if (settings.fileUrl) digest.fileLink = templateLink(settings.fileUrl, '{path}');
  else if (site.repo)
    digest.fileLink = templateLink(
      `${site.repo.url}/blob/${encodeURIComponent(site.repo.branch)}/{path}`,
      '{path}',
    );
  if (settings.catalogUrl) digest.catalogLink = templateLink(settings.catalogUrl, '{jobId}');
  else if (site.baseUrl)
    digest.catalogLink = (jobId) =>
      site.baseUrl + contractPage(jobId).split('/').map(encodeURIComponent).join('/');
  return digest;
}

function printText(
  ctx: CliContext,
  result: RemindResult,
  info: { dryRun: boolean; transport: { kind: string; target?: string }; stale: number },
) {
  const c = colorsFor(ctx.stdout, ctx.env);
  const mark: Record<PersonResult['status'], string> = {
    sent: c.green('sent'),
    written: c.cyan('written'),
    'would-send': c.cyan('would send'),
    skipped: c.dim('skipped'),
    failed: c.red('FAILED'),
    uncertain: c.yellow('UNCERTAIN'),
  };
  if (result.people.length === 0) {
    ctx.stdout.write(`${c.green(remindMessages.nothingStale())}\n`);
    return;
  }
  for (const p of result.people) {
    ctx.stdout.write(`${mark[p.status].padEnd(c.enabled ? 19 : 10)} ${p.email}: ${p.contracts.join(', ')}\n`);
    if (p.reason) ctx.stdout.write(`           ${c.dim(p.reason)}\n`);
    if (info.dryRun && p.subject) ctx.stdout.write(`           ${c.dim(`subject: ${p.subject}`)}\n`);
  }
  ctx.stdout.write(
    `\n${remindMessages.summary(result.summary, info.stale, info.transport.kind === 'outbox')}\n`,
  );
  if (result.resolved.length) ctx.stdout.write(`${remindMessages.resolved(result.resolved.length)}\n`);
  if (info.transport.kind === 'outbox')
    ctx.stdout.write(`${c.cyan('note:')} ${remindMessages.outbox(info.transport.target ?? '')}\n`);
  if (info.dryRun) ctx.stdout.write(`${c.cyan('note:')} ${remindMessages.dryRun()}\n`);
}
