import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  [field: string]: unknown;
}

// The manifest fields npm resolves with; the lockfile records them for every package.
const FIELDS = [
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bin',
  'engines',
  'os',
  'cpu',
  'hasInstallScript',
];

/**
 * An npm registry on loopback that knows exactly the packages of a package-lock.json. npm
 * needs registry metadata (packuments) to resolve a local tarball's dependencies: it reads a
 * tarball's npm-shrinkwrap.json only for packages from a registry, and `npm ci` caches
 * tarballs, not packuments. Tarballs come from npm's cache (`cacheDir`, content addressed by
 * integrity); one that is not there gets a 404, so nothing reaches the internet. The root package.json's
 * `overrides` (name → version) replace dependents' ranges, as they did when npm wrote the
 * lockfile (npm applies overrides only to the root project, never to an installed package).
 */
export class LockfileRegistry {
  readonly requests: string[] = [];
  private readonly packuments = new Map<string, { versions: Record<string, object>; latest: string }>();
  /** Tarball path → integrity. */
  private readonly tarballs = new Map<string, string>();
  private server?: Server;
  url = '';

  constructor(
    lockfile: string,
    private readonly cacheDir: string,
    packageJson?: string,
  ) {
    const lock = JSON.parse(readFileSync(lockfile, 'utf8')) as { packages: Record<string, LockEntry> };
    const overrides = packageJson
      ? ((JSON.parse(readFileSync(packageJson, 'utf8')) as { overrides?: Record<string, unknown> })
          .overrides ?? {})
      : {};
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (path === '' || entry.link || !entry.version || !entry.integrity) continue;
      const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      const doc = this.packuments.get(name) ?? { versions: {}, latest: entry.version };
      const manifest: Record<string, unknown> = { name, version: entry.version };
      for (const field of FIELDS) if (entry[field] !== undefined) manifest[field] = entry[field];
      const deps = manifest.dependencies as Record<string, string> | undefined;
      if (deps) {
        manifest.dependencies = Object.fromEntries(
          Object.entries(deps).map(([dep, range]) => {
            const pinned = overrides[dep];
            return [dep, typeof pinned === 'string' ? pinned : range];
          }),
        );
      }
      const tarball = `${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
      manifest.dist = { integrity: entry.integrity, tarball };
      this.tarballs.set(tarball, entry.integrity);
      doc.versions[entry.version] = manifest;
      this.packuments.set(name, doc);
    }
  }

  /** Starts listening on 127.0.0.1; `url` is the registry URL to give npm. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const name = decodeURIComponent((req.url ?? '/').slice(1));
      this.requests.push(name);
      if (name.includes('/-/')) {
        const file = this.contentOf(this.tarballs.get(name));
        if (file) res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
        else res.writeHead(404).end();
        return;
      }
      const doc = this.packuments.get(name);
      if (!doc) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
        return;
      }
      const versions = Object.fromEntries(
        Object.entries(doc.versions).map(([v, m]) => {
          const dist = (m as { dist: { integrity: string; tarball: string } }).dist;
          return [v, { ...m, dist: { ...dist, tarball: `${this.url}${dist.tarball}` } }];
        }),
      );
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ name, 'dist-tags': { latest: doc.latest }, versions }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  /** cacache's file for a sha512 integrity: content-v2/sha512/<hex[0..2]>/<hex[2..4]>/<rest>. */
  private contentOf(integrity: string | undefined): string | undefined {
    if (!integrity?.startsWith('sha512-')) return undefined;
    const hex = Buffer.from(integrity.slice('sha512-'.length), 'base64').toString('hex');
    const file = join(
      this.cacheDir,
      '_cacache',
      'content-v2',
      'sha512',
      hex.slice(0, 2),
      hex.slice(2, 4),
      hex.slice(4),
    );
    return existsSync(file) ? file : undefined;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
