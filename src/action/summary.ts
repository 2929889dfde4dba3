import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { COMMENT_MARKER, renderComment, type Report } from './render-comment.js';

/** GitHub caps a step summary at 1 MiB. */
const SUMMARY_BUDGET = 900_000;

/** The job summary: the full report, with no marker and a far larger budget than a comment. */
export function renderSummary(report: Report): string {
  const { ledger: _ledger, ...shown } = report;
  return renderComment(shown, SUMMARY_BUDGET).replace(`${COMMENT_MARKER}\n`, '');
}

/** Appends Markdown to the step summary file, if the runner gave one. */
export function writeSummary(path: string | undefined, markdown: string): void {
  if (path) appendFileSync(path, `${markdown}\n`);
}

/** Sets step outputs in GITHUB_OUTPUT (heredoc form with a random delimiter, safe for any value). */
export function writeOutputs(
  path: string | undefined,
  outputs: Record<string, string | number | boolean>,
): void {
  if (!path) return;
  let text = '';
  for (const [name, value] of Object.entries(outputs)) {
    const delimiter = `dcr_${randomUUID()}`;
    text += `${name}<<${delimiter}\n${String(value)}\n${delimiter}\n`;
  }
  appendFileSync(path, text);
}
