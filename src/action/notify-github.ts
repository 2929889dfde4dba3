import { GithubClient, githubProblem, type GithubClientOptions, type RepoRef } from '../notify/github.js';
import type { PullRequestEvent } from './event.js';
import { actionMessages as m } from './messages.js';
import { reviewersFor } from './people.js';
import { COMMENT_MARKER, renderComment, type Report } from './render-comment.js';

export interface NotifyGithubOptions {
  token: string;
  apiUrl: string;
  repo: RepoRef;
  event: PullRequestEvent;
  report: Report;
  /** Create the comment if none exists (else only update one). */
  create: boolean;
  comment: boolean;
  /** Owners' emails to ask for a review (mapped to handles through `report.people`). */
  reviewers: string[];
  author?: string;
  /** Sends detection emails given the current comment body; returns the ledger to keep in it. */
  email?: (commentBody: string | undefined) => Promise<string[]>;
  client: Pick<GithubClientOptions, 'retryBaseMs' | 'pacing' | 'retries'>;
  say: (line: string) => void;
  warn: (message: string) => void;
}

/**
 * Posts the comment and asks for reviews. GitHub trouble never fails the check: a read-only
 * token (fork), a closed or deleted pull request and a refused review request are warnings.
 */
export async function notifyGithub(o: NotifyGithubOptions): Promise<{ commentUrl?: string }> {
  const client = new GithubClient({ token: o.token, baseUrl: o.apiUrl, warn: o.warn, ...o.client });
  const out: { commentUrl?: string } = {};
  try {
    const pull = await client.pull(o.repo, o.event.number);
    if (pull.state !== 'open') {
      o.warn(m.pullGone);
      return out;
    }
  } catch (error) {
    const problem = githubProblem(error);
    o.warn(problem.kind === 'not-found' ? m.pullGone : `GitHub: ${problem.message}`);
    return out;
  }
  let report = o.report;
  if (o.email && o.comment) {
    try {
      const existing = await client.findComment(o.repo, o.event.number, COMMENT_MARKER, o.author);
      report = { ...report, ledger: await o.email(existing?.body) };
    } catch (error) {
      o.warn(`could not send detection emails: ${githubProblem(error).message}`);
    }
  }
  if (o.comment) {
    try {
      const result = await client.upsertComment(o.repo, o.event.number, {
        marker: COMMENT_MARKER,
        body: renderComment(report),
        create: o.create,
        ...(o.author ? { author: o.author } : {}),
      });
      if (result.url) out.commentUrl = result.url;
      o.say(m.commented(result.action, result.url));
    } catch (error) {
      const problem = githubProblem(error);
      if (problem.kind === 'read-only') o.warn(m.readOnly);
      else if (problem.kind === 'not-found') o.warn(m.pullGone);
      else o.warn(`GitHub: could not comment: ${problem.message}`);
      if (problem.kind === 'read-only') return out;
    }
  }
  const who = reviewersFor(o.reviewers, o.report.people, o.event.author);
  if (who.users.length || who.teams.length) {
    try {
      await client.requestReviewers(o.repo, o.event.number, who);
      o.say(m.reviewersRequested([...who.users, ...who.teams.map((t) => `team ${t}`)]));
    } catch (error) {
      o.warn(m.reviewersFailed(githubProblem(error).message));
    }
  }
  return out;
}
