import { changeText } from '../detect/messages.js';
import type { Finding } from '../detect/types.js';
import { SEVERITIES } from '../severity/severity.js';
import { planFindingEmails, readLedger } from './finding-emails.js';
import { emailMessages as e } from './messages.js';

export interface SendFindingEmailsOptions {
  smtpUrl: string;
  from: string;
  repo: string;
  number: number;
  url: string;
  findings: readonly Finding[];
  /** The current comment body, which holds the ledger of emails already sent. */
  commentBody: string | undefined;
  say: (line: string) => void;
  warn: (message: string) => void;
}

/** The findings of one email, under a heading per severity, most serious first. */
function bySeverity(findings: readonly Finding[]): string[] {
  return SEVERITIES.flatMap((s) => {
    const list = findings.filter((f) => f.severity === s);
    if (list.length === 0) return [];
    return [
      e.severityHeading(s, list.length),
      ...list.flatMap((f) => [
        e.line(f.contract, f.table, changeText(f), f.file, f.line, f.evidence),
        e.rule(f.code, f.reason),
      ]),
    ];
  });
}

/**
 * Emails each owner their new findings and returns the ledger to store in the comment. An
 * uncertain outcome (the server may have taken the message) counts as sent: a duplicate is
 * worse than a miss here, and the next new set of findings mails again.
 */
export async function sendFindingEmails(o: SendFindingEmailsOptions): Promise<string[]> {
  const ledger = readLedger(o.commentBody);
  const plans = planFindingEmails(o.findings, ledger);
  if (plans.length === 0) return [...ledger];
  const { createMailer } = await import('../notify/email.js'); // nodemailer only when mailing
  const mailer = createMailer({ smtpUrl: o.smtpUrl, retries: 2, retryDelayMs: 500 });
  try {
    for (const plan of plans) {
      const contracts = [...new Set(plan.findings.map((f) => f.contract))].sort();
      const text = [e.intro(o.repo, o.number, o.url), ...bySeverity(plan.findings), '', e.outro].join('\n');
      const result = await mailer.send({
        from: o.from,
        to: [plan.to],
        subject: e.subject(o.repo, o.number, contracts),
        text,
        messageId: `<dcr-${plan.key}.${o.number}@dcr.invalid>`,
      });
      o.say(e.sent(plan.to, result.status));
      if (result.status === 'failed') o.warn(`${e.sent(plan.to, result.status)}: ${result.error}`);
      else ledger.add(plan.key);
    }
  } finally {
    mailer.close();
  }
  return [...ledger];
}
