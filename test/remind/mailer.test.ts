import { afterEach, describe, expect, it } from 'vitest';
import { classifyMailError, createMailer, redactSmtpUrl, type MailMessage } from '../../src/notify/email.js';
import { closedPort, startSmtp, startTarpit } from './smtp.js';

const message = (to = 'owner@example.com'): MailMessage => ({
  from: 'dcr@example.com',
  to: [to],
  subject: 'Please review',
  text: 'hello',
  html: '<p>hello</p>',
  messageId: '<m1@example.com>',
});
const fast = {
  retries: 2,
  retryDelayMs: 1,
  connectionTimeoutMs: 2000,
  greetingTimeoutMs: 300,
  socketTimeoutMs: 2000,
};
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('createMailer over SMTP', () => {
  it('delivers to exactly the given recipient, with the stable Message-ID', async () => {
    const smtp = await startSmtp();
    cleanups.push(smtp.close);
    // A greeting deadline a loaded machine meets: one attempt is what this test counts.
    const mailer = createMailer({ smtpUrl: smtp.url, ...fast, greetingTimeoutMs: 10_000 });
    cleanups.push(() => mailer.close());
    expect(await mailer.send(message())).toMatchObject({ status: 'sent', attempts: 1 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({
      to: ['owner@example.com'],
      subject: 'Please review',
      messageId: '<m1@example.com>',
    });
  });

  it('retries a 421 and succeeds on the next attempt', async () => {
    const smtp = await startSmtp((n) => (n === 1 ? 421 : 'accept'));
    cleanups.push(smtp.close);
    const mailer = createMailer({ smtpUrl: smtp.url, ...fast });
    cleanups.push(() => mailer.close());
    expect(await mailer.send(message())).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.received).toHaveLength(1);
  });

  it('reports a 550 as permanent without retrying', async () => {
    const smtp = await startSmtp(() => 550);
    cleanups.push(smtp.close);
    const mailer = createMailer({ smtpUrl: smtp.url, ...fast });
    cleanups.push(() => mailer.close());
    expect(await mailer.send(message())).toMatchObject({ status: 'failed', kind: 'permanent', attempts: 1 });
    expect(smtp.attempts).toBe(1);
  });

  it('gives up on a server that is down, after the retries', async () => {
    const mailer = createMailer({ smtpUrl: await closedPort(), ...fast });
    cleanups.push(() => mailer.close());
    const result = await mailer.send(message());
    expect(result).toMatchObject({ status: 'failed', kind: 'temporary', attempts: 3 });
    // the next message does not wait through the same back-off again
    expect(await mailer.send(message('other@example.com'))).toMatchObject({
      status: 'failed',
      kind: 'temporary',
      attempts: 0,
      error: expect.stringMatching(/^not tried: the SMTP server was unreachable/),
    });
  });

  it('times out on a server that never greets, instead of hanging', async () => {
    const tarpit = await startTarpit();
    cleanups.push(tarpit.close);
    const mailer = createMailer({ smtpUrl: tarpit.url, ...fast, retries: 1 });
    cleanups.push(() => mailer.close());
    expect(await mailer.send(message())).toMatchObject({ status: 'failed', kind: 'temporary', attempts: 2 });
  });

  it('reports a server that hangs after the message as uncertain, not resent', async () => {
    const smtp = await startSmtp(() => new Promise<never>(() => {}));
    cleanups.push(smtp.close);
    const mailer = createMailer({ smtpUrl: smtp.url, ...fast, socketTimeoutMs: 300 });
    cleanups.push(() => mailer.close());
    expect(await mailer.send(message())).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(smtp.attempts).toBe(1);
  });

  it('refuses crafted addresses before nodemailer sees them', async () => {
    const smtp = await startSmtp();
    cleanups.push(smtp.close);
    const mailer = createMailer({ smtpUrl: smtp.url, ...fast });
    cleanups.push(() => mailer.close());
    for (const to of [
      'a@example.com, b@evil.com',
      'a@example.com\r\nBcc: b@evil.com',
      '"x" <a@example.com>',
    ]) {
      expect(await mailer.send(message(to))).toMatchObject({
        status: 'failed',
        kind: 'permanent',
        attempts: 0,
      });
    }
    expect(smtp.attempts).toBe(0);
  });
});

describe('classifyMailError and redaction', () => {
  it('separates temporary, permanent and uncertain outcomes', () => {
    expect(classifyMailError({ responseCode: 451 })).toBe('temporary');
    expect(classifyMailError({ responseCode: 554 })).toBe('permanent');
    expect(classifyMailError({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' })).toBe('temporary');
    expect(classifyMailError({ code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' })).toBe('temporary');
    expect(classifyMailError({ code: 'ECONNECTION' })).toBe('uncertain');
    expect(classifyMailError({ code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT' })).toBe('uncertain');
  });

  it('never shows a password', () => {
    expect(redactSmtpUrl('smtp://bob:s3cret@mail.example.com:587')).toBe(
      'smtp://bob:***@mail.example.com:587',
    );
  });
});
