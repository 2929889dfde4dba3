import type { DiffTarget } from '../../git/diff.js';
import { isShallow, mergeBase, rangeCommits, verifyCommit, type CommitInfo } from '../../git/refs.js';
import { errors, fail } from '../messages.js';

/**
 * What a range adds: its whole diff (`target`, from where it leaves known history to its tip),
 * and its commits, parents first, each judged on its own against its parent(s).
 */
export interface ResolvedRange {
  target: DiffTarget & { kind: 'trees' };
  commits: CommitInfo[];
  /** The commits' messages (newest last). */
  messages: string[];
}

/** A range from its diff and its commits. */
export const rangeOf = (from: string, to: string, commits: CommitInfo[]): ResolvedRange => ({
  target: { kind: 'trees', from, to },
  commits,
  messages: commits.map((c) => c.message),
});

/** Resolves a user-supplied revision to a commit id, refusing options and explaining shallow clones. */
export async function commitOf(cwd: string, rev: string, role: 'base' | 'head'): Promise<string> {
  // Reject what cannot be a revision before git sees it; `--end-of-options` covers the rest.
  if (rev === '' || rev.startsWith('-') || /[\0\n]/.test(rev)) fail(errors.badRevision(rev, role));
  const oid = await verifyCommit(cwd, rev);
  if (oid) return oid;
  return fail((await isShallow(cwd)) ? errors.shallowMissing(rev) : errors.unknownRevision(rev, role));
}

/**
 * `merge-base(base, head)..head`, what a pull request or a push adds. A shallow clone without
 * the merge base gets an error that says how to fetch more history.
 */
export async function resolveRange(cwd: string, base: string, head = 'HEAD'): Promise<ResolvedRange> {
  const baseOid = await commitOf(cwd, base, 'base');
  const headOid = await commitOf(cwd, head, 'head');
  const from = await mergeBase(cwd, baseOid, headOid);
  if (!from) {
    fail((await isShallow(cwd)) ? errors.shallowNoBase(base, head) : errors.noMergeBase(base, head));
  }
  return rangeOf(from!, headOid, await rangeCommits(cwd, headOid, [from!]));
}
