import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DcrError } from '../errors.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { siteMessages } from '../site/messages.js';
import type { CatalogEntry } from '../site/catalog-entry.js';
import type { Manifest } from '../site/search/engine.js';
import { buildServeState, type ServeBuild, type ServeBuildJob } from './serve-build.js';
import { ServeStateParts } from './serve-state.js';

/** What the build process answers: entries and postings in slices, then the rest, or why it failed. */
export type BuildMessage =
  | { kind: 'entries'; items: CatalogEntry[] }
  | { kind: 'postings'; items: [string, Int32Array][] }
  | {
      kind: 'done';
      skipped: number;
      problems: Diagnostic[];
      siteDir: string;
      generated: string;
      manifest: Manifest;
      terms: string[];
      rows: number;
    }
  | { kind: 'failed'; message: string; hint?: string };

/** A build that was cancelled because a newer change made it useless. */
export class BuildSuperseded extends Error {}

export interface RunningBuild {
  done: Promise<ServeBuild>;
  /** Stops the build (when it runs in a process of its own); `done` then rejects with BuildSuperseded. */
  cancel: () => void;
}

const CHILD = new URL('./build-child.js', import.meta.url);

/**
 * Runs each build in a process of its own, so that parsing never blocks the server's requests
 * and a parse that crashes its process (out of memory, a fatal error) only ends that build.
 * The next process is started once a build is over and waits with its modules loaded, so a
 * rebuild does not pay for Node's start-up. Running from sources (tests of the library),
 * builds run in this process instead.
 */
export class BuildRunner {
  private spare: ChildProcess | undefined;
  private closed = false;
  readonly separate = CHILD.protocol === 'file:' && existsSync(fileURLToPath(CHILD));

  start(job: ServeBuildJob): RunningBuild {
    if (!this.separate) return { done: buildServeState(job), cancel: () => {} };
    const spare = this.spare?.connected ? this.spare : undefined; // a spare that died waiting is replaced
    const child = spare ?? this.fork();
    this.spare = undefined;
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    let cancelled = false;
    const done = new Promise<ServeBuild>((resolve, reject) => {
      let answered = false;
      const parts = new ServeStateParts();
      const postings = new Map<string, number[]>();
      child.on('message', (m: BuildMessage) => {
        if (m.kind === 'entries') return parts.add(m.items);
        if (m.kind === 'postings') {
          for (const [term, list] of m.items) postings.set(term, Array.from(list));
          return;
        }
        answered = true;
        if (m.kind === 'failed')
          return reject(new DcrError(m.message, m.hint === undefined ? {} : { hint: m.hint }));
        const index = { terms: m.terms, postings, rows: m.rows };
        resolve({
          state: parts.finish(m.siteDir, m.generated, m.manifest, index),
          skipped: m.skipped,
          problems: m.problems,
        });
      });
      child.once('error', (error) => {
        if (!answered) reject(cancelled ? new BuildSuperseded() : error);
      });
      // 'close', not 'exit': it comes after the last message was read from the channel.
      child.once('close', (code, signal) => {
        if (answered) return;
        if (cancelled) return reject(new BuildSuperseded());
        const last = stderr.trim().split('\n').filter(Boolean).slice(-1)[0];
        reject(new DcrError(siteMessages.buildDied(code, signal, last)));
      });
      child.send(job, (error) => {
        if (error && !answered) reject(cancelled ? new BuildSuperseded() : error);
      });
    });
    done
      .catch(() => {})
      .finally(() => {
        if (!this.closed && !this.spare) this.spare = this.fork();
      });
    return {
      done,
      cancel: () => {
        cancelled = true;
        child.kill('SIGKILL');
      },
    };
  }

  /** Ends the waiting process. */
  close(): void {
    this.closed = true;
    this.spare?.kill('SIGKILL');
    this.spare = undefined;
  }

  private fork(): ChildProcess {
    // Plain node: no inspector or loader flags of the parent (a second --inspect port would clash).
    const child = fork(fileURLToPath(CHILD), [], {
      serialization: 'advanced', // structured clone: Maps, and shared references stay shared
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      execArgv: [],
    });
    child.on('error', () => {}); // reported through the build that uses it
    return child;
  }
}
