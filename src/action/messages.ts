/** Every sentence the GitHub Action writes: the PR comment, the job summary, warnings and hints. */
import type { DiffField } from '../contract/diff.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const actionMessages = {
  title: 'Data contracts',
  findingsHeadline: (tables: number, contracts: number) =>
    `This pull request touches ${plural(tables, 'contracted table')} (${plural(contracts, 'contract')}). Other teams ingest these tables: please talk to the people below before merging.`,
  noFindings: 'This pull request no longer touches any contracted table. ✔',
  noFindingsAtAll: 'This pull request touches no contracted table.',
  blockHint: (label: string) =>
    `**Merging is blocked** until the owners agree. Acknowledge with a commit trailer \`Data-Contract-Ack: <jobid>\` or the label \`${label}\`.`,
  acknowledgedByLabel: (label: string) => `Acknowledged by the label \`${label}\`.`,
  acknowledged: 'acknowledged',
  acknowledgedBy: (commit: string) => `acknowledged by ${commit}`,
  unacknowledgedCommits: (commits: string) =>
    `Unacknowledged changes come from ${commits}: dcr's local hooks (commit-msg, pre-push) would have asked for the trailer, so they were skipped or are not installed. Reword those commits (\`git rebase -i\`, \`reword\`) or push a later commit whose message carries the trailer.`,
  contact: 'Contact',
  sourceSide: 'source owner',
  ingestionSide: 'ingestion owner',
  contractChangesHeading: 'Changes to contracts',
  severityHeading: (severity: string, n: number) =>
    `${{ breaking: 'Breaking', risky: 'Risky', info: 'Info' }[severity] ?? severity} (${plural(n, 'change')})`,
  contractAdded: 'new contract',
  contractRemoved: 'contract removed',
  contractRetired: 'contract retired',
  ownersToReview: 'Owners before and after the change are asked to review',
  invalidHeading: 'Invalid contracts',
  invalidSummary: (n: number) =>
    `${plural(n, 'error')} in the contracts this pull request changes (see the annotations).`,
  moreFindings: (n: number) => `… and ${plural(n, 'more finding')}: the job summary lists them all.`,
  notices: 'Also worth a look',
  guardUnavailable: (why: string) => `The change guard did not run: ${why}`,
  footer: (sha: string) =>
    `<sub>dcr · updated for ${sha.slice(0, 7)} · this comment is updated on every push</sub>`,
  field: (field: DiffField): string =>
    ({
      status: 'status',
      'owners.source': 'source owner',
      'owners.ingestion': 'ingestion owner',
      tables: 'tables',
      ingestionType: 'ingestion type',
      frequencyMinutes: 'frequency (minutes)',
      sourceHost: 'source host',
      sourceDb: 'source database',
      sourceType: 'source type',
      sourceRepo: 'source repository',
      destination: 'destination',
      policy: 'policy',
      file: 'file',
      description: 'description',
      tags: 'tags',
    })[field],
  // Warnings and hints for the log.
  shallow:
    'the checkout is too shallow to find the merge base of this pull request; set `fetch-depth: 0` on actions/checkout',
  readOnly:
    'the token may not comment (a pull request from a fork gets a read-only token); the findings are in the job summary and annotations',
  reviewersFailed: (why: string) => `could not request reviews (${why}); go on without them`,
  pullGone: 'the pull request was closed or deleted while dcr ran; nothing to comment on',
  notPullRequest: (event: string) => `event "${event}" is not a pull request: validating the contracts only`,
  badMode: (mode: string) =>
    `input "mode" must be warn, block or severity thresholds (block=breaking,warn=risky), not "${mode}"`,
  badNotify: (value: string) =>
    `input "notify" takes comment, reviewers and email (comma-separated), not "${value}"`,
  noToken: 'no github-token input: nothing is posted to GitHub (the job summary and annotations still are)',
  commented: (action: string, url?: string) => `comment ${action}${url ? `: ${url}` : ''}`,
  reviewersRequested: (who: string[]) => `asked for reviews: ${who.join(', ')}`,
  blocking: (n: number) => `${plural(n, 'unacknowledged finding')} in block mode: failing the check`,
};

/** The detection email (plain text: no HTML to escape, no mention to neutralise). */
export const emailMessages = {
  subject: (repo: string, number: number, contracts: string[]) =>
    `[dcr] ${repo}#${number} changes tables you own or ingest: ${contracts.join(', ')}`,
  intro: (repo: string, number: number, url: string) =>
    `Pull request ${repo}#${number} changes tables under data contracts you are named in:\n${url}\n`,
  line: (contract: string, table: string, change: string, file: string, line: number, evidence: string) =>
    `- ${contract} / ${table}: ${change} at ${file}:${line}\n    ${evidence}`,
  rule: (code: string, reason: string) => `    ${code}: ${reason}`,
  severityHeading: (severity: string, n: number) => `${severity.toUpperCase()} (${plural(n, 'change')}):`,
  outro:
    'Please talk to the pull request’s author before it is merged. You get this email once per new set of changes.\n-- dcr',
  noFrom: 'notify "email" needs a sender: set github.emailFrom in dcr.config.yaml; no email sent',
  needsComment:
    'notify "email" keeps its record of sent emails in the PR comment: add "comment" to notify; no email sent',
  sent: (to: string, status: string) => `email to ${to}: ${status}`,
};
