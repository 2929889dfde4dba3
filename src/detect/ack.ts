import type { CommitInfo } from '../git/refs.js';

/** The commit trailer that records that the author has talked to a contract's owners. */
export const ACK_TRAILER = 'Data-Contract-Ack';

const SCISSORS = /^# -+ >8 -+$/m;
const LINE = /^data-contract-ack[ \t]*:[ \t]*(.+)$/gim;

/**
 * Job ids named by `Data-Contract-Ack: <jobid>[, <jobid>...]` lines of one message, as written.
 * Comment lines and everything below git's scissors line are left out, as git strips them from
 * a message being written (commit-msg hook). A trailer must start its line: the indented copies
 * that `git merge --squash` quotes from the squashed commits are not this commit's word.
 */
export function ackedIds(message: string): string[] {
  const cut = message.search(SCISSORS);
  const text = (cut >= 0 ? message.slice(0, cut) : message)
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'))
    .join('\n');
  const ids: string[] = [];
  for (const m of text.matchAll(LINE)) for (const id of m[1]!.split(/[,\s]+/)) if (id !== '') ids.push(id);
  return ids;
}

/** Job ids acknowledged by the trailers of any of these messages, lower-cased. */
export function acknowledgedJobIds(messages: readonly string[]): Set<string> {
  return new Set(messages.flatMap((m) => ackedIds(m).map((id) => id.toLowerCase())));
}

/**
 * Who acknowledges what in a set of commits: a change made by commit C to contract J is
 * acknowledged by C itself, or else by a descendant of C among the commits (a later commit of
 * the same push or pull request), never by an ancestor. Returns, per commit, the acknowledging
 * commit of each job id (lower-cased): C's own trailer first, else the nearest descendant's.
 */
export function ackLedger(commits: readonly CommitInfo[]): Map<string, Map<string, string>> {
  const byId = new Map(commits.map((c) => [c.id, c]));
  const children = new Map<string, string[]>();
  for (const c of commits)
    for (const p of c.parents) if (byId.has(p)) children.set(p, [...(children.get(p) ?? []), c.id]);
  const ledger = new Map<string, Map<string, string>>();
  // Children before parents, so a commit's map can start from its children's maps.
  for (const id of childrenFirst(commits, children)) {
    const own = new Map<string, string>();
    for (const child of children.get(id) ?? [])
      for (const [job, by] of ledger.get(child)!) if (!own.has(job)) own.set(job, by);
    for (const job of ackedIds(byId.get(id)!.message)) own.set(job.toLowerCase(), id);
    ledger.set(id, own);
  }
  return ledger;
}

/** The commits ordered so that every commit comes after all of its descendants. */
function childrenFirst(commits: readonly CommitInfo[], children: Map<string, string[]>): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  for (const root of commits) {
    if (seen.has(root.id)) continue;
    // Iterative: a push may hold thousands of commits, deeper than the call stack.
    const stack: [string, number][] = [[root.id, 0]];
    seen.add(root.id);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const kids = children.get(top[0]) ?? [];
      if (top[1] < kids.length) {
        const next = kids[top[1]++]!;
        if (!seen.has(next)) {
          seen.add(next);
          stack.push([next, 0]);
        }
      } else {
        order.push(top[0]);
        stack.pop();
      }
    }
  }
  // A post-order over child links emits every commit after all of its descendants.
  return order;
}
