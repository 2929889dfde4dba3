import { runGit, splitZ } from './run.js';

/** A file as recorded in git's index (the staging area). */
export interface IndexEntry {
  path: string;
  mode: string;
  oid: string;
}

/** Top folder of the work tree containing `cwd`, or undefined outside a repository. */
export async function repoRoot(cwd: string): Promise<string | undefined> {
  const r = await runGit(['rev-parse', '--show-toplevel'], { cwd, okCodes: [128] });
  return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

/**
 * Paths staged for the next commit (added, copied, modified, renamed, type-changed) under
 * `pathspec`. Works before the first commit too: git compares against the empty tree.
 * Honours GIT_INDEX_FILE, which git sets for `commit -a` and `commit <path>`.
 */
export async function stagedPaths(cwd: string, pathspec: string[]): Promise<string[]> {
  const r = await runGit(
    [
      'diff',
      '--cached',
      '--name-only',
      '-z',
      '--no-ext-diff',
      '--no-renames',
      '--diff-filter=ACMRT',
      '--',
      ...pathspec,
    ],
    { cwd },
  );
  return splitZ(r.stdout);
}

/** Every regular file in the index under `pathspec`, paths relative to the repository root. */
export async function indexEntries(cwd: string, pathspec: string[]): Promise<IndexEntry[]> {
  const r = await runGit(['ls-files', '--stage', '-z', '--full-name', '--', ...pathspec], { cwd });
  const entries: IndexEntry[] = [];
  for (const record of splitZ(r.stdout)) {
    const tab = record.indexOf('\t');
    const [mode, oid, stage] = record.slice(0, tab).split(' ');
    if (!mode || !oid || stage !== '0' || !mode.startsWith('100')) continue; // skip conflicts, links, submodules
    entries.push({ path: record.slice(tab + 1), mode, oid });
  }
  return entries;
}

/** Reads many blobs in one `git cat-file --batch` call. Missing objects are left out. */
export async function readBlobs(cwd: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  if (oids.length === 0) return blobs;
  const unique = [...new Set(oids)];
  const r = await runGit(['cat-file', '--batch'], { cwd, input: unique.join('\n') + '\n' });
  const out = r.stdout;
  let pos = 0;
  while (pos < out.length) {
    const nl = out.indexOf(0x0a, pos);
    if (nl < 0) break;
    const header = out.subarray(pos, nl).toString('utf8').split(' ');
    pos = nl + 1;
    if (header[1] === 'missing' || header.length < 3) continue;
    const size = Number(header[2]);
    blobs.set(header[0]!, out.subarray(pos, pos + size));
    pos += size + 1; // content is followed by a newline
  }
  return blobs;
}
