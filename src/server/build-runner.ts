import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DcrError } from '../errors.js';
import { siteMessages } from '../site/messages.js';
import { buildServeState, type ServeBuild, type ServeBuildJob } from './serve-build.js';

/** What the build process answers. */
export type BuildReply = { ok: true; build: ServeBuild } | { ok: false; message: string; hint?: string };

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
      child.once('message', (reply: BuildReply) => {
        answered = true;
        if (reply.ok) resolve(reply.build);
        else reject(new DcrError(reply.message, reply.hint === undefined ? {} : { hint: reply.hint }));
      });
      child.once('error', (error) => {
        if (!answered) reject(cancelled ? new BuildSuperseded() : error);
      });
      child.once('exit', (code, signal) => {
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
