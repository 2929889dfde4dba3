import type { Message } from '../messages.js';
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
  summary: (s: Record<string, number>, stale: number): string =>
    `${stale} stale contract(s): ${s.sent} sent, ${s['would-send'] ? `${s['would-send']} would be sent, ` : ''}${s.skipped} skipped, ${s.failed} failed${s.uncertain ? `, ${s.uncertain} uncertain` : ''}`,
  outbox: (folder: string): string =>
    `no SMTP server configured (--smtp or DCR_SMTP_URL): the emails were written as .eml files into ${folder}`,
  dryRun: (): string => 'dry run: nothing was sent or recorded',
} as const;
