import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { DcrError } from '../errors.js';
import { folderBytes, runIsolatedGit, type IsolatedResult } from '../git/clone.js';
import { fingerprint, openFolderCached, unguardedFiles } from './folder-cache.js';
import { registryMessages as say } from './messages.js';
import {
  cacheKey,
  describeAge,
  lazyContracts,
  RegistryUnavailable,
  safeUrl,
  writeCacheFile,
  type CacheSettings,
  type LoadedContracts,
} from './remote-common.js';

/** What a cached clone's stamp records: when it was fetched, and its checkout as then. */
interface Stamp {
  fetched: number;
  tree: string;
}

/**
 * Contracts from a git repository, through a cached shallow clone refreshed every
 * `maxAgeMs`. A clone without commits or without the named folder is unavailable and never
 * cached; a cached checkout that changed since it was fetched (damaged, truncated) is
 * discarded and cloned again.
 */
export async function loadGit(
  loaded: LoadedConfig,
  spec: string,
  s: CacheSettings,
): Promise<LoadedContracts> {
  // `URL#folder` names the contracts folder inside the repository (default: contracts/, else the top).
  const hash = spec.indexOf('#');
  const url = hash >= 0 ? spec.slice(0, hash) : spec;
  const sub = hash >= 0 ? folderOf(spec.slice(hash + 1)) : undefined;
  const where = safeUrl(url);
  const dir = join(s.cacheDir, `git-${cacheKey(url)}`);
  const stampFile = `${dir}.fetched`;
  let stamp = usableCache(dir, stampFile);
  const warnings: string[] = [];
  if (!stamp || Date.now() - stamp.fetched >= s.maxAgeMs) {
    const fetched = Date.now();
    const problem = stamp ? await refresh(dir, url, sub, s) : await cloneInto(url, dir, sub, s);
    if (problem === undefined) stamp = { fetched, tree: treeOf(dir) };
    else if (stamp && existsSync(join(dir, '.git'))) {
      warnings.push(say.stale(where, describeAge(Date.now() - stamp.fetched)));
      stamp = { fetched: stamp.fetched, tree: treeOf(dir) };
    } else throw new RegistryUnavailable(where, problem);
    writeCacheFile(stampFile, JSON.stringify(stamp));
  }
  const folder = sub === undefined ? (existsSync(join(dir, 'contracts')) ? 'contracts' : '.') : sub || '.';
  const contracts = await openFolderCached(
    { ...loaded, root: dir, config: { ...loaded.config, contracts: folder } },
    s.cacheDir,
  );
  // Files of another repository: named in the message, never as a file of this one.
  const { files, more } = unguardedFiles(contracts);
  return lazyContracts(contracts, [
    ...warnings,
    ...files.map((f) => say.unguardedIn(where, f.file)),
    ...more,
  ]);
}

/** `#folder` as a plain relative path (`''` for the top, `#.`); `..` is refused. */
function folderOf(text: string): string | undefined {
  const parts = text.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new DcrError(say.folderOutside(text), { hint: say.folderHint });
  return parts.join('/');
}

/** The checkout's fingerprint (files outside `.git`: what dcr reads). */
const treeOf = (dir: string) => fingerprint(dir, 'clone', ['.git']);

/** The stamp of a cached clone whose checkout is as fetched; anything else is discarded. */
function usableCache(dir: string, stampFile: string): Stamp | undefined {
  if (!existsSync(dir) && !existsSync(stampFile)) return undefined;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as Partial<Stamp>;
    if (
      typeof stamp.fetched === 'number' &&
      typeof stamp.tree === 'string' &&
      statSync(join(dir, '.git')).isDirectory() &&
      treeOf(dir) === stamp.tree
    )
      return { fetched: stamp.fetched, tree: stamp.tree };
  } catch {
    // no stamp, a truncated one, or no clone: start again
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(stampFile, { force: true });
  return undefined;
}

/** Settings of every network call: the deadline, and no https→http redirect for an https URL. */
const network = (url: string, s: CacheSettings, watchDir: string) => ({
  timeoutMs: s.timeoutMs,
  watch: { dir: watchDir, maxBytes: s.maxBytes },
  config: /^https:/i.test(url) ? ['protocol.http.allow=never'] : [],
});

const firstLine = (text: string) => (text.trim().split('\n').pop() ?? '').replace(/\/\/[^/@\s]+@/g, '//');

/** The sentence for a git call that failed, or undefined when it worked. */
function problemOf(r: IsolatedResult, s: CacheSettings): string | undefined {
  if (r.stopped === 'deadline') return say.noAnswer(s.timeoutMs);
  if (r.stopped === 'size') return say.tooBig(s.maxBytes);
  return r.code === 0 ? undefined : firstLine(r.stderr);
}

/** Clones into a temporary folder, checks what came, and only then puts it in place. */
async function cloneInto(
  url: string,
  dir: string,
  sub: string | undefined,
  s: CacheSettings,
): Promise<string | undefined> {
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const problem = await (async () => {
    const clone = await runIsolatedGit(
      ['clone', '-q', '--depth', '1', '--no-tags', '--', url, tmp],
      dirname(dir),
      network(url, s, tmp),
    );
    const failed = problemOf(clone, s);
    if (failed !== undefined) return failed;
    // A server answering a login page to everything "clones" as an empty repository.
    const head = await runIsolatedGit(['rev-parse', '-q', '--verify', 'HEAD^{commit}'], tmp, {
      timeoutMs: s.timeoutMs,
    });
    if (head.code !== 0) return say.noCommits;
    if (sub && !isFolder(join(tmp, sub))) return say.noFolder(sub);
    if (folderBytes(tmp) > s.maxBytes) return say.tooBig(s.maxBytes);
    return undefined;
  })();
  if (problem !== undefined) {
    rmSync(tmp, { recursive: true, force: true });
    return problem;
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return undefined;
}

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** Fetches the remote's HEAD into a cached clone and checks it out, once it has the folder. */
async function refresh(
  dir: string,
  url: string,
  sub: string | undefined,
  s: CacheSettings,
): Promise<string | undefined> {
  const fetched = await runIsolatedGit(
    ['fetch', '-q', '--depth', '1', '--no-tags', 'origin', 'HEAD'],
    dir,
    network(url, s, dir),
  );
  const failed = problemOf(fetched, s);
  if (failed !== undefined) {
    // A cache git cannot read any more is replaced, not served.
    const ok = await runIsolatedGit(['rev-parse', '-q', '--verify', 'HEAD^{tree}'], dir, {
      timeoutMs: s.timeoutMs,
    });
    if (ok.code !== 0) {
      rmSync(dir, { recursive: true, force: true });
      return cloneInto(url, dir, sub, s);
    }
    return failed;
  }
  if (sub) {
    const has = await runIsolatedGit(['cat-file', '-e', `FETCH_HEAD:${sub}`], dir, {
      timeoutMs: s.timeoutMs,
    });
    if (has.code !== 0) return say.noFolder(sub);
  }
  const reset = await runIsolatedGit(['reset', '-q', '--hard', 'FETCH_HEAD'], dir, {
    timeoutMs: s.timeoutMs,
  });
  return reset.code === 0 ? undefined : firstLine(reset.stderr);
}
