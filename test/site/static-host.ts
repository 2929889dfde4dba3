// A static web host on loopback, as GitHub Pages or nginx serve a built catalog: files from a
// folder under a path prefix, and the site's 404.html for any path that has no file.
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface StaticHost {
  /** The site's address, ending in `/` (the prefix included). */
  url: string;
  close(): Promise<void>;
}

export interface StaticHostOptions {
  /** Where the site lives on the host, starting and ending with `/` (GitHub Pages: `/<repo>/`). */
  prefix?: string;
  /**
   * The status a missing path is answered with (404.html's content either way): 404 as GitHub
   * Pages and nginx's `error_page` give, 200 as nginx's `try_files $uri /404.html` gives.
   */
  missingStatus?: 200 | 404;
}

/** Serves `dir` on a random loopback port; close it when done. */
export async function staticHost(dir: string, options: StaticHostOptions = {}): Promise<StaticHost> {
  const root = resolve(dir);
  const prefix = options.prefix ?? '/';
  if (!/^\/(.*\/)?$/.test(prefix)) throw new Error(`prefix must start and end with "/": ${prefix}`);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('nothing here');
      return;
    }
    const rest = path.slice(prefix.length);
    const file = resolve(root, rest === '' || rest.endsWith('/') ? join(rest, 'index.html') : rest);
    const inside = !relative(root, file).startsWith('..') && !relative(root, file).startsWith(sep);
    if (inside && isFile(file)) {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
      return;
    }
    res.writeHead(options.missingStatus ?? 404, { 'content-type': TYPES['.html']! });
    res.end(readFileSync(join(root, '404.html')));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
