export interface IsolatedResult {
  code: number;
  stderr: string;
  timedOut: boolean;
}

/**
 * Runs git on a repository of our own (a cached clone of a contracts repository), through
 * simple-git, isolated from the caller's: inside a hook git exports GIT_DIR, GIT_INDEX_FILE and
 * the quarantine variables, which would point the clone at the user's repository. Never prompts
 * for credentials, and is aborted after `timeoutMs` so a dead network cannot hang a commit.
 * simple-git loads here only, on the remote-registry path (about 55 ms), never on a hook's
 * common path.
 */
export async function runIsolatedGit(
  args: readonly string[],
  cwd: string,
  timeoutMs: number,
): Promise<IsolatedResult> {
  const { simpleGit } = await import('simple-git');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (!key.startsWith('GIT_') && value !== undefined) env[key] = value;
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes -o ConnectTimeout=5';
  // Proxies and SSL settings the user exported are kept (they are not GIT_* variables).
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  try {
    await simpleGit({
      baseDir: cwd,
      abort: deadline.signal,
      config: ['core.quotePath=false', 'color.ui=never'],
      // Our own two settings (batch-mode ssh, no prompts); simple-git removes any other GIT_*.
      allowEnvironment: ['GIT_SSH_COMMAND', 'GIT_TERMINAL_PROMPT'],
      unsafe: { allowUnsafeSshCommand: true },
    })
      .env(env)
      .raw([...args]);
    return { code: 0, stderr: '', timedOut: false };
  } catch (error) {
    const timedOut = deadline.signal.aborted;
    return { code: timedOut ? -1 : 1, stderr: (error as Error).message ?? String(error), timedOut };
  } finally {
    clearTimeout(timer);
  }
}
