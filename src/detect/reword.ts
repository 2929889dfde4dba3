import { verifyCommit, type CommitInfo } from '../git/refs.js';
import type { Finding, RewordPlan } from './types.js';

/**
 * The commits to reword so that their blocking changes are acknowledged (the commit that made
 * each change gets the trailer), oldest first, and how: `git commit --amend` when the only one
 * is HEAD, else `git rebase -i` from the parent of the oldest. `local` is false on a server,
 * where HEAD means nothing to the author.
 */
export async function rewordPlan(
  top: string,
  commits: readonly CommitInfo[],
  findings: readonly Finding[],
  local: boolean,
): Promise<RewordPlan | undefined> {
  const wanted = new Map<string, Set<string>>();
  for (const f of findings)
    if (f.commit && !f.acknowledged && f.policy === 'block')
      wanted.set(f.commit, (wanted.get(f.commit) ?? new Set()).add(f.contract));
  // Commits come parents first, so the first listed is the oldest.
  const listed = commits.filter((c) => wanted.has(c.id));
  const oldest = listed[0];
  if (!oldest) return undefined;
  const head = local ? await verifyCommit(top, 'HEAD') : undefined;
  const from = commits.findIndex((c) => c.id === oldest.id);
  return {
    commits: listed.map((c) => ({
      commit: c.id,
      subject: c.message.split('\n', 1)[0]!.trim(),
      contracts: [...wanted.get(c.id)!].sort(),
    })),
    amend: listed.length === 1 && oldest.id === head,
    rebaseFrom: oldest.parents[0] ?? null,
    merges: commits.slice(from).some((c) => c.parents.length > 1),
  };
}
