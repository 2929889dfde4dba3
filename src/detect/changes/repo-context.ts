import type { DiffTarget } from '../../git/diff.js';
import { readBlobsUpTo } from '../../git/index-files.js';
import { listFiles } from '../../git/tree.js';
import type { RepoContext } from '../types.js';
import { decodeBlob } from './read-changes.js';
import { picomatch } from '../../util/lazy-picomatch.js';

/** Context files are settings and models: a few hundred KiB at most; more is not worth reading. */
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_FILES = 2000;

type Side = 'before' | 'after';

/**
 * The repository around a diff, for extractors that need files the change did not touch (a
 * naming strategy, an app label, dbt properties). Reads, once, only the files matching the
 * extractors' declared globs, at the base and at the head (or the index), from git's object
 * store: the working tree may hold unstaged edits that are not part of the change.
 */
export async function loadRepoContext(
  top: string,
  target: DiffTarget,
  globs: readonly string[],
): Promise<RepoContext> {
  const wanted = picomatch()([...globs], { dot: true });
  const revs: Record<Side, string | undefined> =
    target.kind === 'staged'
      ? { before: target.against ?? 'HEAD', after: undefined }
      : { before: target.from, after: target.to };
  const paths = {} as Record<Side, Map<string, string>>;
  for (const side of ['before', 'after'] as const) {
    const all = await listFiles(top, revs[side]); // empty before the first commit
    paths[side] = new Map([...all].filter(([path]) => wanted(path)).slice(0, MAX_FILES));
  }
  const { blobs } = await readBlobsUpTo(
    top,
    [...paths.before.values(), ...paths.after.values()],
    MAX_FILE_BYTES,
  );
  const texts = new Map<string, string | undefined>();
  const text = (oid: string) => {
    if (!texts.has(oid)) {
      const bytes = blobs.get(oid);
      const decoded = bytes ? decodeBlob(bytes) : undefined;
      texts.set(oid, decoded && 'text' in decoded ? decoded.text : undefined);
    }
    return texts.get(oid);
  };
  const matchers = new Map<string, (path: string) => boolean>();
  return {
    read(path, side) {
      const oid = paths[side].get(path);
      return oid === undefined ? undefined : text(oid);
    },
    list(glob, side) {
      let m = matchers.get(glob);
      if (!m) {
        const matcher = picomatch()(glob, { dot: true });
        matchers.set(glob, (m = (path: string) => matcher(path)));
      }
      return [...paths[side].keys()].filter((p) => m(p)).sort();
    },
  };
}

/** A RepoContext over plain values (unit tests, the hand-written corpus). */
export function staticRepoContext(files: Partial<Record<Side, Record<string, string>>>): RepoContext {
  return {
    read: (path, side) => files[side]?.[path],
    list: (glob, side) => {
      const matcher = picomatch()(glob, { dot: true });
      return Object.keys(files[side] ?? {})
        .filter((p) => matcher(p))
        .sort();
    },
  };
}
