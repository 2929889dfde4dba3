import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Caches of parsed contracts go to a throw-away folder, never the user's ~/.cache.
process.env.DCR_CACHE_DIR ??= mkdtempSync(join(tmpdir(), 'dcr-cache-'));

/** Environment for git in tests: no user or system config, a pinned identity. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_'))),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

export interface Repo {
  dir: string;
  git(...args: string[]): string;
  write(path: string, text: string | Buffer): void;
  commit(message: string): string;
}

/** A repository in a temporary folder with a pinned user and no signing. */
export function makeRepo(dir: string, bare = false): Repo {
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: GIT_ENV,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  git('init', '-q', '-b', 'main', ...(bare ? ['--bare'] : []));
  git('config', 'commit.gpgsign', 'false');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.com');
  return {
    dir,
    git,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    commit(message) {
      git('commit', '-q', '--no-verify', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
  };
}

/** Runs `fn` with a fresh temporary folder, removed afterwards whatever happens. */
export async function withTemp<T>(fn: (root: string) => Promise<T> | T): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'dcr-check-'));
  try {
    return await fn(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A repository in a temporary folder, removed afterwards. */
export const withRepo = <T>(fn: (repo: Repo) => Promise<T> | T): Promise<T> =>
  withTemp((root) => fn(makeRepo(join(root, 'repo'))));

/** A contract file's YAML. */
export function contractYaml(jobId: string, tables: string[], extra: Record<string, string> = {}): string {
  const lines = [
    `ingestion_jobid: ${jobId}`,
    'source_host: db.example.com',
    'source_db: shop',
    'ingestion_type: full',
    'ingestion_frequency_minutes: 60',
    `source_owner: ${jobId}-src@example.com`,
    `ingestion_owner: ${jobId}-eng@example.com`,
    `source_tables: [${tables.map((t) => JSON.stringify(t)).join(', ')}]`,
    ...Object.entries(extra).map(([k, v]) => `${k}: ${v}`),
  ];
  return lines.join('\n') + '\n';
}
