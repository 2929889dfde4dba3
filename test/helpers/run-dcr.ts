import { spawn, spawnSync } from 'node:child_process';
import { DCR } from './paths.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawns the built `dcr` with a clean colour-free environment. */
export function runDcr(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string },
): Run {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, DCR_DEBUG: undefined, ...options.env };
  const r = spawnSync(process.execPath, [DCR, ...args], {
    cwd: options.cwd,
    env,
    input: options.input,
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Spawns the built `dcr` without blocking the event loop (for servers living in the test's own
 * process). A run still going after `killAfterMs` is killed and ends with code -1: a hang fails
 * the test's assertions instead of freezing the suite.
 */
export function runDcrAsync(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; killAfterMs?: number },
): Promise<Run> {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, DCR_DEBUG: undefined, ...options.env };
  return new Promise((done) => {
    const child = spawn(process.execPath, [DCR, ...args], { cwd: options.cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 120_000);
    child.on('close', (code) => {
      clearTimeout(guard);
      done({ code: code ?? -1, stdout, stderr });
    });
  });
}
