import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

const KEPT =
  /^(?:PATH|HOME|USER|LOGNAME|SHELL|TMPDIR|TEMP|TMP|LANG|LANGUAGE|LC_\w+|TZ|XDG_CONFIG_HOME|SSH_AUTH_SOCK|SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE|SYSTEMROOT|COMSPEC|PATHEXT|APPDATA|USERPROFILE|HOMEDRIVE|HOMEPATH|(?:HTTPS?|ALL|NO)_PROXY|(?:https?|all|no)_proxy)$/;

export interface IsolatedOptions {
  /** Milliseconds before git is stopped and the call returns, whatever git's helpers do. */
  timeoutMs: number;
  /** Stops git once this folder holds more than `maxBytes` (the size cap of a clone). */
  watch?: { dir: string; maxBytes: number };
  /** Extra `-c name=value` settings for this call. */
  config?: readonly string[];
}

export interface IsolatedResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Why dcr stopped git: the deadline passed, or the watched folder outgrew its cap. */
  stopped?: 'deadline' | 'size';
}

/** Bytes of the files below `dir` (0 when it does not exist yet). */
export function folderBytes(dir: string): number {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (!e.isFile()) continue;
    try {
      total += statSync(join(e.parentPath, e.name)).size;
    } catch {
      // git renames and deletes temporary files while we count
    }
  }
  return total;
}

/**
 * Runs git on a repository of our own (a cached clone of a contracts repository), through
 * simple-git, isolated from the caller's: inside a hook git exports GIT_DIR, GIT_INDEX_FILE and
 * the quarantine variables, which would point the clone at the user's repository. Never prompts
 * for credentials, and returns at `timeoutMs` so a dead network cannot hang a commit.
 * simple-git loads here only, on the remote-registry path (about 55 ms), never on a hook's
 * common path.
 */
/** How long a stopped git may take to end before the call returns anyway. */
const STOP_GRACE_MS = 3_000;
const settled = (): void => undefined;

export async function runIsolatedGit(
  args: readonly string[],
  cwd: string,
  options: IsolatedOptions,
): Promise<IsolatedResult> {
  const { simpleGit } = await import('simple-git');
  // Only what a clone needs: where things are, the locale, proxies, certificates and the ssh
  // agent. Editors, pagers and askpass programs (which simple-git refuses) and the caller's
  // GIT_* variables stay out.
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && KEPT.test(key)) env[key] = value;
  env.GIT_TERMINAL_PROMPT = '0';
  // ServerAlive: an ssh server that accepts and then says nothing is dropped by ssh itself.
  env.GIT_SSH_COMMAND =
    'ssh -o BatchMode=yes -o ConnectTimeout=5 -o ServerAliveInterval=2 -o ServerAliveCountMax=2';
  const seconds = Math.max(1, Math.ceil(options.timeoutMs / 1000));
  const abort = new AbortController();
  // simple-git's abort signals git alone; git's http helper (`git remote-https`) lives on and
  // keeps the output pipes open, so the call would wait for it. Closing our ends of the pipes
  // lets the call end with git; curl's low-speed limit then ends the orphaned helper.
  const pipes: Readable[] = [];
  let stopped: IsolatedResult['stopped'];
  let wake: () => void = () => undefined;
  const woken = new Promise<void>((r) => (wake = r));
  const stop = (why: NonNullable<IsolatedResult['stopped']>) => {
    if (stopped) return;
    stopped = why;
    abort.abort();
    for (const p of pipes) p.destroy();
    wake();
  };
  const timer = setTimeout(() => stop('deadline'), options.timeoutMs);
  const watch = options.watch;
  const poll = watch
    ? setInterval(() => {
        if (folderBytes(watch.dir) > watch.maxBytes) stop('size');
      }, 200)
    : undefined;
  try {
    const task = simpleGit({
      baseDir: cwd,
      abort: abort.signal,
      config: [
        'core.quotePath=false',
        'color.ui=never',
        // curl gives up on a server that sends nothing for as long as our deadline.
        'http.lowSpeedLimit=1',
        `http.lowSpeedTime=${seconds}`,
        ...(options.config ?? []),
      ],
      // Our own two settings (batch-mode ssh, no prompts); simple-git removes any other GIT_*.
      allowEnvironment: ['GIT_SSH_COMMAND', 'GIT_TERMINAL_PROMPT'],
      // simple-git sees no failure in a non-zero exit without output (`rev-parse -q --verify`).
      errors: (error, result) =>
        error ??
        (result.exitCode === 0
          ? undefined
          : new Error(Buffer.concat(result.stdErr).toString('utf8') || `git exited with ${result.exitCode}`)),
      // The protocol override is ours and only ever forbids (`protocol.http.allow=never`).
      unsafe: { allowUnsafeSshCommand: true, allowUnsafeProtocolOverride: true },
    })
      .outputHandler((_command, stdout, stderr) => {
        // Typed as web streams by simple-git; they are the child's Node.js pipes.
        pipes.push(stdout as unknown as Readable, stderr as unknown as Readable);
      })
      .env(env)
      .raw([...args]);
    const outcome = await Promise.race([
      task.then(
        (stdout) => ({ stdout }),
        (error: unknown) => ({ error }),
      ),
      woken.then(() => ({ error: undefined })),
    ]);
    if (stopped) {
      // Let git itself end (a moment at most: it was signalled and its pipes are closed), so
      // that nothing writes into the folder after the caller removes it.
      await Promise.race([
        task.then(settled, settled),
        new Promise<void>((r) => setTimeout(r, STOP_GRACE_MS)),
      ]);
      return { code: -1, stdout: '', stderr: '', stopped };
    }
    if ('stdout' in outcome) return { code: 0, stdout: outcome.stdout, stderr: '' };
    const error = outcome.error as Error | undefined;
    return { code: 1, stdout: '', stderr: error?.message ?? String(error) };
  } finally {
    clearTimeout(timer);
    if (poll) clearInterval(poll);
  }
}
