import type { LoadedConfig } from '../config/config.js';
import { emailProblem } from '../contract/email.js';
import { DcrError } from '../errors.js';
import { suggest } from '../util/suggest.js';
import { parseDurationDays } from './duration.js';

/** SMTP settings that are not secrets (the password comes from the URL or DCR_SMTP_PASSWORD). */
export interface SmtpSettings {
  /** Implicit TLS (port 465); default: true for smtps:// URLs. */
  secure?: boolean;
  /** Refuse to send unless STARTTLS succeeds. */
  requireTLS?: boolean;
  /** Verify the server certificate (default true). */
  rejectUnauthorized?: boolean;
  user?: string;
  maxConnections: number;
  /** Messages per second across the pool (0: unlimited). */
  ratePerSecond: number;
  connectionTimeoutMs: number;
  greetingTimeoutMs: number;
  socketTimeoutMs: number;
  /** Attempts after the first, for temporary failures. */
  retries: number;
  retryDelayMs: number;
}

/** The `reminders` section of the config file, with defaults. */
export interface RemindersSettings {
  olderThan: string;
  interval: string;
  from: string;
  replyTo?: string;
  /** Ledger of what was sent: a file (relative to the config's folder) or `git:<ref>`. */
  state: string;
  /** With a `git:` state: the remote it is fetched from and pushed to (default: none, local only). */
  stateRemote?: string;
  /** Where .eml files go when no SMTP server is configured. */
  outbox: string;
  /** Link to a contract file; `{path}` is replaced (default: GitHub Actions' repository, else none). */
  fileUrl?: string;
  /** Link to a contract's catalog page; `{jobId}` is replaced. */
  catalogUrl?: string;
  smtp: SmtpSettings;
}

const DEFAULT_SMTP: SmtpSettings = {
  maxConnections: 3,
  ratePerSecond: 0,
  connectionTimeoutMs: 10_000,
  greetingTimeoutMs: 10_000,
  socketTimeoutMs: 30_000,
  retries: 3,
  retryDelayMs: 2_000,
};

export const DEFAULT_REMINDERS: RemindersSettings = {
  olderThan: '6mo',
  interval: '14d',
  from: 'dcr-reminders@localhost.localdomain',
  state: '.dcr/reminders.json',
  outbox: '.dcr/outbox',
  smtp: DEFAULT_SMTP,
};

type Kind = 'string' | 'boolean' | 'count' | 'ms';
const TOP: Record<string, Kind | 'smtp'> = {
  olderThan: 'string',
  interval: 'string',
  from: 'string',
  replyTo: 'string',
  state: 'string',
  stateRemote: 'string',
  outbox: 'string',
  fileUrl: 'string',
  catalogUrl: 'string',
  smtp: 'smtp',
};
const SMTP: Record<keyof SmtpSettings, Kind> = {
  secure: 'boolean',
  requireTLS: 'boolean',
  rejectUnauthorized: 'boolean',
  user: 'string',
  maxConnections: 'count',
  ratePerSecond: 'count',
  connectionTimeoutMs: 'ms',
  greetingTimeoutMs: 'ms',
  socketTimeoutMs: 'ms',
  retries: 'count',
  retryDelayMs: 'count',
};

/** Reads and checks the `reminders` section; throws a DcrError naming the bad setting. */
export function remindersConfig(loaded: LoadedConfig): RemindersSettings {
  const raw = loaded.config.reminders ?? {};
  const where = loaded.file ?? 'the configuration';
  const out: Record<string, unknown> = { ...DEFAULT_REMINDERS, smtp: { ...DEFAULT_SMTP } };
  check(raw, TOP, 'reminders', where, out);
  const smtpRaw = Object.hasOwn(raw, 'smtp') ? raw.smtp : {};
  if (smtpRaw === null || typeof smtpRaw !== 'object' || Array.isArray(smtpRaw))
    throw bad(where, 'reminders.smtp', 'a mapping');
  check(
    smtpRaw as Record<string, unknown>,
    SMTP,
    'reminders.smtp',
    where,
    out.smtp as Record<string, unknown>,
  );
  const settings = out as unknown as RemindersSettings;
  for (const key of ['olderThan', 'interval'] as const) {
    try {
      parseDurationDays(settings[key]);
    } catch (error) {
      throw new DcrError(`${where}: reminders.${key}: ${(error as Error).message}`, {
        hint: (error as DcrError).hint,
      });
    }
  }
  for (const key of ['from', 'replyTo'] as const) {
    const address = settings[key];
    const problem = address === undefined ? undefined : emailProblem(address);
    if (problem)
      throw new DcrError(`${where}: reminders.${key} ${problem}`, {
        hint: 'write a plain address such as data-contracts@example.com',
      });
  }
  return settings;
}

function check(
  raw: Record<string, unknown>,
  kinds: Record<string, Kind | 'smtp'>,
  prefix: string,
  where: string,
  out: Record<string, unknown>,
) {
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(kinds, key)) {
      const guess = suggest(key, Object.keys(kinds));
      throw new DcrError(
        `${where}: unknown setting ${prefix}.${key}${guess ? `; did you mean "${guess}"?` : ''}`,
        {
          hint: `known settings: ${Object.keys(kinds).join(', ')}`,
        },
      );
    }
    const kind = kinds[key];
    const v = raw[key];
    if (kind === 'smtp') continue;
    if (kind === 'string' && (typeof v !== 'string' || v === ''))
      throw bad(where, `${prefix}.${key}`, 'a non-empty string');
    if (kind === 'boolean' && typeof v !== 'boolean') throw bad(where, `${prefix}.${key}`, 'true or false');
    if ((kind === 'count' || kind === 'ms') && !(typeof v === 'number' && Number.isInteger(v) && v >= 0)) {
      throw bad(where, `${prefix}.${key}`, kind === 'ms' ? 'a number of milliseconds' : 'a whole number');
    }
    out[key] = v;
  }
}

const bad = (where: string, key: string, expected: string) =>
  new DcrError(`${where}: ${key} must be ${expected}`);
