import { diffEntries, type DiffTarget } from '../../git/diff.js';
import { emptyTree, pendingMergeHeads, verifyCommit } from '../../git/refs.js';
import { detectTableChanges, type DetectOptions, type Located } from '../detect-changes.js';
import { notices as noticeText } from '../messages.js';
import type { Notice } from './read-changes.js';
import type { ResolvedRange } from './range.js';
import type { UnreadFile } from './unread.js';

/** A table change, with the commit that made it (absent for staged changes and whole-range fallbacks). */
export type Placed = Located & {
  commit?: string;
  /** The commit whose acknowledgements (its own and its descendants') count for this change. */
  ackFrom?: string;
};
export type PlacedUnread = UnreadFile & { commit?: string; ackFrom?: string };

export interface Detected {
  changes: Placed[];
  notices: Notice[];
  unread: PlacedUnread[];
}

/**
 * Past this many new commits in one range (a first push of a whole history), the range is
 * judged as one diff, with every commit's acknowledgements, so that a hook stays fast.
 */
export const MAX_COMMITS = 200;

/**
 * The changes of each commit of the ranges, every commit judged on its own against its
 * parent(s) and once only (a commit in two pushed refs is judged once). A range whose whole
 * diff changes no table costs that one diff: nothing in it can come from its commits.
 */
export async function detectByCommit(
  top: string,
  ranges: readonly ResolvedRange[],
  options: DetectOptions,
): Promise<Detected> {
  const out: Detected = { changes: [], notices: [], unread: [] };
  const seen = new Set<string>();
  for (const range of ranges) {
    const commits = range.commits.filter((c) => !seen.has(c.id));
    for (const c of commits) seen.add(c.id);
    if (commits.length === 0) continue;
    const only = commits.length === 1 ? commits[0]! : undefined;
    if (
      only &&
      only.parents.length <= 1 &&
      (only.parents[0] ?? (await emptyTree(top))) === range.target.from
    ) {
      add(out, await detectTableChanges(top, range.target, options), only.id, only.id);
      continue;
    }
    const whole = await detectTableChanges(top, range.target, options);
    if (whole.changes.length === 0 && whole.unread.length === 0) {
      out.notices.push(...whole.notices);
      continue;
    }
    if (commits.length > MAX_COMMITS) {
      // Acknowledgements of any of the range's commits count: all descend from its first.
      add(out, whole, undefined, commits[0]!.id);
      out.notices.push({
        file: '',
        line: 0,
        message: noticeText.tooManyCommits(commits.length, MAX_COMMITS),
      });
      continue;
    }
    const each: Detected = { changes: [], notices: [], unread: [] };
    for (const c of commits) {
      const targets: DiffTarget[] =
        c.parents.length === 0
          ? [{ kind: 'trees', from: await emptyTree(top), to: c.id }]
          : c.parents.map((p) => ({ kind: 'trees', from: p, to: c.id }));
      add(each, await detectIntroduced(top, targets, options), c.id, c.id);
    }
    add(out, survivors(each, whole), undefined, undefined);
  }
  return out;
}

/**
 * The commits' changes that the range still makes at its tip: a change that a later commit of
 * the range undoes (a migration added, then deleted) or rewrites (the later version is kept)
 * is no change of the range. Changes are compared without their file and line, which later
 * commits may move; what the whole diff shows that no commit of the range made comes from
 * history the other side already has (a branch merged in), judged with its own commits.
 */
function survivors(each: Detected, whole: Detected): Detected {
  const strict = new Set(each.changes.map(survivorKey));
  const wholeKeys = new Set(whole.changes.map(survivorKey));
  const kept = new Set(each.changes.filter((c) => wholeKeys.has(survivorKey(c))));
  // A change of the whole diff with other evidence than any commit's (a statement edited by one
  // commit, then removed by the next) is never dropped: the newest commit that made a change of
  // the same kind to the same table and column answers for it.
  for (const w of whole.changes) {
    if (strict.has(survivorKey(w))) continue;
    const newest = each.changes.findLast((c) => !kept.has(c) && looseKey(c) === looseKey(w));
    if (newest) kept.add(newest);
  }
  const lines = new Set(whole.unread.flatMap((u) => u.lines.map((l) => l.text.trim())));
  return {
    changes: each.changes.filter((c) => kept.has(c)),
    notices: each.notices,
    unread: each.unread.flatMap((u) => {
      const still = u.lines.filter((l) => lines.has(l.text.trim()));
      return still.length > 0 ? [{ ...u, lines: still }] : [];
    }),
  };
}

const looseKey = (c: Located) => [c.table, c.kind, c.detail, c.column, c.renamedTo].join('\0');
const survivorKey = (c: Located) => `${looseKey(c)}\0${c.evidence.replace(/\s+/g, ' ').trim()}`;

/**
 * The staged changes: the index against HEAD, or, while a merge is being committed
 * (MERGE_HEAD), what the merge itself introduces beyond HEAD and every merged head.
 */
export async function detectStaged(top: string, gitDir: string, options: DetectOptions): Promise<Detected> {
  const heads = await pendingMergeHeads(gitDir);
  const head = heads.length > 0 ? await verifyCommit(top, 'HEAD') : undefined;
  const targets: DiffTarget[] = head
    ? [head, ...heads].map((against) => ({ kind: 'staged', against }))
    : [{ kind: 'staged' }];
  const out: Detected = { changes: [], notices: [], unread: [] };
  add(out, await detectIntroduced(top, targets, options), undefined, undefined);
  return out;
}

function add(out: Detected, found: Detected, commit: string | undefined, ackFrom: string | undefined) {
  const tag = { ...(commit ? { commit } : {}), ...(ackFrom ? { ackFrom } : {}) };
  out.changes.push(...found.changes.map((c) => ({ ...c, ...tag })));
  out.unread.push(...found.unread.map((u) => ({ ...u, ...tag })));
  out.notices.push(...found.notices);
}

/**
 * What a commit introduces beyond all of its parents: one parent, its diff. A merge (two or
 * more parents, octopus included) introduces only what differs from every parent, the rule of
 * `git diff --cc`: a file or a line taken as it was from one parent is that parent's history,
 * judged with its own commits. So, only files changed against every parent are read, each
 * parent's diff is run on them, and a change is kept when every parent's diff finds it: on
 * the same line of the merge result (a conflict resolution, an evil merge), or, for what the
 * merge removed, with the same evidence.
 */
export async function detectIntroduced(
  top: string,
  targets: readonly DiffTarget[],
  options: DetectOptions,
): Promise<Detected> {
  if (targets.length === 1) return detectTableChanges(top, targets[0]!, options);
  let touched: Set<string> | undefined;
  for (const target of targets) {
    const paths = new Set(
      (await diffEntries(top, target)).flatMap((e) => (e.oldPath ? [e.path, e.oldPath] : [e.path])),
    );
    touched = touched ? new Set([...touched].filter((p) => paths.has(p))) : paths;
  }
  if (!touched || touched.size === 0) return { changes: [], notices: [], unread: [] };
  const only = touched;
  const restricted: DetectOptions = { ...options, excluded: (p) => !only.has(p) || options.excluded(p) };
  const each = [];
  for (const target of targets) each.push(await detectTableChanges(top, target, restricted));
  const [first, ...rest] = each;
  const inAll = <T>(items: T[], key: (t: T) => string, others: T[][]) =>
    items.filter((item) => others.every((list) => list.some((o) => key(o) === key(item))));
  const unreadKeys = (u: UnreadFile) => u.lines.map((l) => `${u.file}\0${l.line}\0${l.text}`);
  const unread = first!.unread.flatMap((u) => {
    const lines = u.lines.filter((l) =>
      rest.every((r) => r.unread.some((o) => unreadKeys(o).includes(`${u.file}\0${l.line}\0${l.text}`))),
    );
    return lines.length > 0 ? [{ ...u, lines }] : [];
  });
  const notices = new Map(
    each.flatMap((r) => r.notices).map((n) => [`${n.file}\0${n.line}\0${n.message}`, n]),
  );
  return {
    changes: inAll(
      first!.changes,
      changeKey,
      rest.map((r) => r.changes),
    ),
    notices: [...notices.values()],
    unread,
  };
}

/**
 * The same change seen from two parents: lines of the merge result are the same whichever
 * parent it is compared with, so an after-side change is known by its line; a removed line has
 * a different number in each parent, so a before-side change is known by its evidence.
 */
function changeKey(c: Located): string {
  const what = [c.file, c.table, c.kind, c.detail, c.column, c.renamedTo].join('\0');
  return c.side === 'before' ? `${what}\0before\0${c.evidence}` : `${what}\0${c.line}`;
}
