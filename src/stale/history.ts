import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DcrError } from '../errors.js';
import { lastChanges, type LastChange } from '../git/last-changes.js';
import { runGit } from '../git/run.js';
import { staleMessages } from './messages.js';

/** Where the registry sits in its git repository. */
export interface RepoProbe {
  top: string;
  /** The registry root relative to the repository's top, `''` or ending in `/`. */
  prefix: string;
  /** A shallow clone: dates may be too recent, since older history is missing. */
  shallow: boolean;
}

/** Finds the repository around `root`; throws a DcrError outside one. */
export async function probeRepo(root: string): Promise<RepoProbe> {
  const r = await runGit(['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository'], {
    cwd: root,
    okCodes: [128],
  });
  if (r.code !== 0)
    throw new DcrError(staleMessages.notARepo(root).message, { hint: staleMessages.notARepo(root).hint });
  const [top = root, prefix = '', shallow = 'false'] = r.stdout.toString('utf8').split('\n');
  return { top, prefix, shallow: shallow.trim() === 'true' };
}

/**
 * Starts reading the last commit of every contract file, in one pass over git history:
 * git is running when this returns, so the caller can validate contracts meanwhile. `files`
 * are relative to the registry root, all inside `dir` (relative to it too).
 */
export function startHistory(
  repo: RepoProbe,
  files: readonly string[],
  dir = '.',
): Promise<Map<string, LastChange>> {
  const folder = posix.normalize(repo.prefix + dir.replace(/\\/g, '/') + '/');
  const inside = folder === './' ? '' : folder; // '' = the whole repository
  const relativeDir = posix.normalize(dir.replace(/\\/g, '/') + '/');
  const toGit = (file: string) =>
    relativeDir === './' ? posix.normalize(file) : posix.normalize(file).slice(relativeDir.length);
  const gitFiles = files.map(toGit);
  const reading =
    readInWorker(repo.top, gitFiles, inside) ??
    lastChanges(repo.top, gitFiles, [], inside ? { relative: inside } : {});
  return reading.then((byGitPath) => {
    const changes = new Map<string, LastChange>();
    files.forEach((file, i) => {
      const change = byGitPath.get(gitFiles[i]!);
      if (change) changes.set(file, change);
    });
    return changes;
  });
}

const WORKER = new URL('./history-worker.js', import.meta.url);

/** lastChanges in a worker thread; undefined when running from sources (tests), which read in-process. */
function readInWorker(
  top: string,
  files: string[],
  relative: string,
): Promise<Map<string, LastChange>> | undefined {
  if (WORKER.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER))) return undefined;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { top, files, relative: relative || undefined } });
    worker.once(
      'message',
      (m: { ok: boolean; changes?: Map<string, LastChange>; message?: string; hint?: string }) => {
        void worker.terminate();
        if (m.ok) resolve(m.changes!);
        else reject(new DcrError(m.message ?? 'reading git history failed', m.hint ? { hint: m.hint } : {}));
      },
    );
    worker.once('error', reject);
    worker.once(
      'exit',
      (code) => code !== 0 && reject(new DcrError(`reading git history stopped (exit ${code})`)),
    );
  });
}
