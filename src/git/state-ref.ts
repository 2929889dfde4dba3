import { isAbsolute, join } from 'node:path';
import { DcrError } from '../errors.js';
import { runGit, splitZ } from './run.js';

/**
 * Files kept in a commit on a ref of their own (not a branch), written with plumbing only:
 * never the user's work tree, index or HEAD. Network commands get no terminal prompt, so a
 * scheduled job fails instead of waiting for a password.
 */

/** Why `ref` cannot hold a state, or undefined when it can. Pure: no git needed. */
export function stateRefProblem(ref: string): string | undefined {
  if (!ref.startsWith('refs/')) return 'must be a full ref name starting with refs/';
  if (/^refs\/(heads|tags|remotes)\//.test(ref))
    return 'must not be a branch, tag or remote-tracking ref: the state commit would replace its files';
  if (!/^refs\/[A-Za-z0-9._/-]+$/.test(ref) || /\/\/|\/$|\.\.|@\{|\.lock(\/|$)|\/\./.test(ref))
    return 'is not a valid ref name (letters, digits, . _ - and / only)';
  return undefined;
}

/** Why `name` cannot be a remote name, or undefined (a URL or an option is refused). */
export function remoteNameProblem(name: string): string | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) ? undefined : 'is not a remote name';
}

/** Git's own check of a ref name (after `stateRefProblem`, so it never starts with a dash). */
export async function isValidRefFormat(cwd: string, ref: string): Promise<boolean> {
  const r = await runGit(['check-ref-format', ref], { cwd, okCodes: [1] });
  return r.code === 0;
}

/** Whether `name` is a configured remote. */
export async function hasRemote(cwd: string, name: string): Promise<boolean> {
  const r = await runGit(['config', '--get', `remote.${name}.url`], { cwd, okCodes: [1] });
  return r.code === 0;
}

/** The folder for private files of this repository (`.git`, shared by its worktrees). */
export async function commonGitDir(cwd: string): Promise<string> {
  const r = await runGit(['rev-parse', '--git-common-dir'], { cwd });
  const dir = r.stdout.toString('utf8').trim();
  return isAbsolute(dir) ? dir : join(cwd, dir);
}

/** The commit `ref` points at locally, or undefined. */
export async function refCommit(cwd: string, ref: string): Promise<string | undefined> {
  const r = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
    cwd,
    okCodes: [1, 128],
  });
  return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

/** Whether commit `a` is `b` or one of its ancestors. */
export async function isAncestor(cwd: string, a: string, b: string): Promise<boolean> {
  const r = await runGit(['merge-base', '--is-ancestor', a, b], { cwd, okCodes: [1] });
  return r.code === 0;
}

/** The blobs at the top of a commit's tree, by name (sub-folders are ignored). */
export async function readCommitFiles(cwd: string, commit: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const list = await runGit(['ls-tree', '-z', commit], { cwd });
  for (const entry of splitZ(list.stdout)) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (!m) continue;
    const blob = await runGit(['cat-file', 'blob', m[1]!], { cwd });
    files.set(m[2]!, blob.stdout);
  }
  return files;
}

/** Writes `files` (name → content, top level only) as a tree; returns its id. */
export async function writeTree(cwd: string, files: ReadonlyMap<string, string>): Promise<string> {
  const entries: string[] = [];
  for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const blob = await runGit(['hash-object', '-w', '--stdin'], { cwd, input: text });
    entries.push(`100644 blob ${blob.stdout.toString('utf8').trim()}\t${name}\0`);
  }
  const tree = await runGit(['mktree', '-z'], { cwd, input: entries.join('') });
  return tree.stdout.toString('utf8').trim();
}

/** The tree of a commit. */
export async function treeOf(cwd: string, commit: string): Promise<string> {
  const r = await runGit(['rev-parse', '--verify', '--end-of-options', `${commit}^{tree}`], { cwd });
  return r.stdout.toString('utf8').trim();
}

/** Commits `tree` on `parents` with dcr's identity; returns the commit id. */
export async function commitTree(
  cwd: string,
  tree: string,
  parents: readonly string[],
  message: string,
): Promise<string> {
  const commit = await runGit(
    // --no-gpg-sign: commit.gpgSign would need a key (and a prompt) on a CI runner.
    ['commit-tree', '--no-gpg-sign', tree, ...parents.flatMap((p) => ['-p', p]), '-m', message],
    { cwd, env: { ...process.env, ...IDENTITY } },
  );
  return commit.stdout.toString('utf8').trim();
}

/** A fixed identity: the runner may have no user.name, and the state is written by dcr. */
const IDENTITY = {
  GIT_AUTHOR_NAME: 'dcr',
  GIT_AUTHOR_EMAIL: 'dcr@localhost',
  GIT_COMMITTER_NAME: 'dcr',
  GIT_COMMITTER_EMAIL: 'dcr@localhost',
};

/**
 * Points `ref` at `commit` if it still points at `expected` (undefined: does not exist yet).
 * Returns false when someone else moved it in between.
 */
export async function updateRef(
  cwd: string,
  ref: string,
  commit: string,
  expected: string | undefined,
  reason: string,
): Promise<boolean> {
  const old = expected ?? '0'.repeat(commit.length); // all zeros: "must not exist yet"
  const r = await runGit(['update-ref', '-m', reason, ref, commit, old], { cwd, okCodes: [128] });
  if (r.code === 0) return true;
  if ((await refCommit(cwd, ref)) !== expected) return false;
  throw new DcrError(`git update-ref ${ref} failed: ${r.stderr.trim().split('\n')[0] ?? ''}`);
}

/** Network commands: no prompt for credentials (a scheduled job has nobody to answer). */
const NETWORK_ENV = (): NodeJS.ProcessEnv => ({ ...process.env, GIT_TERMINAL_PROMPT: '0' });

/** Where a fetched copy of `ref` from `remote` is kept (out of the branch and tag namespaces). */
export const trackingRef = (remote: string, ref: string): string =>
  `refs/dcr-state-remotes/${remote}/${ref.slice('refs/'.length)}`;

/**
 * Fetches `ref` from `remote` into its tracking ref; returns the fetched commit, or undefined
 * when the remote has no such ref (the first run).
 */
export async function fetchRef(cwd: string, remote: string, ref: string): Promise<string | undefined> {
  const env = NETWORK_ENV();
  const listed = await runGit(['ls-remote', '--end-of-options', remote, ref], { cwd, env });
  // ls-remote matches patterns by their tail: keep the exact name only.
  const found = listed.stdout
    .toString('utf8')
    .split('\n')
    .some((line) => line.split('\t')[1] === ref);
  if (!found) return undefined;
  const tracking = trackingRef(remote, ref);
  await runGit(
    [
      'fetch',
      '--quiet',
      '--no-tags', // only the state ref
      '--no-write-fetch-head', // leave FETCH_HEAD to the user
      '--no-recurse-submodules',
      '--end-of-options',
      remote,
      `+${ref}:${tracking}`,
    ],
    { cwd, env },
  );
  return refCommit(cwd, tracking);
}

/**
 * Pushes `commit` to `ref` on `remote` without force: the remote takes it only if its current
 * value is an ancestor (a compare-and-swap). Returns 'rejected' when someone else moved the
 * ref since we fetched it, 'busy' when another push held the ref's lock at that moment (it may
 * or may not have moved it); throws for any other failure (network, permissions).
 */
export async function pushRef(
  cwd: string,
  remote: string,
  commit: string,
  ref: string,
): Promise<'pushed' | 'rejected' | 'busy'> {
  const r = await runGit(
    // --no-verify: the repository's pre-push hook checks code, not this state commit.
    ['push', '--porcelain', '--no-verify', '--end-of-options', remote, `${commit}:${ref}`],
    { cwd, env: NETWORK_ENV(), okCodes: [1, 128] },
  );
  if (r.code === 0) return 'pushed';
  const line = r.stdout
    .toString('utf8')
    .split('\n')
    .find((l) => l.startsWith('!\t'));
  if (line && /\t\[rejected\] \((non-fast-forward|fetch first|stale info)\)/.test(line)) return 'rejected';
  // Two pushes at once: the loser finds the ref locked or changed under it (git, GitHub alike).
  if (line && /\t\[remote rejected\] \((failed to update ref|cannot lock ref|incorrect old value)/.test(line))
    return 'busy';
  const detail = (line?.split('\t').slice(2).join(' ') || r.stderr.trim().split('\n').pop()) ?? '';
  throw new DcrError(`git push ${remote} ${ref} failed: ${detail}`, { cause: r });
}
