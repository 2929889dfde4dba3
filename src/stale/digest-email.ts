import { createHash } from 'node:crypto';
import type { PlannedDigest } from './plan.js';
import { reviewedAtStep } from './messages.js';

/** What the digest needs to know besides the plan. */
export interface DigestContext {
  now: Date;
  from: string;
  replyTo?: string;
  /** The threshold as the user wrote it (`6mo`). */
  threshold: string;
  interval: string;
  /** Link to a contract file in the repository (path relative to the registry root). */
  fileLink?: (path: string) => string | undefined;
  /** Link to a contract's catalog page. */
  catalogLink?: (jobId: string) => string | undefined;
  /** Job id → description, for context in the email. */
  describe?: (jobId: string) => string | undefined;
}

/** An email, in the shape the mailer sends (structurally the notify adapter's MailMessage). */
export interface DigestMessage {
  from: string;
  to: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date: Date;
  headers: Record<string, string>;
}

const UNIT_NAMES: Record<string, string> = {
  d: 'day',
  w: 'week',
  mo: 'month',
  y: 'year',
  day: 'day',
  week: 'week',
  month: 'month',
  year: 'year',
};

/** `6mo` → `6 months`, `180d` → `180 days`; anything else as written. */
export function humanDuration(text: string): string {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+?)s?\s*$/i.exec(text);
  const unit = m ? UNIT_NAMES[m[2]!.toLowerCase()] : undefined;
  return m && unit ? `${m[1]} ${unit}${m[1] === '1' ? '' : 's'}` : text;
}

/** A Message-ID that is the same for the same person, contracts and day (a resend is recognisable). */
export function digestMessageId(digest: PlannedDigest, now: Date, from: string): string {
  const hash = createHash('sha256')
    .update(digest.person)
    .update('\0')
    .update(digest.items.map((i) => `${i.stale.contract}@${i.stale.lastUpdated}`).join('\0'))
    .update('\0')
    .update(now.toISOString().slice(0, 10))
    .digest('hex')
    .slice(0, 32);
  return `<dcr-remind.${hash}@${from.slice(from.lastIndexOf('@') + 1)}>`;
}

const oneLine = (text: string, max = 300) => {
  const flat = text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** A link maker from a template: `{path}` or `{jobId}` replaced by the percent-encoded value. */
export function templateLink(template: string, key: '{path}' | '{jobId}'): (value: string) => string {
  return (value) => template.split(key).join(value.split('/').map(encodeURIComponent).join('/'));
}
const roleText = (roles: string[]) =>
  roles.map((r) => (r === 'source' ? 'source owner' : 'ingestion owner')).join(' and ');

/** Composes one person's digest: subject, plain-text and HTML bodies, stable Message-ID. */
export function composeDigest(digest: PlannedDigest, ctx: DigestContext): DigestMessage {
  const today = ctx.now.toISOString().slice(0, 10);
  const age = humanDuration(ctx.threshold);
  const n = digest.items.length;
  const first = digest.items[0]!.stale;
  const subject =
    n === 1
      ? `Please review data contract ${first.contract}: not updated since ${first.lastUpdated.slice(0, 10)}`
      : `Please review ${n} data contracts not updated for ${age} or more`;
  const entries = digest.items.map((item) => {
    const s = item.stale;
    const description = ctx.describe?.(s.contract);
    return {
      id: s.contract,
      role: roleText(item.roles),
      since: s.lastUpdated.slice(0, 10),
      days: s.ageDays,
      description: description ? oneLine(description) : undefined,
      file: s.file,
      fileUrl: ctx.fileLink?.(s.file),
      catalogUrl: ctx.catalogLink?.(s.contract),
    };
  });
  const intro = `You are named as an owner of ${n === 1 ? 'a data contract' : `${n} data contracts`} that nobody has updated for ${age} or more. Please review ${n === 1 ? 'it' : 'each one'}:`;
  const steps = [
    'Open the contract and check its tables, ingestion frequency, owners and description.',
    'If anything is out of date, change it and commit the change.',
    `If everything is still right, ${reviewedAtStep(
      digest.items.map((i) => i.stale.file),
      today,
    )} in the contract and commit it.`,
  ];
  const after = `Either resets the clock. Until then you will be reminded again after ${humanDuration(ctx.interval)}.`;
  const text = [
    'Hello,',
    '',
    intro,
    '',
    ...entries.flatMap((e) => [
      `  * ${e.id} (you are ${e.role}): last updated ${e.since}, ${e.days} days ago`,
      ...(e.description ? [`    ${e.description}`] : []),
      `    File: ${e.fileUrl ?? e.file}`,
      ...(e.catalogUrl ? [`    Catalog: ${e.catalogUrl}`] : []),
      '',
    ]),
    'What to do:',
    ...steps.map((s, i) => `  ${i + 1}. ${s}`),
    after,
    '',
    '-- ',
    'Sent by dcr, the data-contract registry. This is an automated message.',
    '',
  ].join('\n');
  const a = (href: string | undefined, label: string) =>
    href ? `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>` : escapeHtml(label);
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
    '<p>Hello,</p>',
    `<p>${escapeHtml(intro)}</p>`,
    '<ul>',
    ...entries.map(
      (e) =>
        `<li><strong>${a(e.catalogUrl, e.id)}</strong> (you are ${escapeHtml(e.role)}): last updated ${e.since}, ${e.days} days ago` +
        (e.description ? `<br>${escapeHtml(e.description)}` : '') +
        `<br>File: ${a(e.fileUrl, e.file)}</li>`,
    ),
    '</ul>',
    '<p>What to do:</p><ol>',
    ...steps.map((s) => `<li>${escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>')}</li>`),
    '</ol>',
    `<p>${escapeHtml(after)}</p>`,
    '<p style="color:#666">Sent by dcr, the data-contract registry. This is an automated message.</p>',
    '</body></html>',
    '',
  ].join('\n');
  return {
    from: ctx.from,
    to: [digest.person],
    ...(ctx.replyTo ? { replyTo: ctx.replyTo } : {}),
    subject,
    text,
    html,
    messageId: digestMessageId(digest, ctx.now, ctx.from),
    date: ctx.now,
    // Out-of-office replies and auto-responders should stay quiet (RFC 3834).
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  };
}
