import { diffEntries, diffHunks, type DiffEntry, type DiffTarget } from '../../git/diff.js';
import { readBlobsUpTo } from '../../git/index-files.js';
import { isZeroOid } from '../../git/refs.js';
import { extractorLookup, mayClaim, preloadExtractors } from '../extractors/lazy.js';
import { notices } from '../messages.js';
import type { ChangedFile, Extractor, FileChange } from '../types.js';
import { mayBeSchemaCode, unreadSchemaFile, type UnreadFile } from './unread.js';
import { trace } from '../../util/trace.js';

/** A changed file that an extractor understands, ready to extract. */
export interface ExtractableChange {
  change: FileChange;
  extractor: Extractor;
}

export interface Notice {
  file: string;
  line: number;
  message: string;
  /**
   * Shown by `--quiet` too, as a notice without a file is (a pre-commit hook says it); the
   * commit-msg hook, which repeats only notices without a file, does not.
   */
  loud?: boolean;
}

export interface ChangeSet {
  changes: ExtractableChange[];
  notices: Notice[];
  /** Files that look like schema code that no extractor reads (never passed over in silence). */
  unread: UnreadFile[];
  /** Every changed file of the diff (paths and statuses), read or not. */
  files: ChangedFile[];
}

export interface ReadOptions {
  /** Paths to ignore (generated code, dependencies, fixtures). */
  excluded: (path: string) => boolean;
  /** Files larger than this are skipped with a notice (a migration is rarely over a few hundred KiB). */
  maxBytes?: number;
  /** The extractor lookup (default: the registered extractors, loaded as the paths need them). */
  extractorFor?: (path: string, text: string) => Extractor | undefined;
  /**
   * Called once as soon as some changed file is known to need an extractor: before any file is
   * read for a `.sql` path an extractor may claim, else when an extractor claims a file.
   */
  onClaimable?: () => void;
}

const STATUS: Record<string, FileChange['status']> = {
  A: 'added',
  M: 'modified',
  T: 'modified',
  D: 'deleted',
  R: 'renamed',
};
const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const isRegular = (mode: string) => mode === '100644' || mode === '100755';

type Decoded = { text: string } | { skip: 'binary' | 'encoding' | 'size' };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text of a blob, or why it is not text we can read. */
export function decodeBlob(bytes: Buffer): Decoded {
  if (bytes.subarray(0, 8000).includes(0)) return { skip: 'binary' };
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { skip: 'encoding' };
  }
}

/**
 * The changed files of a diff as FileChanges, with the lines git's `-U0` hunks touch. A file
 * is read only when an extractor may claim its path or it may hold schema code no extractor
 * reads (so documentation costs one line of `git diff --raw`, and no extractor module loads);
 * sizes come first, so a huge file is skipped unread. Binary, non-UTF-8 and huge files are
 * skipped with a notice. `cwd` must be the repository's top folder (paths are relative to it).
 */
export async function readChanges(cwd: string, target: DiffTarget, options: ReadOptions): Promise<ChangeSet> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const out: ChangeSet = { changes: [], notices: [], unread: [], files: [] };
  const injected = options.extractorFor;
  const claimable = (path: string | undefined) =>
    path !== undefined && (injected !== undefined || mayClaim(path));
  const all = await diffEntries(cwd, target);
  for (const e of all)
    if (Object.hasOwn(STATUS, e.status))
      out.files.push({
        path: e.path,
        status: STATUS[e.status]!,
        ...(e.oldPath === undefined ? {} : { oldPath: e.oldPath }),
      });
  const entries = all.filter((e) => {
    if (!Object.hasOwn(STATUS, e.status)) return false; // unmerged, unknown
    if (options.excluded(e.path) && (e.oldPath === undefined || options.excluded(e.oldPath))) return false;
    // Symbolic links and submodules hold no SQL; a missing side has mode 000000.
    if (!(isRegular(e.oldMode) || isZeroOid(e.oldOid)) || !(isRegular(e.newMode) || isZeroOid(e.newOid)))
      return false;
    return claimable(e.path) || claimable(e.oldPath) || mayBeSchemaCode(e.path);
  });
  trace(`read: ${entries.length} changed files to read`);
  if (entries.length === 0) return out;
  let told = false;
  const claimed = () => {
    if (!told) options.onClaimable?.();
    told = true;
  };
  if (entries.some((e) => /\.sql$/i.test(e.path) && claimable(e.path))) claimed();
  const oids = entries.flatMap((e) => [e.oldOid, e.newOid]).filter((oid) => !isZeroOid(oid));
  const pathsOf = (e: DiffEntry) => (e.oldPath === undefined ? [e.path] : [e.path, e.oldPath]);
  // Extractors that any file of such a path may need load while git reads; those that need a
  // sign in the text (an ORM's, for application code) only once the texts show it.
  if (!injected) preloadExtractors(entries.flatMap(pathsOf));
  const { blobs, oversized } = await readBlobsUpTo(cwd, oids, maxBytes);
  trace(`read: ${blobs.size} blobs read`);

  const decoded = entries.map((entry) => {
    const sides: (string | undefined)[] = [];
    let skipped: 'binary' | 'encoding' | 'size' | undefined;
    for (const oid of [entry.oldOid, entry.newOid]) {
      if (oversized.has(oid)) skipped ??= 'size';
      const bytes = isZeroOid(oid) ? undefined : blobs.get(oid);
      if (!bytes) {
        sides.push(undefined);
        continue;
      }
      const text = decodeBlob(bytes);
      if ('skip' in text) skipped ??= text.skip;
      sides.push('text' in text ? text.text : undefined);
    }
    return { entry, sides, skipped };
  });
  const extractorFor =
    injected ??
    (await extractorLookup(
      decoded.flatMap(({ entry, sides }) => pathsOf(entry).map((path) => ({ path, texts: sides }))),
    ));

  const pending: { entry: DiffEntry; extractor: Extractor; before?: string; after?: string }[] = [];
  for (const { entry, sides, skipped } of decoded) {
    const [before, after] = sides;
    if (skipped) {
      // A file too large to read is always worth saying (it was read for a reason: its path);
      // binary or non-UTF-8 only for a file we would otherwise have read (a .sql file, a migration).
      if (
        skipped === 'size' ||
        (extractorFor(entry.path, '') ?? (entry.oldPath ? extractorFor(entry.oldPath, '') : undefined))
      ) {
        out.notices.push({ file: entry.path, line: 1, message: notices.skipped(skipped, maxBytes) });
      }
      continue;
    }
    const extractor =
      extractorFor(entry.path, after ?? before ?? '') ??
      (entry.oldPath ? extractorFor(entry.oldPath, before ?? '') : undefined);
    if (!extractor) {
      const unread = unreadSchemaFile(entry.path, before, after);
      if (unread) {
        out.unread.push(unread);
        out.notices.push({ file: entry.path, line: unread.lines[0]?.line ?? 1, message: notices.unread() });
      }
      continue;
    }
    claimed();
    pending.push({
      entry,
      extractor,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    });
  }
  if (pending.length === 0) return out;

  // Pure renames need no hunks, and a file added or deleted whole changes every line of its
  // one side (git's own answer, without a second diff: new migrations are the common case);
  // everything else gets its changed lines from git.
  const toDiff = pending.filter(
    (p) => p.entry.oldOid !== p.entry.newOid && !isZeroOid(p.entry.oldOid) && !isZeroOid(p.entry.newOid),
  );
  const paths = toDiff.flatMap((p) => (p.entry.oldPath ? [p.entry.oldPath, p.entry.path] : [p.entry.path]));
  const hunks = await diffHunks(cwd, target, [...new Set(paths)]);
  trace('read: hunks read');
  for (const { entry, extractor, before, after } of pending) {
    const h = entry.oldOid === entry.newOid ? undefined : hunks.get(entry.path);
    const change: FileChange = {
      path: entry.path,
      status: STATUS[entry.status]!,
      addedLines: isZeroOid(entry.oldOid) ? everyLine(after) : (h?.added ?? new Set()),
      removedLines: isZeroOid(entry.newOid) ? everyLine(before) : (h?.removed ?? new Set()),
    };
    if (entry.oldPath !== undefined) change.oldPath = entry.oldPath;
    if (before !== undefined) change.before = before;
    if (after !== undefined) change.after = after;
    out.changes.push({ change, extractor });
  }
  return out;
}

/** Lines 1..n of a text as git numbers them (a last line without a newline still counts). */
export function everyLine(text: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (!text) return lines;
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) n++;
  for (let i = 1; i <= n; i++) lines.add(i);
  return lines;
}
