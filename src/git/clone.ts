const KEPT =
  /^(?:PATH|HOME|USER|LOGNAME|SHELL|TMPDIR|TEMP|TMP|LANG|LANGUAGE|LC_\w+|TZ|XDG_CONFIG_HOME|SSH_AUTH_SOCK|SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE|SYSTEMROOT|COMSPEC|PATHEXT|APPDATA|USERPROFILE|HOMEDRIVE|HOMEPATH|(?:HTTPS?|ALL|NO)_PROXY|(?:https?|all|no)_proxy)$/;

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
  // Only what a clone needs: where things are, the locale, proxies, certificates and the ssh
  // agent. Editors, pagers and askpass programs (which simple-git refuses) and the caller's
  // GIT_* variables stay out.
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && KEPT.test(key)) env[key] = value;
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes -o ConnectTimeout=5';
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
