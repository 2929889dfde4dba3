// The only file that imports express. Loaded lazily by `dcr serve`, never on a hook path.
import express, { type NextFunction, type Request, type Response } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  getContract,
  listContracts,
  searchContracts,
  tableContacts,
  type ApiAnswer,
  type Query,
} from './api.js';
import { allowedOrigin, CORS_REQUEST_HEADERS, type CorsPolicy } from './cors.js';
import { corsMessages } from './messages.js';
import type { ServeState } from './serve-state.js';

/** The same policy as the pages' meta tag, plus what only a header can say (framing). */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const MAX_URL = 2048;

/**
 * The express app: the built site, the read-only JSON API and /healthz. `current` gives the
 * latest build; each request answers from the build it started on, which `pin` holds until the
 * response ends (so a swap of builds never removes the files a request is reading).
 */
export function createApp(
  current: () => ServeState,
  pin: (state: ServeState) => () => void = () => () => {},
  building: () => boolean = () => false,
  options: { cors?: CorsPolicy | undefined } = {},
): express.Express {
  const app = express();
  const stateOf = (res: Response) => res.locals.state as ServeState;
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  app.set('json spaces', 2);

  app.use((req, res, next) => {
    const state = current();
    res.locals.state = state;
    res.once('close', pin(state));
    res.set({
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    if (options.cors && cors(req, res, options.cors)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.set('Allow', 'GET, HEAD');
      return send(res, {
        status: 405,
        body: { error: { status: 405, message: 'the catalog is read-only: use GET' } },
      });
    }
    if (req.originalUrl.length > MAX_URL)
      return send(res, {
        status: 414,
        body: { error: { status: 414, message: `URL longer than ${MAX_URL} characters` } },
      });
    next();
  });

  const query = (req: Request) => req.query as Query;
  app.get('/healthz', (_req, res) => {
    const s = stateOf(res);
    send(res, {
      status: 200,
      body: { ok: true, contracts: s.entries.length, generated: s.generated, building: building() },
    });
  });
  app.get('/api/contracts', (req, res) => send(res, listContracts(stateOf(res), query(req))));
  app.get('/api/contracts/:jobid', (req, res) =>
    send(res, getContract(stateOf(res), String(req.params.jobid), query(req))),
  );
  app.get('/api/tables/:table', (req, res) =>
    send(res, tableContacts(stateOf(res), String(req.params.table), query(req))),
  );
  app.get('/api/search', (req, res) => send(res, searchContracts(stateOf(res), query(req))));
  app.use('/api', (_req, res) =>
    send(res, {
      status: 404,
      body: {
        error: {
          status: 404,
          message: 'no such API endpoint; see /api/contracts, /api/search?q=, /api/tables/:table',
        },
      },
    }),
  );

  // Browsers ask for /favicon.ico whatever the page says; the site's icon is an SVG.
  app.get('/favicon.ico', (_req, res, next) =>
    res.sendFile(join(stateOf(res).siteDir, 'assets', 'favicon.svg'), (error) => {
      if (error && !res.headersSent) next();
    }),
  );
  // Express 5's static defaults refuse `..`; dot files (the build marker) are hidden too.
  app.use((req, res, next) =>
    express.static(stateOf(res).siteDir, { dotfiles: 'ignore', index: ['index.html'], fallthrough: true })(
      req,
      res,
      next,
    ),
  );
  app.use((_req, res) => {
    const page = notFoundPage(stateOf(res).siteDir);
    if (page === undefined)
      return send(res, { status: 404, body: { error: { status: 404, message: 'not found' } } });
    res.status(404).type('html').send(page);
  });
  // Errors as JSON, never with a stack (bad percent-encoding in a URL lands here as a 400).
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    const code = status >= 400 && status < 600 ? status : 500;
    if (res.headersSent) return;
    send(res, {
      status: code,
      body: { error: { status: code, message: code === 500 ? 'internal error' : 'bad request' } },
    });
  });
  return app;
}

const notFound = new Map<string, string | undefined>();
/**
 * The site's 404 page with its links from the server's root: it answers at any depth, where the
 * page's relative links (written for the site's top folder) would miss the styles and scripts.
 * Its script that finds the top folder on static hosts is left out: it has nothing to do here,
 * and the server's CSP would refuse it.
 */
function notFoundPage(siteDir: string): string | undefined {
  if (!notFound.has(siteDir)) {
    if (notFound.size > 4) notFound.clear(); // old builds
    let page: string | undefined;
    try {
      page = readFileSync(join(siteDir, '404.html'), 'utf8')
        .replace(/ (href|src|action)="(?![a-z][a-z0-9+.-]*:|\/|#)/gi, ' $1="/')
        .replace(' data-root=""', ' data-root="/"')
        .replace(/<script data-find-root>[\s\S]*?<\/script>/, '');
    } catch {
      page = undefined;
    }
    notFound.set(siteDir, page);
  }
  return notFound.get(siteDir);
}

/**
 * Cross-origin reads for the origins allowed: the allow headers on every answer to them, and
 * the answer to a preflight (true when the request is answered). No credentials are ever allowed.
 */
function cors(req: Request, res: Response, policy: CorsPolicy): boolean {
  res.vary('Origin');
  const origin = req.get('origin');
  const allowed = allowedOrigin(policy, origin);
  if (allowed) {
    res.set({
      'Access-Control-Allow-Origin': allowed,
      'Access-Control-Expose-Headers': 'ETag',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
  }
  const method = req.get('access-control-request-method');
  if (req.method !== 'OPTIONS' || origin === undefined || method === undefined) return false;
  if (!allowed) {
    send(res, { status: 403, body: { error: { status: 403, message: corsMessages.refused(origin) } } });
    return true;
  }
  const asked = (req.get('access-control-request-headers') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => CORS_REQUEST_HEADERS.includes(h));
  res.set({ 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Max-Age': '600' });
  if (asked.length) res.set('Access-Control-Allow-Headers', asked.join(', '));
  res.status(204).end();
  return true;
}

function send(res: Response, answer: ApiAnswer): void {
  res.status(answer.status).json(answer.body);
}
