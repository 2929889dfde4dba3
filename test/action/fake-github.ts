/**
 * A small GitHub REST server on loopback for tests: the endpoints the action calls, with
 * Link-header pagination, rate-limit headers and GitHub's error bodies. Not a mock of
 * octokit: octokit talks HTTP to it through its base URL.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  html_url: string;
  /** Comment lists that do not show it yet (GitHub's lists lag behind writes). */
  hiddenFromLists?: number;
}

export interface FakePull {
  number: number;
  state: 'open' | 'closed';
  user: string;
  labels: string[];
  headSha: string;
  files: { filename: string; status: string; previous_filename?: string }[];
  commits: { sha: string; message: string }[];
}

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Perform the request's effect, then answer with the fault (a write that committed). */
  commit?: boolean;
  /** How many requests it hits (default 1). */
  times?: number;
}

export interface TokenInfo {
  login: string;
  /** A fork's token: every write answers 403 "Resource not accessible by integration". */
  readOnly?: boolean;
  /** Whether GET /user works (false for installation tokens, like GITHUB_TOKEN). */
  user?: boolean;
}

export class FakeGithub {
  readonly pulls = new Map<number, FakePull>();
  readonly comments = new Map<number, FakeComment[]>();
  readonly reviewRequests: { pull: number; reviewers: string[]; team_reviewers: string[] }[] = [];
  readonly log: { method: string; path: string }[] = [];
  readonly faults: Fault[] = [];
  tokens: Record<string, TokenInfo> = { 'test-token': { login: 'github-actions[bot]', user: false } };
  /**
   * How many comment lists of its issue a newly created comment stays out of, as GitHub's
   * lists lag behind a write (counted in requests, not time: tests stay deterministic).
   */
  listLag = 0;
  /** Reviewer logins GitHub rejects (not collaborators): 422 like the real API. */
  nonCollaborators = new Set<string>();
  private nextId = 1000;
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((error: Error) => send(res, 500, { message: error.message }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  addPull(pull: Partial<FakePull> & { number: number }): FakePull {
    const full: FakePull = {
      state: 'open',
      user: 'author',
      labels: [],
      headSha: 'f'.repeat(40),
      files: [],
      commits: [],
      ...pull,
    };
    this.pulls.set(full.number, full);
    return full;
  }

  /** Adds a comment as if someone had written it. */
  addComment(issue: number, login: string, body: string): FakeComment {
    const comment: FakeComment = {
      id: this.nextId++,
      body,
      user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `https://github.test/o/r/pull/${issue}#issuecomment-${this.nextId}`,
    };
    const list = this.comments.get(issue) ?? [];
    list.push(comment);
    this.comments.set(issue, list);
    return comment;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const path = url.pathname;
    this.log.push({ method, path });
    const raw = await readBody(req);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const token = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const who = token ? this.tokens[token] : undefined;
    if (!who)
      return send(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });

    const faultIndex = this.faults.findIndex((f) => f.method === method && f.path.test(path));
    const fault = faultIndex >= 0 ? this.faults[faultIndex]! : undefined;
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.splice(faultIndex, 1);
      if (fault.commit) await this.route(method, path, url, body, who, { end: () => {} } as never);
      return send(res, fault.status, fault.body ?? { message: 'Server Error' }, fault.headers);
    }
    if (who.readOnly && method !== 'GET') {
      return send(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
        status: '403',
      });
    }
    await this.route(method, path, url, body, who, res);
  }

  private async route(
    method: string,
    path: string,
    url: URL,
    body: Record<string, unknown>,
    who: TokenInfo,
    res: ServerResponse,
  ) {
    const reply = (status: number, data: unknown, headers?: Record<string, string>) =>
      typeof res.writeHead === 'function' ? send(res, status, data, headers) : undefined;
    const notFound = () =>
      reply(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/user') {
      if (!who.user) return reply(403, { message: 'Resource not accessible by integration' });
      return reply(200, { login: who.login });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)(\/[a-z_]+)?$/.exec(path))) {
      const pull = this.pulls.get(Number(m[1]));
      if (!pull) return notFound();
      const sub = m[2];
      if (method === 'GET' && sub === undefined) {
        return reply(200, {
          number: pull.number,
          state: pull.state,
          user: { login: pull.user },
          labels: pull.labels.map((name) => ({ name })),
          head: { sha: pull.headSha },
          html_url: `https://github.test/o/r/pull/${pull.number}`,
        });
      }
      if (method === 'GET' && sub === '/files') return this.page(res, url, pull.files);
      if (method === 'GET' && sub === '/commits') {
        return this.page(
          res,
          url,
          pull.commits.map((c) => ({ sha: c.sha, commit: { message: c.message } })),
        );
      }
      if (method === 'POST' && sub === '/requested_reviewers') {
        const reviewers = (body.reviewers as string[] | undefined) ?? [];
        const teams = (body.team_reviewers as string[] | undefined) ?? [];
        if (reviewers.includes(pull.user)) {
          return reply(422, {
            message: 'Review cannot be requested from pull request author.',
            documentation_url: 'x',
          });
        }
        if (reviewers.some((r) => this.nonCollaborators.has(r))) {
          return reply(422, {
            message:
              'Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the o/r repository.',
            documentation_url: 'https://docs.github.com/rest/pulls/review-requests',
          });
        }
        this.reviewRequests.push({ pull: pull.number, reviewers, team_reviewers: teams });
        return reply(201, { number: pull.number });
      }
      return notFound();
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(path))) {
      const issue = Number(m[1]);
      if (!this.pulls.has(issue)) return notFound();
      if (method === 'GET') {
        const all = this.comments.get(issue) ?? [];
        const visible = all.filter((c) => !c.hiddenFromLists);
        for (const c of all) if (c.hiddenFromLists) c.hiddenFromLists--;
        return this.page(res, url, visible);
      }
      if (method === 'POST') {
        const comment = this.addComment(issue, who.login, String(body.body));
        if (this.listLag > 0) comment.hiddenFromLists = this.listLag;
        const { hiddenFromLists: _hidden, ...shown } = comment;
        return reply(201, shown);
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path))) {
      const id = Number(m[1]);
      for (const list of this.comments.values()) {
        const i = list.findIndex((c) => c.id === id);
        if (i < 0) continue;
        if (method === 'PATCH') {
          if (list[i]!.user.login !== who.login)
            return reply(403, { message: 'Must have admin rights to Repository.' });
          list[i]!.body = String(body.body);
          return reply(200, list[i]);
        }
        if (method === 'DELETE') {
          list.splice(i, 1);
          res.writeHead?.(204);
          return res.end();
        }
      }
      return notFound();
    }
    return notFound();
  }

  private page(res: ServerResponse, url: URL, items: unknown[]) {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const links: string[] = [];
    const at = (n: number) => {
      const u = new URL(url);
      u.searchParams.set('page', String(n));
      u.searchParams.set('per_page', String(perPage));
      return u.toString();
    };
    if (page < last) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
    if (page > 1) links.push(`<${at(1)}>; rel="first"`, `<${at(page - 1)}>; rel="prev"`);
    send(
      res,
      200,
      items.slice((page - 1) * perPage, page * perPage),
      links.length ? { link: links.join(', ') } : {},
    );
  }
}

function send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}) {
  if (typeof res.writeHead !== 'function') return;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    ...headers,
  });
  res.end(JSON.stringify(data));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
