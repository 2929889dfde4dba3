import { relative, resolve } from 'node:path';
import { DcrError } from '../errors.js';
import { indexEntries, readBlobs, repoRoot, stagedPaths } from '../git/index-files.js';
import { runGit, splitZ } from '../git/run.js';
import type { ContractInput } from '../parse/input.js';
import { fileMessages } from './file-messages.js';
import { fileMatcher, posix, type FindOptions } from './find-files.js';

// Kept apart from load.ts so that a pre-commit hook with no staged contract loads neither
// the YAML parser nor the schema validator.

export interface StagedInputs {
  /** Every contract file in the index (the context for cross-file rules). */
  inputs: ContractInput[];
  /** The ones staged for this commit. */
  staged: Set<string>;
}

/**
 * Contract files as git will commit them: the index's blobs, not the working tree, so a
 * partially staged file is judged by what is staged. Names are relative to `root`.
 */
export async function readStagedInputs(
  cwd: string,
  root: string,
  dir: string,
  find: FindOptions = {},
): Promise<StagedInputs> {
  const top = await repoRoot(cwd);
  if (!top)
    throw new DcrError('--staged needs a git repository, and this folder is not in one', {
      hint: 'run it inside a git work tree',
    });
  const folder = posix(relative(top, resolve(root, dir))) || '.';
  const spec = [`:(top)${folder}`];
  const changed = await stagedPaths(top, spec);
  if (changed.length === 0) return { inputs: [], staged: new Set() }; // globs not even compiled
  const matches = fileMatcher(find);
  const inFolder = (path: string) => matches(folder === '.' ? path : path.slice(folder.length + 1));
  const staged = changed.filter(inFolder);
  if (staged.length === 0) return { inputs: [], staged: new Set() };
  const entries = (await indexEntries(top, spec)).filter((e) => inFolder(e.path));
  const blobs = await readBlobs(
    top,
    entries.map((e) => e.oid),
  );
  const name = (path: string) => posix(relative(root, resolve(top, path)));
  const inputs: ContractInput[] = entries.flatMap((e) => {
    const bytes = blobs.get(e.oid);
    return bytes ? [{ file: name(e.path), bytes }] : [];
  });
  // A staged path that is no regular file in the index is a link (mode 120000) or a
  // submodule: its target is never read, and the notice says why the file was not checked.
  const regular = new Set(entries.map((e) => e.path));
  for (const path of staged.filter((p) => !regular.has(p))) {
    const link = (await stagedMode(top, path)) === '120000';
    inputs.push({
      file: name(path),
      bytes: new Uint8Array(0),
      skipped: {
        rule: link ? 'symlink' : 'not-a-file',
        severity: 'warning',
        ...(link ? fileMessages.stagedLink() : fileMessages.notAFile()),
      },
    });
  }
  return { inputs, staged: new Set(staged.map(name)) };
}

/** The index mode of one path (`100644`, `120000` for a link, `160000` for a submodule). */
async function stagedMode(top: string, path: string): Promise<string | undefined> {
  const r = await runGit(['ls-files', '--stage', '-z', '--full-name', '--', `:(top,literal)${path}`], {
    cwd: top,
  });
  return splitZ(r.stdout)[0]?.split(' ')[0];
}
