import { emptyTree, isZeroOid, mergeBase, rangeCommits, revList, verifyCommit } from '../../git/refs.js';
import { notices } from '../messages.js';
import type { Notice } from './read-changes.js';
import { rangeOf, type ResolvedRange } from './range.js';

/** One ref update: pre-receive's `old new ref` line, or pre-push's local and remote ids. */
export interface RefUpdate {
  oldOid: string;
  newOid: string;
  ref: string;
}

export interface PushedRanges {
  ranges: ResolvedRange[];
  notices: Notice[];
}

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** Parses `old new ref` lines (pre-receive's stdin); blank lines are ignored, others refused. */
export function parseUpdates(text: string): RefUpdate[] | { error: string } {
  const updates: RefUpdate[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const [oldOid = '', newOid = '', ref = ''] = line.trim().split(/\s+/);
    if (!OID.test(oldOid) || !OID.test(newOid) || ref === '') return { error: line };
    updates.push({ oldOid, newOid, ref });
  }
  return updates;
}

/** Parses pre-push's `<local ref> <local oid> <remote ref> <remote oid>` lines into updates. */
export function parsePrePush(text: string): RefUpdate[] | { error: string } {
  const updates: RefUpdate[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const [, localOid = '', remoteRef = '', remoteOid = ''] = line.trim().split(/\s+/);
    if (!OID.test(localOid) || !OID.test(remoteOid) || remoteRef === '') return { error: line };
    updates.push({ oldOid: remoteOid, newOid: localOid, ref: remoteRef });
  }
  return updates;
}

/**
 * The ranges a push adds, one per updated ref. `known` says which commits the receiving side
 * already has: `--all` on the server (pre-receive runs before refs move), `--remotes=<name>` on
 * the client (pre-push). A new branch is checked from where it leaves known history (or from
 * the empty tree for unrelated history); a deletion adds nothing; a force push is checked from
 * the merge base of the old and new tips.
 */
export async function resolvePush(
  cwd: string,
  updates: readonly RefUpdate[],
  known: readonly string[],
): Promise<PushedRanges> {
  const out: PushedRanges = { ranges: [], notices: [] };
  for (const u of updates) {
    if (isZeroOid(u.newOid)) {
      out.notices.push({ file: u.ref, line: 0, message: notices.refDeleted(u.ref) });
      continue;
    }
    if ((await verifyCommit(cwd, u.newOid)) === undefined) continue; // a tag of a non-commit, say
    const oldKnown = !isZeroOid(u.oldOid) && (await verifyCommit(cwd, u.oldOid)) !== undefined;
    if (oldKnown) {
      const from = (await mergeBase(cwd, u.oldOid, u.newOid)) ?? (await emptyTree(cwd));
      if (from === u.newOid) continue; // a rewind: nothing new
      out.ranges.push(rangeOf(from, u.newOid, await rangeCommits(cwd, u.newOid, [u.oldOid])));
      continue;
    }
    const listed = await revList(cwd, u.newOid, known, true);
    const commits = listed.filter((c) => !c.startsWith('-'));
    if (commits.length === 0) continue; // a new name for commits the other side has
    const boundary = listed.find((c) => c.startsWith('-'))?.slice(1);
    const from = boundary ?? (await emptyTree(cwd));
    out.ranges.push(rangeOf(from, u.newOid, await rangeCommits(cwd, u.newOid, known)));
  }
  return out;
}
