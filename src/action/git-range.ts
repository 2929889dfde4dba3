import { relative, resolve, sep } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import type { Contract } from '../contract/types.js';
import { DcrError } from '../errors.js';
import { readBlobs, repoRoot } from '../git/index-files.js';
import { runGit, splitZ } from '../git/run.js';
import { fileMatcher } from '../registry/find-files.js';
import { limitsFrom } from '../registry/load.js';
import { validateContracts } from '../validate/validate.js';
import { actionMessages as m } from './messages.js';

/** A commit id, checked and resolved; `--end-of-options` keeps a hostile ref from being read as a flag. */
async function commitOf(cwd: string, ref: string): Promise<string | undefined> {
  const r = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
    cwd,
    okCodes: [1, 128],
  });
  return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

/**
 * The merge base of the pull request's base and head. Throws a DcrError that says to set
 * `fetch-depth: 0` when the clone is too shallow to have it.
 */
export async function mergeBase(cwd: string, base: string, head: string): Promise<string> {
  const shallow =
    (await runGit(['rev-parse', '--is-shallow-repository'], { cwd })).stdout.toString('utf8').trim() ===
    'true';
  const b = await commitOf(cwd, base);
  const h = await commitOf(cwd, head);
  if (!b || !h) {
    if (shallow || !b)
      throw new DcrError(m.shallow, { hint: 'actions/checkout: `with: { fetch-depth: 0 }`' });
    throw new DcrError(`cannot resolve ${head} in ${cwd}`);
  }
  const r = await runGit(['merge-base', '--end-of-options', b, h], { cwd, okCodes: [1] });
  if (r.code !== 0) {
    if (shallow) throw new DcrError(m.shallow, { hint: 'actions/checkout: `with: { fetch-depth: 0 }`' });
    throw new DcrError(`the base ${base.slice(0, 12)} and head of the pull request share no history`);
  }
  return r.stdout.toString('utf8').trim();
}

/** Files changed between two commits, relative to the repository root. */
export async function changedFiles(cwd: string, from: string, to: string): Promise<string[]> {
  // -z for odd names; --no-renames so both sides of a rename are listed.
  const r = await runGit(
    ['diff', '--name-only', '-z', '--no-ext-diff', '--no-renames', '--end-of-options', from, to, '--'],
    { cwd },
  );
  return splitZ(r.stdout);
}

/** The contracts as they were at a commit (read from git objects, not the working tree). */
export async function contractsAt(cwd: string, loaded: LoadedConfig, rev: string): Promise<Contract[]> {
  const top = await repoRoot(cwd);
  if (!top) return [];
  const folder = relative(top, resolve(loaded.root, loaded.config.contracts)).split(sep).join('/');
  if (folder.startsWith('..')) return [];
  const r = await runGit(
    ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', rev, '--', folder || '.'],
    { cwd: top },
  );
  const matches = fileMatcher({ include: loaded.config.include, ignore: loaded.config.ignore });
  const entries: { path: string; oid: string }[] = [];
  for (const record of splitZ(r.stdout)) {
    const tab = record.indexOf('\t');
    const [mode, type, oid] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    const inner = folder ? path.slice(folder.length + 1) : path;
    if (type === 'blob' && mode?.startsWith('100') && oid && matches(inner)) entries.push({ path, oid });
  }
  const blobs = await readBlobs(
    top,
    entries.map((e) => e.oid),
  );
  const name = (path: string) => relative(loaded.root, resolve(top, path)).split(sep).join('/');
  const inputs = entries.flatMap((e) =>
    blobs.has(e.oid) ? [{ file: name(e.path), bytes: blobs.get(e.oid)! }] : [],
  );
  return validateContracts(inputs, { rules: loaded.config.rules, limits: limitsFrom(loaded) }).contracts;
}
