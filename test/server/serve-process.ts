// The built `dcr serve` as a real process on a random loopback port, for tests of the server
// under change: its log lines, HTTP requests to it, and the build processes it starts.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { DCR } from '../helpers/paths.js';

export interface Answer {
  status: number;
  text: string;
}

/** Waits for a condition with a bounded poll (never a fixed sleep). */
export const until = <T>(check: () => T | Promise<T>, timeout = 45_000) =>
  vi.waitFor(
    async () => {
      const value = await check();
      if (!value) throw new Error('not yet');
      return value;
    },
    { timeout, interval: 50 },
  );

export class ServeProcess {
  readonly child: ChildProcess;
  readonly log: string[] = [];
  url = '';
  private out = '';

  constructor(cwd: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, [DCR, 'serve', '--port', '0', '--format', 'json', ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', DCR_DEBUG: undefined, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    this.child.stderr!.on('data', (c: Buffer) => {
      err += c.toString('utf8');
      const lines = err.split('\n');
      err = lines.pop()!;
      this.log.push(...lines);
    });
    this.child.stdout!.on('data', (c: Buffer) => {
      this.out += c.toString('utf8');
    });
  }

  /** Waits for the first build and the URL. */
  async ready(): Promise<this> {
    const started = await until(() => {
      if (this.child.exitCode !== null) throw new Error(`dcr serve exited: ${this.log.join('\n')}`);
      try {
        return JSON.parse(this.out) as { url: string; contracts: number };
      } catch {
        return undefined;
      }
    });
    this.url = started.url;
    return this;
  }

  /** A GET answered within 20 s (a request the server does not answer fails the test). */
  async get(path: string): Promise<Answer> {
    const r = await fetch(this.url + path, { signal: AbortSignal.timeout(20_000) });
    return { status: r.status, text: await r.text() };
  }

  async health(): Promise<{ contracts: number; building: boolean; generated: string }> {
    return JSON.parse((await this.get('healthz')).text);
  }

  /** Log lines that report a finished rebuild. */
  rebuilds = () => this.log.filter((l) => l.startsWith('rebuilt: '));

  /** The server's build processes (Linux /proc), by pid. */
  buildProcesses(): number[] {
    const pids: number[] = [];
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid !== this.child.pid) continue;
        if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('build-child')) pids.push(Number(name));
      } catch {
        // the process ended meanwhile
      }
    }
    return pids;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((ok) => this.child.once('exit', ok));
    this.child.kill('SIGTERM');
    await exited;
  }
}
