import { spawnSync } from 'node:child_process';

/** Median wall time in ms of `runs` runs of fn (after one warm-up), each after `before` (not timed). */
export async function median(fn, runs = 5, before = () => {}) {
  await before();
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    await before();
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Runs a command, failing loudly if it does not exit with one of `codes`. */
export function exec(cmd, args, options = {}, codes = [0]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (!codes.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}

export const ms = (n) => `${n.toFixed(0)} ms`;
