import { spawn } from 'node:child_process';

export interface IsolatedResult {
  code: number;
  stderr: string;
  timedOut: boolean;
}

/**
 * Runs git on a repository of our own (a cached clone of a contracts repository), isolated
 * from the caller's: inside a hook git exports GIT_DIR, GIT_INDEX_FILE and the quarantine
 * variables, which would point the clone at the user's repository. Never prompts for
 * credentials, and is killed after `timeoutMs` so a dead network cannot hang a commit.
 */
export function runIsolatedGit(
  args: readonly string[],
  cwd: string,
  timeoutMs: number,
): Promise<IsolatedResult> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes -o ConnectTimeout=5';
  // Proxies and SSL settings the user exported are kept (they are not GIT_* variables).
  return new Promise((resolve) => {
    const child = spawn('git', ['-c', 'core.quotePath=false', '-c', 'color.ui=never', ...args], {
      cwd,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stderr: error.message, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
  });
}
