import { spawnSync } from 'node:child_process';
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
