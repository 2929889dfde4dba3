/**
 * How a failed SMTP send ended, from what the error says:
 * - `temporary`: not accepted, worth retrying later (4xx, refused connection, no greeting);
 * - `permanent`: refused for good (5xx, bad address): report, do not retry;
 * - `uncertain`: the connection broke mid-session, the server may have accepted the message:
 *   do not resend blindly (RELIABILITY.md, "Email").
 */
export type FailureKind = 'temporary' | 'permanent' | 'uncertain';

interface MailErrorLike {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  timeoutType?: string;
  permanent?: boolean;
}

// The connection was never established or never reached a mail transaction.
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EDNS',
  'ETLS',
  'EADDRNOTAVAIL',
]);
const NOT_CONNECTED_TIMEOUTS = new Set([
  'CONNECTION_TIMEOUT',
  'GREETING_TIMEOUT',
  'DNS_TIMEOUT',
  'TLS_TIMEOUT',
]);
// Refused by us or by the server before anything was sent.
const LOCAL_PERMANENT = new Set([
  'ECONFIG',
  'EENVELOPE',
  'EMESSAGE',
  'EAUTH',
  'ENOAUTH',
  'EMAXRECIPIENTS',
  'EREQUIRETLS',
]);

/** Classifies an error from nodemailer (or any error with the same fields). */
export function classifyMailError(error: unknown): FailureKind {
  const e = (error ?? {}) as MailErrorLike;
  if (typeof e.responseCode === 'number')
    return e.responseCode >= 500 ? 'permanent' : e.responseCode >= 400 ? 'temporary' : 'uncertain';
  if (e.timeoutType && NOT_CONNECTED_TIMEOUTS.has(e.timeoutType)) return 'temporary';
  if ((e.code && NOT_CONNECTED.has(e.code)) || (e.originalCode && NOT_CONNECTED.has(e.originalCode)))
    return 'temporary';
  if (e.code && LOCAL_PERMANENT.has(e.code)) return 'permanent';
  return 'uncertain';
}

/** A one-line description of a mail error, without credentials. */
export function describeMailError(error: unknown): string {
  const e = error as MailErrorLike & { message?: string };
  const text = (e?.message ?? String(error)).split('\n')[0]!.replace(/\/\/[^@/\s]*@/g, '//***@');
  return e?.code && !text.includes(e.code) ? `${e.code}: ${text}` : text;
}
