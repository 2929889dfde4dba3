/**
 * The GitHub REST client: the only file that imports octokit. Retries 5xx (never for a comment
 * create, which may have committed before failing), honours 403/429 rate limits, pages
 * through every list, and keeps one comment per pull request found by marker and author.
 */
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

const Client = Octokit.plugin(paginateRest, retry, throttling);
type ClientInstance = InstanceType<typeof Client>;

/** GitHub refuses bodies longer than this (characters). */
export const MAX_COMMENT_CHARS = 65_536;
/** The login that comments made with the workflow's GITHUB_TOKEN carry. */
export const ACTIONS_BOT = 'github-actions[bot]';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface GithubClientOptions {
  token: string;
  /** API root, `GITHUB_API_URL` (GitHub Enterprise Server, or a loopback server in tests). */
  baseUrl?: string;
  /** Retries of failed reads and updates on 5xx (default 3). */
  retries?: number;
  /** Milliseconds per unit of back-off and of `retry-after` seconds (default 1000; tests pass 1). */
  retryBaseMs?: number;
  /** Retries after a rate limit before giving up (default 2). */
  rateLimitRetries?: number;
  /** Where warnings go (rate limits, retries); never receives the token. */
  warn?: (message: string) => void;
  /**
   * Space writes as GitHub asks (1 s apart, 3 s for notifying ones; default true). Tests turn
   * it off; rate-limit answers are honoured either way.
   */
  pacing?: boolean;
  /** Keeps the throttling queues of separate clients apart (default: one per client). */
  throttleId?: string;
  /**
   * Lists read after an ambiguous comment create before creating again (default 5: at once,
   * then after 1, 2, 4 and 8 units of `retryBaseMs`): GitHub's lists can lag behind a write.
   */
  relists?: number;
}

export interface PullFile {
  filename: string;
  status: string;
  previousFilename?: string;
}

export interface PullCommit {
  sha: string;
  message: string;
}

export interface PullInfo {
  number: number;
  state: string;
  author?: string;
  labels: string[];
  headSha: string;
  htmlUrl?: string;
}

export interface UpsertOptions {
  /** Hidden marker (an HTML comment) that the body contains and that finds the comment again. */
  marker: string;
  body: string;
  /** Login of the comment author to match (default: the token's user, else github-actions[bot]). */
  author?: string;
  /** Create the comment when none exists (false: only update an existing one). */
  create?: boolean;
}

export interface UpsertResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  id?: number;
  url?: string;
  /** Older duplicates of our comment that were deleted. */
  removed: number;
}

export interface ReviewRequest {
  users: string[];
  /** Team slugs (without the org). */
  teams: string[];
}

/** What went wrong talking to GitHub, in the terms the action decides on. */
export type GithubErrorKind =
  'read-only' | 'not-found' | 'unprocessable' | 'rate-limited' | 'auth' | 'server' | 'network';

export interface GithubProblem {
  kind: GithubErrorKind;
  status?: number;
  message: string;
}

/** Classifies an error thrown by the client (octokit's RequestError or a network failure). */
export function githubProblem(error: unknown): GithubProblem {
  const e = error as { status?: number; message?: string; response?: { data?: { message?: string } } };
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const message = String(e?.response?.data?.message ?? e?.message ?? error).split('\n')[0]!;
  if (status === undefined) return { kind: 'network', message };
  if (status >= 500) return { kind: 'server', status, message };
  if (status === 401) return { kind: 'auth', status, message };
  if (
    status === 403 &&
    /not accessible by integration|must have (push|admin|write) access|permission/i.test(message)
  ) {
    return { kind: 'read-only', status, message };
  }
  if (status === 403 || status === 429) return { kind: 'rate-limited', status, message };
  if (status === 404 || status === 410) return { kind: 'not-found', status, message };
  if (status === 422) return { kind: 'unprocessable', status, message };
  return { kind: 'server', status, message };
}

let clients = 0;

/** A stand-in for the throttling plugin's Bottleneck groups that runs jobs at once. */
const UNPACED = {
  key: () => ({
    schedule: (_options: unknown, job: (...a: unknown[]) => unknown, ...args: unknown[]) => job(...args),
  }),
};

/** A GitHub client over octokit. */
export class GithubClient {
  private readonly octokit: ClientInstance;
  private login: Promise<string> | undefined;
  private readonly base: number;
  private readonly relists: number;

  constructor(options: GithubClientOptions) {
    const base = options.retryBaseMs ?? 1000;
    this.base = base;
    this.relists = Math.max(1, options.relists ?? 5);
    const warn = options.warn ?? (() => {});
    const maxRateRetries = options.rateLimitRetries ?? 2;
    const onLimit =
      (kind: string) =>
      (retryAfter: number, request: { method: string; url: string }, _o: unknown, count: number) => {
        if (count >= maxRateRetries) {
          warn(`GitHub ${kind} on ${request.method} ${request.url}; giving up after ${count} retries`);
          return false;
        }
        warn(`GitHub ${kind} on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
        return true;
      };
    this.octokit = new Client({
      auth: options.token,
      ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, '') } : {}),
      userAgent: 'dcr-action',
      log: { debug: () => {}, info: () => {}, warn: (m: string) => warn(m), error: () => {} },
      // 403 and 429 are rate limits (the throttling plugin waits them out) or final answers.
      retry: {
        retries: options.retries ?? 3,
        retryAfterBaseValue: base,
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
      throttle: {
        id: options.throttleId ?? `dcr-${process.pid}-${++clients}`,
        retryAfterBaseValue: base,
        fallbackSecondaryRateRetryAfter: 60,
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        // Duck-typed groups: the plugin only calls `key(id).schedule(...)` on them.
        ...(options.pacing === false
          ? ({ write: UNPACED, notifications: UNPACED } as unknown as Record<string, never>)
          : {}),
      },
    });
  }

  /** The pull request's state, author, labels and head. */
  async pull(repo: RepoRef, number: number): Promise<PullInfo> {
    const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      ...repo,
      pull_number: number,
    });
    return {
      number: data.number,
      state: data.state,
      author: data.user?.login,
      labels: (data.labels ?? []).map((l: { name?: string }) => l.name ?? '').filter(Boolean),
      headSha: data.head.sha,
      htmlUrl: data.html_url,
    };
  }

  /** Every file the pull request changes (all pages). */
  async pullFiles(repo: RepoRef, number: number): Promise<PullFile[]> {
    const files = await this.octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
      ...repo,
      pull_number: number,
      per_page: 100,
    });
    return files.map((f) => ({
      filename: f.filename,
      status: f.status,
      ...(f.previous_filename ? { previousFilename: f.previous_filename } : {}),
    }));
  }

  /** Every commit of the pull request (all pages), with its message for trailers. */
  async pullCommits(repo: RepoRef, number: number): Promise<PullCommit[]> {
    const commits = await this.octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', {
      ...repo,
      pull_number: number,
      per_page: 100,
    });
    return commits.map((c) => ({ sha: c.sha, message: c.commit.message }));
  }

  /** The login of the token's user; `github-actions[bot]` when the token may not ask (installation tokens). */
  viewer(): Promise<string> {
    this.login ??= this.octokit.request('GET /user').then(
      (r) => r.data.login,
      () => ACTIONS_BOT,
    );
    return this.login;
  }

  /** Our comments carrying `marker` (oldest first), by `author` (default: see `viewer`). */
  private async ourComments(repo: RepoRef, issue: number, marker: string, author?: string) {
    const login = (author ?? (await this.viewer())).toLowerCase();
    const all = await this.octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...repo,
      issue_number: issue,
      per_page: 100,
    });
    return all
      .filter((c) => (c.user?.login ?? '').toLowerCase() === login && (c.body ?? '').includes(marker))
      .map((c) => ({ id: Number(c.id), body: c.body, html_url: c.html_url }))
      .sort((a, b) => a.id - b.id);
  }

  /** Our comment with `marker`, if there is one: its id and body. */
  async findComment(
    repo: RepoRef,
    issue: number,
    marker: string,
    author?: string,
  ): Promise<{ id: number; body: string } | undefined> {
    const [first] = await this.ourComments(repo, issue, marker, author);
    return first ? { id: first.id, body: first.body ?? '' } : undefined;
  }

  /**
   * Keeps exactly one comment carrying `marker` by our author: lists every page, updates the
   * first match (deleting later duplicates), else creates once. The create is never retried
   * blindly: after an ambiguous failure (5xx, timeout, broken connection) the list is read
   * again with back-off, because the create may have committed before the error and the list
   * may not show it yet; only when it still does not is the comment created once more.
   */
  async upsertComment(repo: RepoRef, issue: number, options: UpsertOptions): Promise<UpsertResult> {
    if (!options.body.includes(options.marker)) throw new Error('the comment body must contain its marker');
    const body = capBody(options.body);
    const ours = () => this.ourComments(repo, issue, options.marker, options.author);
    const existing = await ours();
    if (existing.length === 0) {
      if (options.create === false) return { action: 'skipped', removed: 0 };
      // Never retried by the plugin: a create that committed and then failed would post twice.
      const create = async () => {
        const { data } = await this.octokit.request(
          'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
          {
            ...repo,
            issue_number: issue,
            body,
            request: { retries: 0 },
          },
        );
        return { action: 'created' as const, id: Number(data.id), url: data.html_url, removed: 0 };
      };
      for (let creates = 1; ; creates++) {
        try {
          return await create();
        } catch (error) {
          const problem = githubProblem(error);
          if ((problem.kind !== 'server' && problem.kind !== 'network') || creates === 2) throw error;
          // Ambiguous: the comment may exist now. Look (and look again) before writing again.
          const after = await this.settled(ours);
          if (after.length > 0) return this.keepFirst(repo, after, body);
        }
      }
    }
    return this.keepFirst(repo, existing, body);
  }

  /** Lists until something shows up or the back-off runs out (a list lagging behind a write). */
  private async settled<T>(list: () => Promise<T[]>): Promise<T[]> {
    for (let i = 0; ; i++) {
      const found = await list();
      if (found.length > 0 || i + 1 >= this.relists) return found;
      await new Promise((r) => setTimeout(r, this.base * 2 ** i));
    }
  }

  private async keepFirst(
    repo: RepoRef,
    comments: { id: number; body?: string; html_url: string }[],
    body: string,
  ): Promise<UpsertResult> {
    const [first, ...duplicates] = [...comments].sort((a, b) => a.id - b.id);
    let removed = 0;
    for (const d of duplicates) {
      try {
        await this.octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          ...repo,
          comment_id: d.id,
        });
        removed++;
      } catch (error) {
        if (githubProblem(error).kind !== 'not-found') throw error;
      }
    }
    if (first!.body === body) return { action: 'unchanged', id: first!.id, url: first!.html_url, removed };
    const { data } = await this.octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      ...repo,
      comment_id: first!.id,
      body,
    });
    return { action: 'updated', id: Number(data.id), url: data.html_url, removed };
  }

  /** Asks users and teams to review. Throws GitHub's error; the caller decides whether to warn. */
  async requestReviewers(repo: RepoRef, number: number, request: ReviewRequest): Promise<void> {
    if (request.users.length === 0 && request.teams.length === 0) return;
    await this.octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', {
      ...repo,
      pull_number: number,
      reviewers: request.users,
      team_reviewers: request.teams,
    });
  }
}

/** Cuts a body to GitHub's limit, keeping the marker at the top intact. */
export function capBody(body: string): string {
  if (body.length <= MAX_COMMENT_CHARS) return body;
  const note = '\n\n… (cut to fit GitHub’s comment size limit; the job summary has everything)\n';
  return body.slice(0, MAX_COMMENT_CHARS - note.length) + note;
}
