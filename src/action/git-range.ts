import type { LoadedConfig } from '../config/config.js';
import type { Contract } from '../contract/types.js';
import { DcrError } from '../errors.js';
import { runGit, splitZ } from '../git/run.js';
import { readContractsAt } from '../registry/at-revision.js';
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
  return (await readContractsAt(cwd, loaded, rev)).contracts;
}
