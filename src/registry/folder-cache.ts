import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { DcrError } from '../errors.js';
import { registryMessages as say } from './messages.js';
import { runGit } from '../git/run.js';
import { join, relative, resolve, sep } from 'node:path';
import { findContractFiles, posix } from './find-files.js';
import type { LoadedConfig } from '../config/config.js';
import { tableColumnsFromJson } from '../contract/table-details.js';
import { parseTableName, partKey } from '../contract/table-name.js';
import type { Contract } from '../contract/types.js';
import { VERSION } from '../version.js';
import { trace } from '../util/trace.js';
import { cacheKey, writeCacheFile, type FileWarning } from './remote-common.js';
import { Registry } from './registry.js';

/** What the change guard needs of a contract, kept in the folder cache. */
type Slim = Pick<
  Contract,
  | 'jobId'
  | 'file'
  | 'status'
  | 'tables'
  | 'owners'
  | 'sourceRepo'
  | 'policy'
  | 'ingestionType'
  | 'tableColumns'
> & {
  keys: string[];
};

const bareKeys = (c: Contract) =>
  c.tables.flatMap((t) => {
    const parsed = parseTableName(t);
    return 'error' in parsed ? [] : [partKey(parsed.table)];
  });

/**
 * The state of a contracts folder: one key for the whole (it changes with every edit dcr
 * would read), and for each file below the folder (a path relative to it, with forward
 * slashes) what says its bytes are unchanged, where that can be said cheaply: the blob id of a
 * clean tracked file, or its size, inode and nanosecond times. Links, conflicted files and
 * submodules have none (they are read again each time the folder changes).
 */
export interface FolderState {
  key: string;
  files: Map<string, string>;
}

const statLine = (st: { size: bigint; ino: bigint; mtimeNs: bigint; ctimeNs: bigint }) =>
  `${st.size}\0${st.ino}\0${st.mtimeNs}\0${st.ctimeNs}`;

/**
 * Every file below `dir` with its size, inode and nanosecond times (a superset of the
 * contracts), except the folders named in `skip` (`.git` of a cached clone).
 */
export function fingerprint(dir: string, seed: string, skip: readonly string[] = []): string {
  return folderState(dir, seed, skip).key;
}

function folderState(dir: string, seed: string, skip: readonly string[] = []): FolderState {
  const hash = createHash('sha256').update(seed);
  const files = new Map<string, string>();
  const skipped = (path: string) =>
    skip.some((s) => path === join(dir, s) || path.startsWith(join(dir, s) + sep));
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile() && !skipped(e.parentPath))
    .map((e) => `${e.parentPath}${sep}${e.name}`)
    .sort();
  for (const f of paths) {
    const line = statLine(statSync(f, { bigint: true }));
    hash.update(`${f}\0${line}\n`);
    files.set(posix(relative(dir, f)), line);
  }
  return { key: hash.digest('hex'), files };
}

/**
 * The same fingerprint's meaning, from git when the folder is in a work tree: the index's blob
 * id of every tracked file, plus the size, inode and times of the files git sees modified,
 * deleted or untracked (ignored ones included: dcr reads them too). git compares racily clean
 * files by content, and does in C what costs a hook about 100 ms of JavaScript at 5,000 files.
 * Undefined when git cannot answer (not a work tree, a bare repository, no git).
 */
export async function gitFingerprint(dir: string, seed: string): Promise<string | undefined> {
  return (await gitFolderState(dir, seed))?.key;
}

async function gitFolderState(dir: string, seed: string): Promise<FolderState | undefined> {
  const env: NodeJS.ProcessEnv = {};
  // A hook's GIT_DIR, GIT_INDEX_FILE and the like name the caller's repository, not this folder's.
  for (const [k, v] of Object.entries(process.env)) if (!REPO_VARIABLES.test(k)) env[k] = v;
  let out: Buffer;
  try {
    out = (await runGit(['ls-files', '-z', '-s', '-m', '-o', '--', '.'], { cwd: dir, env })).stdout;
  } catch {
    return undefined;
  }
  const hash = createHash('sha256').update(seed).update('\0git\0').update(out);
  const files = new Map<string, string>();
  const text = out.toString('utf8');
  let previous = '';
  for (let start = 0, end = text.indexOf('\0'); end >= 0; start = end + 1, end = text.indexOf('\0', start)) {
    // Untracked files come first, bare paths; then each index entry (`mode oid stage<TAB>path`),
    // followed at once by the same line again when the file is modified or deleted.
    const record = text.slice(start, end);
    const staged = STAGED.exec(record);
    if (staged && record !== previous) {
      previous = record;
      const path = record.slice(staged[0].length);
      // A clean regular file's bytes are its blob's; a second line for the path undoes this.
      if (staged[2] === '0' && (staged[1] === '100644' || staged[1] === '100755')) files.set(path, record);
      else files.delete(path);
      continue;
    }
    const path = staged ? record.slice(staged[0].length) : record;
    files.delete(path);
    try {
      const st = statSync(join(dir, path), { bigint: true });
      hash.update(`${path}\0${statLine(st)}\n`);
      const conflicted = staged !== null && staged[2] !== '0';
      if (!conflicted && !lstatSync(join(dir, path)).isSymbolicLink()) files.set(path, statLine(st));
    } catch {
      hash.update(`${path}\0missing\n`);
    }
  }
  return { key: hash.digest('hex'), files };
}

const STAGED = /^(\d{6}) [0-9a-f]{40,64} (\d)\t/;
const REPO_VARIABLES =
  /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|COMMON_DIR|NAMESPACE|QUARANTINE_PATH|PREFIX|CEILING_DIRECTORIES|DISCOVERY_ACROSS_FILESYSTEM)$/;

/** The contracts of a folder as the change guard reads them: every table key, then only the contracts it needs. */
export interface FolderContracts {
  /** The bare table key (case-folded unless quoted) of every table of every contract. */
  tableKeys: ReadonlySet<string>;
  /** The contracts naming one of `tables` (bare keys) or with one of `jobIds` (lower-cased); all without `tables`. */
  select(tables?: ReadonlySet<string>, jobIds?: ReadonlySet<string>): Registry;
  /**
   * Contract files that gave no contract (invalid, unreadable), relative to the config root:
   * their tables are not guarded. At most UNREAD_NAMED of them, and how many in all.
   */
  unread: { files: readonly string[]; count: number };
}

/**
 * The warnings that some contract files give no contract, one on each file the cache names (a
 * report names it once: a commit's second hook, which says only its verdict, stays quiet; CI
 * annotates it), and past them one that says how many more.
 */
export function unguardedFiles({ unread }: FolderContracts): { files: FileWarning[]; more: string[] } {
  const more = unread.count - unread.files.length;
  return {
    files: unread.files.map((file) => ({ file, line: 1, message: say.unguardedFile, loud: true })),
    more: more > 0 ? [say.unguardedMore(more)] : [],
  };
}

/** How many unguarded contract files the cache's header names (the header is read by every hook). */
const UNREAD_NAMED = 20;

/**
 * A contracts folder for the change guard, through a cache of the validated contracts keyed
 * by the folder's fingerprint (git's index and stat data, or every file's path, size, inode
 * and nanosecond times: git's own racy-clean test), the settings and dcr's version: a hook
 * re-reads 5,000 YAML files only after one changed. The cache holds a line per contract, its
 * table keys before its JSON, so a hook parses only the contracts it selects.
 */
export async function openFolderCached(loaded: LoadedConfig, cacheDir: string): Promise<FolderContracts> {
  const dir = resolve(loaded.root, loaded.config.contracts);
  // The rules' settings are not in it: rules never decide whether a file gives a contract.
  const { include, ignore, maxFileBytes } = loaded.config;
  const seed = JSON.stringify({ VERSION, dir, include, ignore, maxFileBytes });
  let state: FolderState;
  try {
    state = (await gitFolderState(dir, seed)) ?? folderState(dir, seed);
  } catch {
    const full = (await loadRegistry(loaded)).registry; // says precisely what is wrong with the folder
    return { tableKeys: new Set(full.tableNames()), select: () => full, unread: { files: [], count: 0 } };
  }
  trace('registry: folder fingerprinted');
  const file = join(cacheDir, `folder-slim5-${cacheKey(dir)}.txt`);
  let cached = readSlim(file, state.key);
  trace(`registry: cache ${cached ? 'read' : 'missed'}`);
  if (!cached) {
    const bytes = await rebuild(loaded, dir, state, createHash('sha256').update(seed).digest('hex'), file);
    writeCacheFile(file, bytes);
    cached = parseSlim(bytes, state.key)!;
    trace('registry: cache written');
  }
  const { index, body, unread } = cached;
  const contracts: FolderContracts = {
    unread,
    tableKeys: new Set(index.flatMap(([, , ...keys]) => keys as string[])),
    select: (tables, jobIds) => {
      const chosen: { start: number; bytes: number }[] = [];
      let start = 0;
      for (const [job, bytes, ...keys] of index) {
        if (!tables || (keys as string[]).some((k) => tables.has(k)) || jobIds?.has(job as string))
          chosen.push({ start, bytes: bytes as number });
        start += bytes as number;
      }
      return fromSlim(slimLines(body, chosen, file));
    },
  };
  if (!Buffer.isBuffer(body)) closeWhenGone.register(contracts, body.fd);
  return contracts;
}

/** The cache file stays open while its contracts may be selected (a replaced file keeps its text). */
const closeWhenGone = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // closed already
  }
});

/**
 * The cache's bytes: a header line (the fingerprint, the settings' hash, the byte lengths of
 * the parts), an index line with every contract's lower-cased job id, the byte length of its
 * body line and its table keys, then one line of slim JSON per contract in the same order,
 * and last a line with each file found and what says its bytes are unchanged. A hook reads the
 * header and the index, then only the lines of the contracts it selects; the last line lets
 * the next rebuild read again only the files that changed.
 */
interface SlimHead {
  key: string;
  seed: string;
  index: number;
  body: number;
  sources: number;
  /** Contract files that gave no contract: the first UNREAD_NAMED, and how many in all. */
  unread: { files: string[]; count: number };
  /** Bytes of the header line, newline included. */
  size: number;
}

type IndexEntry = [string, number, ...string[]];

/** A file found in the folder: its path, what says its bytes are unchanged, its contract's place in the index (-1: none). */
type Source = [string, string | null, number];

interface SlimCache {
  index: IndexEntry[];
  /** The body: the whole of it, or where to read it from (the open cache file, and the body's offset in it). */
  body: Buffer | { fd: number; offset: number };
  unread: { files: string[]; count: number };
}

/** The header of a cache's bytes (its first line), if it is one. */
function slimHead(bytes: Buffer): SlimHead | undefined {
  const nl = bytes.indexOf(10);
  if (nl < 0) return undefined;
  const head = JSON.parse(bytes.toString('utf8', 0, nl)) as Partial<SlimHead>;
  const lengths = [head.index, head.body, head.sources, head.unread?.count];
  const unreadOk = Array.isArray(head.unread?.files) && head.unread.files.every((f) => typeof f === 'string');
  if (
    typeof head.key !== 'string' ||
    typeof head.seed !== 'string' ||
    !lengths.every(Number.isInteger) ||
    !unreadOk
  )
    return undefined;
  return { ...(head as SlimHead), size: nl + 1 };
}

const totalSize = (h: SlimHead) => h.size + h.index + h.body + h.sources;

/** A line holding a JSON array of rows (arrays), each checked by `ok`; undefined if any is not. */
function rows<T extends unknown[]>(text: string, ok: (row: unknown[]) => boolean): T[] | undefined {
  const parsed = JSON.parse(text) as unknown;
  return Array.isArray(parsed) && parsed.every((e) => Array.isArray(e) && ok(e))
    ? (parsed as T[])
    : undefined;
}

/** The index line, checked. */
const slimIndex = (text: string) =>
  rows<IndexEntry>(
    text,
    (e) =>
      typeof e[0] === 'string' && Number.isInteger(e[1]) && e.slice(2).every((k) => typeof k === 'string'),
  );

/** The sources line, checked against the index. */
const slimSources = (text: string, entries: number) =>
  rows<Source>(
    text,
    ([path, signature, entry]) =>
      typeof path === 'string' &&
      (signature === null || typeof signature === 'string') &&
      Number.isInteger(entry) &&
      (entry as number) >= -1 &&
      (entry as number) < entries,
  );

/** A cache written in this process, whole in memory. */
function parseSlim(bytes: Buffer, key: string): SlimCache | undefined {
  const head = slimHead(bytes);
  if (!head || head.key !== key || bytes.length !== totalSize(head)) return undefined;
  const index = slimIndex(bytes.toString('utf8', head.size, head.size + head.index - 1));
  const start = head.size + head.index;
  return index && { index, body: bytes.subarray(start, start + head.body), unread: head.unread };
}

/** A previous cache of the same folder and settings, whole: what a rebuild may keep of it. */
interface Previous {
  index: IndexEntry[];
  body: Buffer;
  /** Where each entry's line starts in the body. */
  starts: number[];
  sources: Map<string, { signature: string; entry: number }>;
}

function readPrevious(file: string, seed: string): Previous | undefined {
  try {
    const bytes = readFileSync(file);
    const head = slimHead(bytes);
    if (!head || head.seed !== seed || bytes.length !== totalSize(head)) return undefined;
    const index = slimIndex(bytes.toString('utf8', head.size, head.size + head.index - 1));
    const bodyAt = head.size + head.index;
    const sourceList =
      index && slimSources(bytes.toString('utf8', bodyAt + head.body, bytes.length - 1), index.length);
    if (!index || !sourceList) return undefined;
    const starts: number[] = [];
    let at = 0;
    for (const [, length] of index) {
      starts.push(at);
      at += length;
    }
    if (at !== head.body) return undefined;
    const sources = new Map<string, { signature: string; entry: number }>();
    for (const [path, signature, entry] of sourceList)
      if (signature !== null) sources.set(path, { signature, entry });
    return { index, body: bytes.subarray(bodyAt, bodyAt + head.body), starts, sources };
  } catch {
    return undefined; // none, or damaged: every file is read
  }
}

/**
 * The cache's bytes for the folder as it is: each file whose bytes are unchanged since the
 * previous cache (same settings) keeps its line as it was; the others are read and validated.
 */
async function rebuild(
  loaded: LoadedConfig,
  dir: string,
  state: FolderState,
  seed: string,
  file: string,
): Promise<Buffer> {
  const previous = readPrevious(file, seed);
  const found = findContractFiles(dir, { include: loaded.config.include, ignore: loaded.config.ignore });
  const paths = found.map((f) => posix(relative(dir, f)));
  const kept = paths.map((path) => {
    const signature = state.files.get(path);
    const was = signature === undefined ? undefined : previous?.sources.get(path);
    return was?.signature === signature ? was : undefined;
  });
  const toRead = found.filter((_, i) => !kept[i]);
  trace(`registry: ${toRead.length} of ${found.length} contract files to read`);
  const fresh = new Map<string, Contract>();
  const skipped = new Set<string>();
  if (toRead.length > 0) {
    const [{ readFolderFiles, limitsFrom }, { validateContracts }] = await Promise.all([
      import('./load.js'),
      import('../validate/validate.js'),
    ]);
    const limits = limitsFrom(loaded);
    const inputs = readFolderFiles(loaded.root, dir, toRead, { maxFileBytes: limits.maxFileBytes });
    for (const input of inputs) if (input.skipped) skipped.add(input.file);
    for (const c of validateContracts(inputs, { limits, contractsOnly: true }).contracts)
      fresh.set(c.file, c);
  }
  const index: IndexEntry[] = [];
  const lines: Buffer[] = [];
  const sources: Source[] = [];
  const unread: string[] = [];
  paths.forEach((path, i) => {
    const was = kept[i];
    const rootPath = posix(relative(loaded.root, found[i]!));
    let entry = -1;
    if (was && was.entry >= 0) {
      const old = previous!.index[was.entry]!;
      const start = previous!.starts[was.entry]!;
      entry = index.push(old) - 1;
      lines.push(previous!.body.subarray(start, start + old[1]));
    } else if (!was) {
      const contract = fresh.get(rootPath);
      if (contract) {
        const keys = bareKeys(contract);
        const line = Buffer.from(slimLine(contract, keys));
        entry = index.push([contract.jobId.toLowerCase(), line.length, ...keys]) - 1;
        lines.push(line);
      }
    }
    if (entry < 0) unread.push(rootPath);
    sources.push([path, skipped.has(rootPath) ? null : (state.files.get(path) ?? null), entry]);
  });
  const indexLine = Buffer.from(`${JSON.stringify(index)}\n`);
  const body = Buffer.concat(lines);
  const sourcesLine = Buffer.from(`${JSON.stringify(sources)}\n`);
  const head = {
    key: state.key,
    seed,
    index: indexLine.length,
    body: body.length,
    sources: sourcesLine.length,
    unread: { files: unread.slice(0, UNREAD_NAMED), count: unread.length },
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), indexLine, body, sourcesLine]);
}

/** One contract's line of slim JSON (JSON escapes newlines: one contract, one line). */
function slimLine(c: Contract, keys: string[]): string {
  const s: Slim = { ...slimCore(c), keys };
  if (c.sourceRepo) s.sourceRepo = c.sourceRepo;
  if (c.policy) s.policy = c.policy;
  if (c.tableColumns) s.tableColumns = c.tableColumns;
  return `${JSON.stringify(s)}\n`;
}

/** Reads at most `bytes` from `position`. */
function readAt(fd: number, position: number, bytes: number): Buffer {
  const out = Buffer.allocUnsafe(bytes);
  let got = 0;
  while (got < bytes) {
    const n = readSync(fd, out, got, bytes - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return out.subarray(0, got);
}

/**
 * The cache when it is this folder's as it is now and whole (a cut file is rebuilt): only its
 * header and index are read (Node decodes a 2 MB file as UTF-8 in about 40 ms; a hook needs
 * a few of its lines).
 */
function readSlim(file: string, key: string): SlimCache | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const first = readAt(fd, 0, Math.min(size, 64 * 1024));
    const head = slimHead(first);
    if (!head || head.key !== key || size !== totalSize(head)) throw new Error("not this folder's");
    const end = head.size + head.index - 1; // the index line, without its newline
    const text =
      end <= first.length
        ? first.toString('utf8', head.size, end)
        : readAt(fd, head.size, end - head.size).toString('utf8');
    const index = slimIndex(text);
    if (!index) throw new Error('damaged');
    // The sources line is read only to rebuild.
    return { index, body: { fd, offset: head.size + head.index }, unread: head.unread };
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined; // no cache yet, or a damaged one: rebuild it
  }
}

/** The chosen lines of the body, parsed. */
function slimLines(
  body: SlimCache['body'],
  chosen: readonly { start: number; bytes: number }[],
  file: string,
): Slim[] {
  return chosen.map(({ start, bytes }) => {
    const line = Buffer.isBuffer(body)
      ? body.subarray(start, start + bytes)
      : readAt(body.fd, body.offset + start, bytes);
    let slim: unknown;
    try {
      slim = line.length === bytes && line[bytes - 1] === 10 ? JSON.parse(line.toString('utf8')) : undefined;
    } catch {
      slim = undefined;
    }
    if (!isSlim(slim)) {
      rmSync(file, { force: true });
      throw new DcrError(say.damagedCache(file), { hint: say.damagedCacheHint });
    }
    return slim;
  });
}

/** The fields every slim contract has, copied one by one (a cached line adds nothing else). */
const slimCore = (c: Slim | Contract) => ({
  jobId: c.jobId,
  file: c.file,
  status: c.status,
  tables: c.tables,
  owners: c.owners,
  ingestionType: c.ingestionType,
});

/** A registry of slim contracts (what the change guard needs of each). */
function fromSlim(wanted: readonly Slim[]): Registry {
  return new Registry(
    wanted.map((c) => {
      const contract: Contract = { ...BLANK, ...slimCore(c), tags: [], extensions: {} };
      if (c.sourceRepo) contract.sourceRepo = c.sourceRepo;
      if (c.policy) contract.policy = c.policy;
      // Read back field by field, as from a published registry.json: a damaged cache adds nothing odd.
      const columns = tableColumnsFromJson(c.tableColumns);
      if (columns) contract.tableColumns = columns;
      return contract;
    }),
  );
}

/** A cached entry has the shape this version wrote. */
const isSlim = (c: unknown): c is Slim => {
  const s = c as Partial<Slim> | null;
  return (
    !!s &&
    typeof s.jobId === 'string' &&
    typeof s.file === 'string' &&
    typeof s.ingestionType === 'string' &&
    Array.isArray(s.tables) &&
    !!s.owners &&
    Array.isArray(s.owners.source) &&
    Array.isArray(s.owners.ingestion)
  );
};

/** YAML parsing and validation, loaded only when contracts must really be read. */
const loadRegistry = async (loaded: LoadedConfig) => (await import('./load.js')).loadRegistry(loaded);

const BLANK = { sourceHost: '', sourceDb: '' } as const;
