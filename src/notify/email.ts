// The only file that imports nodemailer: loaded lazily, never on a hook path.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { emailProblem } from '../contract/email.js';
import { DcrError } from '../errors.js';
import { classifyMailError, describeMailError, type FailureKind } from './email-errors.js';

export { classifyMailError, type FailureKind } from './email-errors.js';

/** One email. Addresses must be plain `local@domain.tld`; anything else is refused, not sent. */
export interface MailMessage {
  from: string;
  to: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  /** `<id@domain>`: stable, so a resend can be recognised as the same message. */
  messageId: string;
  date?: Date;
  headers?: Record<string, string>;
}

export type SendResult =
  | { status: 'sent'; attempts: number; response?: string }
  /** Written to the outbox as an .eml file: nobody received it. */
  | { status: 'written'; attempts: number; file: string }
  | { status: 'failed'; kind: Exclude<FailureKind, 'uncertain'>; attempts: number; error: string }
  | { status: 'uncertain'; attempts: number; error: string };

export interface MailerOptions {
  /** `smtp://[user[:password]@]host[:port]` or `smtps://...`. Without it, messages go to `outbox`. */
  smtpUrl?: string;
  /** Folder for .eml files when no SMTP URL is given. */
  outbox?: string;
  /** SMTP password, when not in the URL (from the environment, never from a file). */
  password?: string;
  user?: string;
  secure?: boolean;
  requireTLS?: boolean;
  rejectUnauthorized?: boolean;
  maxConnections?: number;
  /** Messages per second across the pool; 0 or undefined: unlimited. */
  ratePerSecond?: number;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
  /** Retries after the first attempt for temporary failures (default 3). */
  retries?: number;
  /** First back-off delay; doubles each retry (default 2000 ms). */
  retryDelayMs?: number;
  /** For tests: how to wait between retries. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Called around each SMTP attempt, so the caller can record where a message stands before it
 * can reach the server, and after the server refused it. A hook that throws stops the send:
 * it comes back `failed` with the attempts made so far.
 */
export interface SendHooks {
  /** Before each attempt: from here on the message may reach the server. */
  beforeAttempt?(): Promise<void>;
  /** After an attempt the server did not accept, before waiting to try again. */
  afterRefused?(): Promise<void>;
}

export interface Mailer {
  kind: 'smtp' | 'outbox';
  /** Where mail goes, for people: the SMTP URL without password, or the outbox folder. */
  target: string;
  /** Sends one message, retrying temporary failures with back-off. Never throws for a failed send. */
  send(message: MailMessage, hooks?: SendHooks): Promise<SendResult>;
  close(): void;
}

/** An SMTP URL with its password replaced by `***`, safe to print. */
export function redactSmtpUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '(invalid SMTP URL)';
  }
}

/**
 * A sender over SMTP (pooled) or into an outbox folder of .eml files. The outbox delivers
 * nothing: its messages come back `written`, never `sent`.
 */
export function createMailer(options: MailerOptions): Mailer {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const retries = options.retries ?? 3;
  const delay = options.retryDelayMs ?? 2000;
  if (!options.smtpUrl) {
    if (!options.outbox) throw new DcrError('no SMTP URL and no outbox folder to write mail to');
    return outboxMailer(options.outbox);
  }
  const transport = nodemailer.createTransport(smtpOptions(options.smtpUrl, options));
  // Once the server could not be reached through all retries, later messages fail at once
  // instead of each waiting through the same back-off (a run with 1,000 owners would hang).
  let unreachable: string | undefined;
  const send = async (message: MailMessage, hooks: SendHooks = {}): Promise<SendResult> => {
    const refused = refusal(message);
    if (refused) return { status: 'failed', kind: 'permanent', attempts: 0, error: refused };
    const hook = async (fn: (() => Promise<void>) | undefined, attempts: number) => {
      try {
        await fn?.();
        return undefined;
      } catch (error) {
        return { status: 'failed', kind: 'temporary', attempts, error: describeMailError(error) } as const;
      }
    };
    for (let attempt = 1; ; attempt++) {
      if (unreachable)
        return {
          status: 'failed',
          kind: 'temporary',
          attempts: attempt - 1,
          error: `not tried: ${unreachable}`,
        };
      const stopped = await hook(hooks.beforeAttempt?.bind(hooks), attempt - 1);
      if (stopped) return stopped;
      try {
        const info = await transport.sendMail(mailOptions(message));
        return { status: 'sent', attempts: attempt, response: String(info.response ?? '') };
      } catch (error) {
        const kind = classifyMailError(error);
        const text = describeMailError(error);
        if (kind === 'uncertain') return { status: 'uncertain', attempts: attempt, error: text };
        if (kind === 'permanent' || attempt > retries) {
          if (
            kind === 'temporary' &&
            typeof (error as { responseCode?: unknown }).responseCode !== 'number'
          ) {
            unreachable = `the SMTP server was unreachable (${text})`;
          }
          return { status: 'failed', kind, attempts: attempt, error: text };
        }
        const stoppedAfter = await hook(hooks.afterRefused?.bind(hooks), attempt);
        if (stoppedAfter) return stoppedAfter;
        await sleep(delay * 2 ** (attempt - 1));
      }
    }
  };
  return { kind: 'smtp', target: redactSmtpUrl(options.smtpUrl), send, close: () => transport.close() };
}

function smtpOptions(url: string, o: MailerOptions) {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DcrError('the SMTP URL is not a valid URL', {
      hint: 'write it as smtp://user@host:587 or smtps://user@host:465',
    });
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') {
    throw new DcrError(`the SMTP URL must start with smtp:// or smtps://, not ${u.protocol}//`, {
      hint: 'for example smtp://mail.example.com:587',
    });
  }
  const secure = o.secure ?? u.protocol === 'smtps:';
  const user = decodeURIComponent(u.username) || o.user;
  const pass = decodeURIComponent(u.password) || o.password;
  const rate = o.ratePerSecond ?? 0;
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    requireTLS: o.requireTLS ?? false,
    tls: { rejectUnauthorized: o.rejectUnauthorized ?? true },
    ...(user ? { auth: { user, pass: pass ?? '' } } : {}),
    pool: true as const,
    maxConnections: o.maxConnections ?? 3,
    ...(rate > 0 ? { rateDelta: 1000, rateLimit: rate } : {}),
    connectionTimeout: o.connectionTimeoutMs ?? 10_000,
    greetingTimeout: o.greetingTimeoutMs ?? 10_000,
    socketTimeout: o.socketTimeoutMs ?? 30_000,
    dnsTimeout: o.connectionTimeoutMs ?? 10_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** Why a message must not be sent, or undefined: the last check before nodemailer. */
function refusal(m: MailMessage): string | undefined {
  for (const address of [m.from, ...m.to, ...(m.replyTo ? [m.replyTo] : [])]) {
    const problem = emailProblem(address);
    if (problem) return `refused to send: the address ${JSON.stringify(address)} ${problem}`;
  }
  if (m.to.length === 0) return 'refused to send: no recipient';
  if (/[\r\n]/.test(m.subject) || /[\r\n<>\s]/.test(m.messageId.slice(1, -1)))
    return 'refused to send: a header holds a line break';
  for (const [k, v] of Object.entries(m.headers ?? {}))
    if (/[\r\n:]/.test(k) || /[\r\n]/.test(v)) return `refused to send: header ${k} holds a line break`;
  return undefined;
}

function mailOptions(m: MailMessage) {
  return {
    from: m.from,
    to: m.to,
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    // An explicit envelope: recipients are exactly the checked addresses, never re-parsed.
    envelope: { from: m.from, to: m.to },
    subject: m.subject,
    text: m.text,
    ...(m.html ? { html: m.html } : {}),
    messageId: m.messageId,
    ...(m.date ? { date: m.date } : {}),
    headers: m.headers ?? {},
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

function outboxMailer(folder: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'outbox',
    target: folder,
    async send(message) {
      const refused = refusal(message);
      if (refused) return { status: 'failed', kind: 'permanent', attempts: 0, error: refused };
      try {
        const info = await transport.sendMail(mailOptions(message));
        mkdirSync(folder, { recursive: true });
        // Named after the Message-ID: writing the same message again replaces the file.
        const name = `${message.to[0]!.replace(/[^A-Za-z0-9@._-]/g, '_')}-${createHash('sha256').update(message.messageId).digest('hex').slice(0, 12)}.eml`;
        const file = join(folder, name);
        writeFileSync(`${file}.tmp`, info.message as Buffer);
        renameSync(`${file}.tmp`, file);
        return { status: 'written', attempts: 1, file };
      } catch (error) {
        return { status: 'failed', kind: 'temporary', attempts: 1, error: describeMailError(error) };
      }
    },
    close: () => transport.close(),
  };
}
