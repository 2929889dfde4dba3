import { runGit } from './run.js';

/** One file pair of a tree or index diff, as `git diff --raw -z` reports it. */
export interface DiffEntry {
  /** A added, M modified, D deleted, R renamed, T type changed (C, U and X are left to the caller). */
  status: string;
  /** Path after the change (before it, for deletions). */
  path: string;
  /** Path before a rename. */
  oldPath?: string;
  oldMode: string;
  newMode: string;
  /** Blob ids; all zeros on the side that does not exist. */
  oldOid: string;
  newOid: string;
}

/** Lines a diff touches, 1-based, from its `-U0` hunk headers. */
export interface Hunks {
  added: Set<number>;
  removed: Set<number>;
  binary: boolean;
}

/**
 * What to compare: the index against HEAD (or the empty tree before the first commit), or
 * against `against` (one parent of a merge being committed), or two trees.
 */
export type DiffTarget = { kind: 'staged'; against?: string } | { kind: 'trees'; from: string; to: string };

/**
 * Flags that make the output independent of the user's configuration, each for a reason:
 * `-z` exact file names (spaces, newlines, non-ASCII); `--no-abbrev` full blob ids to read;
 * `-M` rename detection whatever `diff.renames` says; `--no-ext-diff`/`--no-textconv` no
 * external drivers; `--no-color`; fixed prefixes whatever `diff.noprefix`/`mnemonicPrefix` say.
 */
const DIFF_ARGS = [
  '-z',
  '--no-abbrev',
  '-M',
  '--no-ext-diff',
  '--no-textconv',
  '--no-color',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

const targetArgs = (target: DiffTarget): string[] =>
  // Before the first commit, `diff --cached` compares the index with the empty tree by itself.
  target.kind === 'staged'
    ? ['--cached', ...(target.against ? ['--end-of-options', target.against] : [])]
    : [target.from, target.to];

/** The changed files (no contents), in one `git diff --raw` call. */
export async function diffEntries(cwd: string, target: DiffTarget): Promise<DiffEntry[]> {
  const r = await runGit(['diff', '--raw', ...DIFF_ARGS, ...targetArgs(target), '--'], { cwd });
  return parseRaw(r.stdout).entries;
}

/**
 * The changed lines of the given files, from `git diff -U0` hunks, keyed by path. `paths`
 * must include both sides of renames so git can still pair them; they are literal, not globs.
 */
export async function diffHunks(
  cwd: string,
  target: DiffTarget,
  paths: readonly string[],
): Promise<Map<string, Hunks>> {
  const result = new Map<string, Hunks>();
  if (paths.length === 0) return result;
  const r = await runGit(
    [
      '--literal-pathspecs',
      'diff',
      '--raw',
      '-p',
      '-U0',
      ...DIFF_ARGS,
      ...targetArgs(target),
      '--',
      ...paths,
    ],
    {
      cwd,
    },
  );
  // Raw records come first (NUL-terminated), then one patch block per record, in the same order.
  const out = r.stdout;
  const { entries, end } = parseRaw(out);
  const blocks = splitPatch(out.subarray(end).toString('latin1'));
  entries.forEach((entry, i) => result.set(entry.path, parseHunks(blocks[i] ?? '')));
  return result;
}

/** Parses `:old new oldOid newOid S\0path\0[path\0]` records; returns where the patch part starts. */
export function parseRaw(out: Buffer): { entries: DiffEntry[]; end: number } {
  const entries: DiffEntry[] = [];
  let pos = 0;
  const next = () => {
    const nul = out.indexOf(0, pos);
    const token = out.subarray(pos, nul < 0 ? out.length : nul).toString('utf8');
    pos = nul < 0 ? out.length : nul + 1;
    return token;
  };
  while (pos < out.length && out[pos] === 0x3a /* : */) {
    const [oldMode = '', newMode = '', oldOid = '', newOid = '', score = ''] = next().slice(1).split(' ');
    const status = score.charAt(0);
    const first = next();
    if (status === 'R' || status === 'C') {
      entries.push({ status, oldPath: first, path: next(), oldMode, newMode, oldOid, newOid });
    } else {
      entries.push({ status, path: first, oldMode, newMode, oldOid, newOid });
    }
  }
  if (out[pos] === 0) pos += 1; // the separator before the patch
  return { entries, end: pos };
}

/** Splits patch text into one block per `diff --git` header (hunk lines never start with "d"). */
export function splitPatch(text: string): string[] {
  if (text === '') return [];
  return text.split(/^(?=diff --git )/m).filter((b) => b.startsWith('diff --git '));
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm;

/** Added and removed line numbers from one file's `-U0` patch block. */
export function parseHunks(block: string): Hunks {
  const hunks: Hunks = { added: new Set(), removed: new Set(), binary: false };
  if (/^(Binary files |GIT binary patch)/m.test(block)) hunks.binary = true;
  for (const m of block.matchAll(HUNK)) {
    const oldStart = Number(m[1]);
    const oldCount = m[2] === undefined ? 1 : Number(m[2]);
    const newStart = Number(m[3]);
    const newCount = m[4] === undefined ? 1 : Number(m[4]);
    for (let i = 0; i < oldCount; i++) hunks.removed.add(oldStart + i);
    for (let i = 0; i < newCount; i++) hunks.added.add(newStart + i);
  }
  return hunks;
}
