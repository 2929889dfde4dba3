import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throw-away git repository with a pinned user and backdated commits. */
export interface TempRepo {
  dir: string;
  git(args: string[], env?: NodeJS.ProcessEnv): string;
  write(path: string, text: string): void;
  /** Stages everything and commits with author and committer date `date`. */
  commit(message: string, date: string): void;
  cleanup(): void;
}

export function tempRepo(): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'dcr-stale-'));
  const git = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    execFileSync('git', args, {
      cwd: dir,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...env },
      encoding: 'utf8',
    });
  git(['init', '-q', '-b', 'main']);
  git(['config', 'user.name', 'Test User']);
  git(['config', 'user.email', 'test@example.com']);
  git(['config', 'commit.gpgsign', 'false']);
  return {
    dir,
    git,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    commit(message, date) {
      git(['add', '-A']);
      git(['commit', '-q', '--allow-empty', '-m', message], {
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      });
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A minimal valid contract. */
export function contractYaml(
  jobId: string,
  extra: { source?: string; ingestion?: string; lines?: string[] } = {},
): string {
  return [
    `ingestion_jobid: ${jobId}`,
    'source_host: db.example.com',
    'source_db: shop',
    'ingestion_type: full',
    'ingestion_frequency_minutes: 60',
    `source_owner: ${extra.source ?? 'src@example.com'}`,
    `ingestion_owner: ${extra.ingestion ?? 'ing@example.com'}`,
    ...(extra.lines ?? []),
    '',
  ].join('\n');
}
