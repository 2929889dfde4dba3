import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { createServer as createTcp, type Server, type Socket } from 'node:net';
import { join } from 'node:path';

/** A loopback server and a way to stop it, open connections included. */
export interface Running {
  port: number;
  hits: () => number;
  close: () => Promise<void>;
}

async function listen(server: Server, count: () => number): Promise<Running> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // The TLS server reports its sockets under another event.
  server.on('secureConnection', (s: Socket) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    hits: count,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** Accepts every connection and never says a word. */
export function silentTcp(): Promise<Running> {
  let hits = 0;
  return listen(
    createTcp(() => (hits += 1)),
    () => hits,
  );
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** An HTTP server on 127.0.0.1. */
export function http(handler: Handler): Promise<Running> {
  let hits = 0;
  return listen(
    createHttp((req, res) => {
      hits += 1;
      handler(req, res);
    }),
    () => hits,
  );
}

/** An HTTPS server on 127.0.0.1 with the certificate from `certificate()`. */
export function https(cert: { key: string; cert: string }, handler: Handler): Promise<Running> {
  let hits = 0;
  return listen(
    createHttps({ key: readFileSync(cert.key), cert: readFileSync(cert.cert) }, (req, res) => {
      hits += 1;
      handler(req, res);
    }),
    () => hits,
  );
}

/** Sends the headers of a 200 answer, then nothing more, ever. */
export const hangAfterHeaders =
  (type: string): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': type });
    res.flushHeaders();
  };

/** A self-signed certificate for 127.0.0.1, made by openssl in `dir`. */
export function certificate(dir: string): { key: string; cert: string } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2'].concat([
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ]),
    { stdio: 'ignore' },
  );
  return { key, cert };
}

/**
 * Serves the bare repositories under `root` over git's smart HTTP protocol, through git's own
 * CGI program, `git http-backend`.
 */
export const gitHttpBackend =
  (root: string): Handler =>
  (req, res) => {
    const [path, query = ''] = (req.url ?? '/').split('?');
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(path!),
        QUERY_STRING: query,
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-encoding']
          ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] }
          : {}),
        ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
      },
    });
    req.pipe(cgi.stdin);
    const chunks: Buffer[] = [];
    cgi.stdout.on('data', (c: Buffer) => chunks.push(c));
    cgi.on('close', () => {
      const out = Buffer.concat(chunks);
      const end = out.indexOf('\r\n\r\n');
      const head = out.subarray(0, end).toString('latin1').split('\r\n');
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head) {
        const [name, ...rest] = line.split(':');
        const value = rest.join(':').trim();
        if (name!.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else headers[name!] = value;
      }
      res.writeHead(status, headers).end(out.subarray(end + 4));
    });
  };
