import { isOdcsFile } from '../contract/odcs-file.js';
import type { Message } from '../messages.js';

/**
 * How to mark one contract reviewed on `today`, by kind of file: a dcr contract has a
 * `reviewed_at` field, an ODCS document (`*.odcs.yaml`) a custom property of that name.
 * The catalog says the same (src/site/messages.ts).
 */
export const reviewedAtSteps = {
  dcr: (today: string) => `set \`reviewed_at: ${today}\``,
  odcs: (today: string) =>
    `add \`{ property: reviewed_at, value: ${today} }\` to the top-level \`customProperties\``,
} as const;

/** How to mark contracts reviewed, in the formats of these files (reviewedAtSteps). */
export function reviewedAtStep(files: readonly string[], today: string): string {
  const dcr = reviewedAtSteps.dcr(today);
  const odcs = reviewedAtSteps.odcs(today);
  const odcsFiles = files.filter(isOdcsFile).length;
  if (odcsFiles === 0) return dcr;
  if (odcsFiles === files.length) return odcs;
  return `${dcr} (in an ODCS file, ${odcs})`;
}

/** Sentences of `dcr stale` and `dcr remind`, apart from the logic. */
export const staleMessages = {
  notARepo: (root: string): Message => ({
    message: `the contracts in ${root} are not in a git repository, so their last change is unknown`,
    hint: 'run dcr stale in a clone of the contracts repository',
  }),
  shallow: (): Message => ({
    message: 'this is a shallow clone: older history is missing, so contracts may look fresher than they are',
    hint: 'fetch the full history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)',
  }),
  remoteContracts: (where: string): Message => ({
    message: `the contracts come from ${where}, not a local folder, so their git history is not here`,
    hint: 'run dcr stale and dcr remind in a clone of the contracts repository (with its full history)',
  }),
  noneStale: (threshold: string, total: number): string =>
    `✔ none of ${total} contracts is older than ${threshold}`,
  staleSummary: (count: number, total: number, threshold: string): string =>
    `${count} of ${total} contracts not updated for ${threshold} or more`,
  staleHint: (files: readonly string[]): string =>
    `review each one: change what is out of date, or ${reviewedAtStep(files, '<today>')} if all is still right`,
  badNow: (text: string): Message => ({
    message: `--now "${text}" is not a date`,
    hint: 'write an ISO date such as 2026-01-31 or 2026-01-31T09:00:00Z',
  }),
  invalidSkipped: (count: number): Message => ({
    message: `${count} contract file(s) have validation errors and are left out`,
    hint: 'run `dcr validate` and fix them; nobody is emailed about a contract that does not validate',
  }),
} as const;
