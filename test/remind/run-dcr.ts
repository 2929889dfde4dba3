import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Behaviour } from './smtp.js';

const BIN = resolve(__dirname, '../../dist/cli/bin.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built dcr without blocking the event loop (the SMTP server lives in this process). */
export function dcr(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  onSpawn?: (child: ChildProcess) => void,
): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', DCR_SMTP_URL: '', GIT_CONFIG_NOSYSTEM: '1', ...env },
    });
    onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/**
 * An SMTP behaviour that kills the running dcr (SIGKILL, no clean-up) when message `n`
 * arrives, before answering it, as a crash mid-send would; pass `onSpawn` to `dcr()`.
 */
export function killOnMessage(n: number): { behaviour: Behaviour; onSpawn: (child: ChildProcess) => void } {
  let child: ChildProcess | undefined;
  return {
    onSpawn: (c) => (child = c),
    behaviour: async (count) => {
      if (count !== n) return 'accept';
      await new Promise<void>((r) => {
        child!.once('close', () => r());
        child!.kill('SIGKILL');
      });
      return 451;
    },
  };
}
