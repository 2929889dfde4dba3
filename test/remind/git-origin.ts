import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractYaml, tempRepo } from '../stale/helpers.js';

/** A bare "origin" holding five stale contracts (s1..s5 own one each; data@ ingests all), and fresh clones of it. */
export interface Origin {
  bare: string;
  /** A new clone, as a CI runner that starts empty makes it. */
  clone(): string;
  git(cwd: string, args: string[], input?: string): string;
  cleanup(): void;
}

export function staleOrigin(): Origin {
  const root = mkdtempSync(join(tmpdir(), 'dcr-origin-'));
  const git = (cwd: string, args: string[], input?: string) =>
    execFileSync('git', args, {
      cwd,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
      encoding: 'utf8',
      ...(input === undefined ? {} : { input }),
    });
  const bare = join(root, 'origin.git');
  git(root, ['init', '-q', '--bare', '-b', 'main', bare]);
  const seed = tempRepo();
  try {
    seed.write(
      'dcr.config.yaml',
      'reminders:\n  from: dcr@example.com\n  smtp: { maxConnections: 1, retries: 1, retryDelayMs: 1, greetingTimeoutMs: 500 }\n',
    );
    for (let i = 1; i <= 5; i++)
      seed.write(
        `contracts/job${i}.yaml`,
        contractYaml(`job${i}`, { source: `s${i}@example.com`, ingestion: 'data@example.com' }),
      );
    seed.commit('contracts', '2025-01-01T00:00:00Z');
    seed.git(['push', '-q', bare, 'main']);
  } finally {
    seed.cleanup();
  }
  let n = 0;
  return {
    bare,
    git,
    clone() {
      const dir = join(root, `runner${++n}`);
      git(root, ['clone', '-q', bare, dir]);
      return dir;
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Who received how many messages. */
export const byPerson = (received: { to: string[] }[]): Record<string, number> => {
  const counts = new Map<string, number>();
  for (const m of received) for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return Object.fromEntries([...counts].sort());
};
