import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS_BOT, GithubClient, githubProblem, MAX_COMMENT_CHARS } from '../../src/notify/github.js';
import { FakeGithub } from './fake-github.js';

const repo = { owner: 'o', repo: 'r' };
const MARKER = '<!-- dcr:check -->';

let gh: FakeGithub;
const warnings: string[] = [];
const client = (token = 'test-token') =>
  new GithubClient({ token, baseUrl: gh.url, retryBaseMs: 1, pacing: false, warn: (m) => warnings.push(m) });

beforeEach(async () => {
  gh = await new FakeGithub().start();
  gh.addPull({ number: 7 });
  warnings.length = 0;
});
afterEach(() => gh.stop());

describe('GithubClient lists', () => {
  it('follows Link headers through every page of files and commits', async () => {
    const pull = gh.pulls.get(7)!;
    pull.files = Array.from({ length: 250 }, (_, i) => ({ filename: `db/m${i}.sql`, status: 'added' }));
    pull.files.push({ filename: 'b.sql', status: 'renamed', previous_filename: 'a.sql' });
    pull.commits = Array.from({ length: 120 }, (_, i) => ({
      sha: `${i}`.padStart(40, '0'),
      message: `c${i}`,
    }));
    const files = await client().pullFiles(repo, 7);
    expect(files).toHaveLength(251);
    expect(files.at(-1)).toEqual({ filename: 'b.sql', status: 'renamed', previousFilename: 'a.sql' });
    expect(gh.log.filter((l) => l.path.endsWith('/files'))).toHaveLength(3);
    const commits = await client().pullCommits(repo, 7);
    expect(commits.map((c) => c.message).at(-1)).toBe('c119');
  });

  it('reads the pull request and classifies a missing one as not-found', async () => {
    gh.pulls.get(7)!.labels = ['data-contract-ack'];
    expect((await client().pull(repo, 7)).labels).toEqual(['data-contract-ack']);
    const error = await client()
      .pull(repo, 99)
      .catch((e: unknown) => e);
    expect(githubProblem(error)).toMatchObject({ kind: 'not-found', status: 404 });
  });
});

describe('GithubClient rate limits and retries', () => {
  it('waits out a 429 with retry-after, then succeeds', async () => {
    gh.faults.push({
      method: 'GET',
      path: /\/files$/,
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    gh.pulls.get(7)!.files = [{ filename: 'x.sql', status: 'added' }];
    expect(await client().pullFiles(repo, 7)).toHaveLength(1);
    expect(warnings.join('\n')).toMatch(/secondary rate limit/);
  });

  it('waits out a primary rate limit (403, remaining 0, reset)', async () => {
    gh.faults.push({
      method: 'GET',
      path: /\/commits$/,
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) },
      body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'x' },
    });
    expect(await client().pullCommits(repo, 7)).toEqual([]);
    expect(warnings.join('\n')).toMatch(/rate limit on GET/);
  });

  it('gives up after the configured rate-limit retries and reports rate-limited', async () => {
    gh.faults.push({
      method: 'GET',
      path: /\/files$/,
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'secondary rate limit' },
      times: 10,
    });
    const error = await client()
      .pullFiles(repo, 7)
      .catch((e: unknown) => e);
    expect(githubProblem(error).kind).toBe('rate-limited');
    expect(gh.log.filter((l) => l.path.endsWith('/files'))).toHaveLength(3);
  });

  it('retries a read on 502', async () => {
    gh.faults.push({ method: 'GET', path: /\/files$/, status: 502, times: 2 });
    expect(await client().pullFiles(repo, 7)).toEqual([]);
    expect(gh.log.filter((l) => l.path.endsWith('/files'))).toHaveLength(3);
  });
});

describe('upsertComment', () => {
  it('creates once, then updates the same comment; unchanged bodies are not rewritten', async () => {
    const c = client();
    expect((await c.upsertComment(repo, 7, { marker: MARKER, body: `${MARKER}\none` })).action).toBe(
      'created',
    );
    expect((await c.upsertComment(repo, 7, { marker: MARKER, body: `${MARKER}\ntwo` })).action).toBe(
      'updated',
    );
    expect((await c.upsertComment(repo, 7, { marker: MARKER, body: `${MARKER}\ntwo` })).action).toBe(
      'unchanged',
    );
    expect(gh.comments.get(7)!.map((x) => x.body)).toEqual([`${MARKER}\ntwo`]);
  });

  it('ignores a human comment quoting the marker, and comments by other bots', async () => {
    gh.addComment(7, 'alice', `> ${MARKER}\n> quoted`);
    gh.addComment(7, 'renovate[bot]', `${MARKER}\nnot ours`);
    await client().upsertComment(repo, 7, { marker: MARKER, body: `${MARKER}\nours` });
    const bodies = gh.comments.get(7)!.map((x) => `${x.user.login}: ${x.body}`);
    expect(bodies).toEqual([
      `alice: > ${MARKER}\n> quoted`,
      `renovate[bot]: ${MARKER}\nnot ours`,
      `${ACTIONS_BOT}: ${MARKER}\nours`,
    ]);
  });

  it('finds its comment on a later page', async () => {
    for (let i = 0; i < 130; i++) gh.addComment(7, 'alice', `chatter ${i}`);
    const mine = gh.addComment(7, ACTIONS_BOT, `${MARKER}\nold`);
    for (let i = 0; i < 80; i++) gh.addComment(7, 'bob', `more ${i}`);
    const result = await client().upsertComment(repo, 7, { marker: MARKER, body: `${MARKER}\nnew` });
    expect(result).toMatchObject({ action: 'updated', id: mine.id });
    expect(gh.comments.get(7)!.filter((x) => x.body.includes(MARKER))).toHaveLength(1);
  });

  it('does not post twice when a create commits and then fails with 502', async () => {
    gh.faults.push({ method: 'POST', path: /\/issues\/7\/comments$/, status: 502, commit: true });
    const result = await client().upsertComment(repo, 7, { marker: MARKER, body: `${MARKER}\nbody` });
    expect(result.action).toBe('unchanged');
    expect(gh.comments.get(7)).toHaveLength(1);
    expect(gh.log.filter((l) => l.method === 'POST')).toHaveLength(1);
  });

  it('re-lists with back-off when the list lags behind a create that answered 502 after writing', async () => {
    gh.faults.push({ method: 'POST', path: /\/issues\/7\/comments$/, status: 502, commit: true });
    gh.listLag = 3; // the new comment stays out of the next three lists
    const result = await client().upsertComment(repo, 7, { marker: MARKER, body: `${MARKER}\nbody` });
    expect(result.action).toBe('unchanged');
    expect(gh.comments.get(7)!.map((c) => c.body)).toEqual([`${MARKER}\nbody`]);
    expect(gh.log.filter((l) => l.method === 'POST')).toHaveLength(1);
    // The first list (before the create), then three that did not show it yet, then the one that did.
    expect(gh.log.filter((l) => l.method === 'GET' && l.path.endsWith('/issues/7/comments'))).toHaveLength(5);
  });

  it('creates once more only when the back-off runs out, and a later run removes the duplicate', async () => {
    gh.faults.push({ method: 'POST', path: /\/issues\/7\/comments$/, status: 502, commit: true });
    gh.listLag = 50; // longer than any back-off
    const first = await client().upsertComment(repo, 7, { marker: MARKER, body: `${MARKER}\nbody` });
    expect(first.action).toBe('created');
    expect(gh.log.filter((l) => l.method === 'POST')).toHaveLength(2);
    for (const c of gh.comments.get(7)!) c.hiddenFromLists = 0; // the lists caught up
    const next = await client().upsertComment(repo, 7, { marker: MARKER, body: `${MARKER}\nbody` });
    expect(next).toMatchObject({ action: 'unchanged', removed: 1 });
    expect(gh.comments.get(7)).toHaveLength(1);
  });

  it('creates again when the failed create did not commit', async () => {
    gh.faults.push({ method: 'POST', path: /\/issues\/7\/comments$/, status: 503 });
    expect((await client().upsertComment(repo, 7, { marker: MARKER, body: `${MARKER}\nbody` })).action).toBe(
      'created',
    );
    expect(gh.comments.get(7)).toHaveLength(1);
  });

  it('removes older duplicates of our own comment', async () => {
    gh.addComment(7, ACTIONS_BOT, `${MARKER}\na`);
    gh.addComment(7, ACTIONS_BOT, `${MARKER}\nb`);
    const result = await client().upsertComment(repo, 7, { marker: MARKER, body: `${MARKER}\nc` });
    expect(result).toMatchObject({ action: 'updated', removed: 1 });
    expect(gh.comments.get(7)!.map((x) => x.body)).toEqual([`${MARKER}\nc`]);
  });

  it('uses the token user as author when GET /user answers (a personal token)', async () => {
    gh.tokens['pat'] = { login: 'dcr-bot', user: true };
    gh.addComment(7, ACTIONS_BOT, `${MARKER}\nfrom the workflow token`);
    await client('pat').upsertComment(repo, 7, { marker: MARKER, body: `${MARKER}\nfrom the pat` });
    expect(gh.comments.get(7)!.map((x) => x.user.login)).toEqual([ACTIONS_BOT, 'dcr-bot']);
  });

  it('skips creating when asked to only update', async () => {
    expect(
      (await client().upsertComment(repo, 7, { marker: MARKER, body: `${MARKER}\n`, create: false })).action,
    ).toBe('skipped');
    expect(gh.comments.get(7)).toBeUndefined();
  });

  it('reports a fork token as read-only', async () => {
    gh.tokens['fork'] = { login: ACTIONS_BOT, readOnly: true };
    const error = await client('fork')
      .upsertComment(repo, 7, { marker: MARKER, body: `${MARKER}\nx` })
      .catch((e: unknown) => e);
    expect(githubProblem(error)).toMatchObject({ kind: 'read-only', status: 403 });
  });

  it('cuts bodies to GitHub’s limit', async () => {
    await client().upsertComment(repo, 7, { marker: MARKER, body: `${MARKER}\n${'x'.repeat(100_000)}` });
    const body = gh.comments.get(7)![0]!.body;
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body.startsWith(MARKER)).toBe(true);
  });
});

describe('requestReviewers', () => {
  it('sends users and teams, and surfaces GitHub’s 422 for the caller to warn about', async () => {
    await client().requestReviewers(repo, 7, { users: ['alice'], teams: ['data-eng'] });
    expect(gh.reviewRequests).toEqual([{ pull: 7, reviewers: ['alice'], team_reviewers: ['data-eng'] }]);
    gh.nonCollaborators.add('mallory');
    const error = await client()
      .requestReviewers(repo, 7, { users: ['mallory'], teams: [] })
      .catch((e: unknown) => e);
    expect(githubProblem(error)).toMatchObject({ kind: 'unprocessable', status: 422 });
  });
});
