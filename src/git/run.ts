import { spawn } from 'node:child_process';
import { DcrError } from '../errors.js';

/**
 * Flags that make git's output the same whatever the user's configuration says:
 * no pager, no colour, paths printed raw (not octal-quoted) so `-z` output is exact.
 */
const FIXED = ['--no-pager', '-c', 'core.quotePath=false', '-c', 'color.ui=never'];

export interface RunOptions {
  cwd: string;
  /** Written to git's stdin. */
  input?: string | Uint8Array;
  /** Exit codes other than 0 that are answers, not failures (e.g. 1 for "no"). */
  okCodes?: number[];
  env?: NodeJS.ProcessEnv;
}

export interface RunResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** Starts git with the fixed flags and piped stdio (the caller reads its output). */
export const spawnGit = (args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env) =>
  spawn('git', [...FIXED, ...args], { cwd, env, stdio: 'pipe' });

/** The error for git that cannot be started. */
export const gitMissing = (error: NodeJS.ErrnoException): DcrError =>
  new DcrError(
    error.code === 'ENOENT' ? 'git is not installed or not on PATH' : `cannot run git: ${error.message}`,
    { hint: 'install git and make sure `git --version` works in this shell', cause: error },
  );

/**
 * Runs git with the inherited environment, so GIT_INDEX_FILE (commit -a, commit <path>) and
 * the quarantine variables of pre-receive are honoured. Arguments are passed as an array,
 * never through a shell.
 */
export function runGit(args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(args, options.cwd, options.env);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (error: NodeJS.ErrnoException) => reject(gitMissing(error)));
    child.stdin.on('error', () => {}); // git may exit before reading all input
    child.on('close', (code) => {
      const result = {
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8'),
        code: code ?? -1,
      };
      if (code === 0 || options.okCodes?.includes(code ?? -1)) resolve(result);
      else
        reject(
          new DcrError(
            `git ${args
              .filter((a) => !a.startsWith('-c'))
              .slice(0, 3)
              .join(' ')} failed: ${result.stderr.trim().split('\n')[0] ?? ''}`,
            { cause: result },
          ),
        );
    });
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

/** Splits NUL-separated output, dropping the empty tail. */
export const splitZ = (buffer: Buffer): string[] => {
  const text = buffer.toString('utf8');
  return text === '' ? [] : text.split('\0').filter((s, i, all) => !(s === '' && i === all.length - 1));
};
