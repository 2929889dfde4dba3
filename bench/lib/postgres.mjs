// A real PostgreSQL server for tests and benchmarks: the Debian package's binaries, a temporary
// data directory, a random loopback port, password (scram) authentication over TCP. Plain
// JavaScript so that `npm run bench` can use it; test/helpers/postgres.ts gives it types.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const ADMIN = 'dcr_admin';
export const ADMIN_PASSWORD = 'admin-secret-4711';

/** The server binaries of the Debian package (highest version), if installed. */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/** A free loopback port (the kernel's pick; a clash on start is retried). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Root may not run the server: run it as the package's `postgres` user then. */
function serverUser() {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0)
    throw new Error('running as root, and there is no postgres user to run the server as');
  return { uid, gid };
}

export class TempPostgres {
  constructor(port, dir, child) {
    this.port = port;
    this.dir = dir;
    this.child = child;
    /** What the server has written to its log (stderr) so far. */
    this.log = '';
  }

  /** `postgres://user:password@127.0.0.1:port/db`. */
  dsn(db = 'postgres', user = ADMIN, password = ADMIN_PASSWORD) {
    return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${encodeURIComponent(db)}`;
  }

  static async start() {
    const bin = postgresBin();
    if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
    const user = serverUser();
    const dir = mkdtempSync(join(tmpdir(), 'dcr-pg-'));
    const data = join(dir, 'data');
    const pwfile = join(dir, 'pw');
    writeFileSync(pwfile, `${ADMIN_PASSWORD}\n`);
    if (user) {
      chownSync(dir, user.uid, user.gid);
      chownSync(pwfile, user.uid, user.gid);
    }
    const as = user ? { uid: user.uid, gid: user.gid } : {};
    const init = spawnSync(
      join(bin, 'initdb'),
      [
        '-D',
        data,
        '-U',
        ADMIN,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '-E',
        'UTF8',
        '--locale=C',
        '--no-sync',
      ],
      { encoding: 'utf8', ...as, env: { ...process.env, LC_ALL: 'C' } },
    );
    if (init.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`initdb failed: ${init.stderr}`);
    }
    for (let attempt = 0; ; attempt++) {
      const port = await freePort();
      const child = spawn(
        join(bin, 'postgres'),
        ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
        { stdio: ['ignore', 'ignore', 'pipe'], ...as },
      );
      const server = new TempPostgres(port, dir, child);
      child.stderr.on('data', (b) => (server.log += b.toString()));
      if (await server.ready()) return server;
      child.kill('SIGKILL');
      if (attempt >= 2) {
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`postgres did not start: ${server.log}`);
      }
    }
  }

  /** Waits until the server accepts a login (false when the process ended). */
  async ready() {
    for (let i = 0; i < 300; i++) {
      if (this.child.exitCode !== null) return false;
      try {
        await this.sql('SELECT 1');
        return true;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return false;
  }

  /** Runs SQL as the admin user in a database. */
  async sql(text, db = 'postgres') {
    const client = new pg.Client({ connectionString: this.dsn(db) });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  }

  /** Stops the server (fast shutdown) and removes its directory. */
  async stop() {
    if (this.child.exitCode === null) {
      const ended = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGINT');
      await ended;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
