import { readFileSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { runGit, splitZ } from './run.js';

/**
 * The folder git commands should run in: the work tree's top, or the repository itself when
 * it is bare (a server running pre-receive). Undefined outside a repository.
 */
export async function gitTop(cwd: string): Promise<string | undefined> {
  return (await gitPaths(cwd))?.top;
}

/** `gitTop`, and the repository's own folder (the work tree's, for a linked work tree). */
export async function gitPaths(cwd: string): Promise<{ top: string; gitDir: string } | undefined> {
  const found = findWorkTree(cwd);
  if (found) return found;
  // One git: in a bare repository it answers the first two and then refuses the third.
  const r = await runGit(['rev-parse', '--is-bare-repository', '--absolute-git-dir', '--show-toplevel'], {
    cwd,
    okCodes: [128],
  });
  const [bare, gitDir = '', top = ''] = r.stdout.toString('utf8').split('\n');
  if (bare === 'true' && gitDir !== '') return { top: gitDir, gitDir };
  return r.code === 0 && bare === 'false' && top !== '' ? { top, gitDir } : undefined;
}

/**
 * gitPaths without starting git, for the common case (a hook runs at the top of an ordinary
 * work tree): the nearest folder up from `cwd` with a `.git` folder, or a `.git` file naming a
 * linked work tree's folder. Undefined, and git is asked, whenever git might answer otherwise:
 * GIT_DIR and the like set, `core.worktree` or `core.bare` configured (submodules), included
 * config files, a repository of another owner (safe.directory), `cwd` inside the git folder.
 */
export function findWorkTree(cwd: string): { top: string; gitDir: string } | undefined {
  const env = process.env;
  if (DISCOVERY_VARIABLES.some((k) => env[k])) return undefined;
  if (/core\.(worktree|bare)|include/i.test(env.GIT_CONFIG_PARAMETERS ?? '')) return undefined;
  try {
    const start = realpathSync(cwd);
    for (let dir = start; ; dir = dirname(dir)) {
      const dotGit = join(dir, '.git');
      const st = statSync(dotGit, { throwIfNoEntry: false });
      if (st) {
        let gitDir = dotGit;
        if (st.isFile()) {
          const named = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
          if (!named) return undefined;
          gitDir = realpathSync(resolve(dir, named));
        } else if (!st.isDirectory()) return undefined;
        if (start === gitDir || start.startsWith(gitDir + sep)) return undefined;
        if (process.getuid && statSync(gitDir).uid !== process.getuid()) return undefined;
        if (!statSync(join(gitDir, 'HEAD'), { throwIfNoEntry: false })?.isFile()) return undefined;
        // A linked work tree's config is its main repository's.
        const common = statSync(join(gitDir, 'commondir'), { throwIfNoEntry: false })
          ? resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim())
          : gitDir;
        const config = readFileSync(join(common, 'config'), 'utf8');
        if (/^\s*(?:worktree|bare\s*=\s*true)\b|^\s*\[\s*include/im.test(config)) return undefined;
        return { top: dir, gitDir };
      }
      if (dirname(dir) === dir) return undefined;
    }
  } catch {
    return undefined;
  }
}

const DISCOVERY_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_CEILING_DIRECTORIES',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM',
];

/** True for git's all-zeros object id (a ref that does not exist yet, or any more). */
export const isZeroOid = (oid: string): boolean => /^0+$/.test(oid);

/**
 * The commit a user-supplied revision names, or undefined when there is none. The revision
 * goes after `--end-of-options`, so `--output=/x` is a (missing) revision, never an option.
 */
export async function verifyCommit(cwd: string, rev: string): Promise<string | undefined> {
  const r = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
    cwd,
    okCodes: [1, 128],
  });
  return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

/** Whether the repository has a commit at HEAD (false before the first commit). */
export async function hasHead(cwd: string): Promise<boolean> {
  return (await verifyCommit(cwd, 'HEAD')) !== undefined;
}

/** Whether this is a shallow clone (history cut off, so merge bases may be missing). */
export async function isShallow(cwd: string): Promise<boolean> {
  const r = await runGit(['rev-parse', '--is-shallow-repository'], { cwd, okCodes: [128] });
  return r.stdout.toString('utf8').trim() === 'true';
}

/** The best common ancestor of two commits (full ids), or undefined when they share none. */
export async function mergeBase(cwd: string, a: string, b: string): Promise<string | undefined> {
  const r = await runGit(['merge-base', '--end-of-options', a, b], { cwd, okCodes: [1] });
  return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

/** The empty tree's id in this repository's hash (SHA-1 and SHA-256 differ), without writing it. */
export async function emptyTree(cwd: string): Promise<string> {
  const r = await runGit(['hash-object', '-t', 'tree', '--stdin'], { cwd, input: '' });
  return r.stdout.toString('utf8').trim();
}

/**
 * Commits reachable from `include` but not from `exclude` (full ids, newest first). `exclude`
 * entries are commit ids or the pseudo-options `--all`/`--remotes=<name>` that we add ourselves.
 */
export async function revList(
  cwd: string,
  include: string,
  exclude: readonly string[],
  boundary = false,
): Promise<string[]> {
  const args = ['rev-list', ...(boundary ? ['--boundary'] : []), include, '--not', ...exclude, '--'];
  const r = await runGit(args, { cwd });
  return r.stdout.toString('utf8').split('\n').filter(Boolean);
}

/** The fetch URLs of every remote, `origin` first. */
export async function remoteUrls(cwd: string): Promise<string[]> {
  const r = await runGit(['config', '-z', '--get-regexp', '^remote\\..*\\.url$'], { cwd, okCodes: [1] });
  const urls = splitZ(r.stdout).map((record) => {
    const nl = record.indexOf('\n');
    return { key: record.slice(0, nl), url: record.slice(nl + 1) };
  });
  urls.sort((a, b) => Number(b.key === 'remote.origin.url') - Number(a.key === 'remote.origin.url'));
  return urls.map((u) => u.url);
}

/** One commit of a range: its id, its parents and its message. */
export interface CommitInfo {
  id: string;
  parents: string[];
  message: string;
}

/**
 * The commits reachable from `include` but not from `exclude` (ids or `--all`/`--remotes=<name>`),
 * parents before children (`--topo-order --reverse`), with their messages, in one `git log`.
 */
export async function rangeCommits(
  cwd: string,
  include: string,
  exclude: readonly string[],
): Promise<CommitInfo[]> {
  // %H, %P and %B separated by NUL, records by `-z`'s NUL: split on NUL and take three at a time.
  const r = await runGit(
    ['log', '-z', '--topo-order', '--reverse', '--format=%H%x00%P%x00%B', include, '--not', ...exclude, '--'],
    { cwd },
  );
  const parts = splitZ(r.stdout);
  const commits: CommitInfo[] = [];
  for (let i = 0; i < parts.length; i += 3) {
    const id = parts[i]!.trim();
    if (id === '') continue;
    commits.push({
      id,
      parents: (parts[i + 1] ?? '').split(' ').filter(Boolean),
      message: parts[i + 2] ?? '',
    });
  }
  return commits;
}

/**
 * The commits `git commit` will record as further parents (a merge in progress), else none:
 * MERGE_HEAD holds one id per merged branch (several for an octopus). Read as a file, without
 * running git: every pre-commit pays for this.
 */
export async function pendingMergeHeads(gitDir: string): Promise<string[]> {
  const text = await readFile(resolve(gitDir, 'MERGE_HEAD'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(l));
}
