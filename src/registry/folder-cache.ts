import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { DcrError } from '../errors.js';
import { registryMessages as say } from './messages.js';
import { runGit } from '../git/run.js';
import { join, resolve, sep } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { tableColumnsFromJson } from '../contract/table-details.js';
import { parseTableName, partKey } from '../contract/table-name.js';
import type { Contract } from '../contract/types.js';
import { VERSION } from '../version.js';
import { trace } from '../util/trace.js';
import { cacheKey, writeCacheFile } from './remote-common.js';
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
 * Every file below `dir` with its size, inode and nanosecond times (a superset of the
 * contracts), except the folders named in `skip` (`.git` of a cached clone).
 */
export function fingerprint(dir: string, seed: string, skip: readonly string[] = []): string {
  const hash = createHash('sha256').update(seed);
  const skipped = (path: string) =>
    skip.some((s) => path === join(dir, s) || path.startsWith(join(dir, s) + sep));
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && !skipped(e.parentPath))
    .map((e) => `${e.parentPath}${sep}${e.name}`)
    .sort();
  for (const f of files) {
    const st = statSync(f, { bigint: true });
    hash.update(`${f}\0${st.size}\0${st.ino}\0${st.mtimeNs}\0${st.ctimeNs}\n`);
  }
  return hash.digest('hex');
}

/**
 * The same fingerprint's meaning, from git when the folder is in a work tree: the index's blob
 * id of every tracked file, plus the size, inode and times of the files git sees modified,
 * deleted or untracked (ignored ones included: dcr reads them too). git compares racily clean
 * files by content, and does in C what costs a hook about 100 ms of JavaScript at 5,000 files.
 * Undefined when git cannot answer (not a work tree, a bare repository, no git).
 */
export async function gitFingerprint(dir: string, seed: string): Promise<string | undefined> {
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
  const text = out.toString('utf8');
  let previous = '';
  for (let start = 0, end = text.indexOf('\0'); end >= 0; start = end + 1, end = text.indexOf('\0', start)) {
    // Untracked files come first, bare paths; then each index entry (`mode oid stage<TAB>path`),
    // followed at once by the same line again when the file is modified or deleted.
    const record = text.slice(start, end);
    const staged = STAGED.test(record);
    if (staged && record !== previous) {
      previous = record;
      continue;
    }
    const path = staged ? record.slice(record.indexOf('\t') + 1) : record;
    try {
      const st = statSync(join(dir, path), { bigint: true });
      hash.update(`${path}\0${st.size}\0${st.ino}\0${st.mtimeNs}\0${st.ctimeNs}\n`);
    } catch {
      hash.update(`${path}\0missing\n`);
    }
  }
  return hash.digest('hex');
}

const STAGED = /^\d{6} [0-9a-f]{40,64} \d\t/;
const REPO_VARIABLES =
  /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|COMMON_DIR|NAMESPACE|QUARANTINE_PATH|PREFIX|CEILING_DIRECTORIES|DISCOVERY_ACROSS_FILESYSTEM)$/;

/** The contracts of a folder as the change guard reads them: every table key, then only the contracts it needs. */
export interface FolderContracts {
  /** The bare table key (case-folded unless quoted) of every table of every contract. */
  tableKeys: ReadonlySet<string>;
  /** The contracts naming one of `tables` (bare keys) or with one of `jobIds` (lower-cased); all without `tables`. */
  select(tables?: ReadonlySet<string>, jobIds?: ReadonlySet<string>): Registry;
}

/**
 * A contracts folder for the change guard, through a cache of the validated contracts keyed
 * by the folder's fingerprint (git's index and stat data, or every file's path, size, inode
 * and nanosecond times: git's own racy-clean test), the settings and dcr's version: a hook
 * re-reads 5,000 YAML files only after one changed. The cache holds a line per contract, its
 * table keys before its JSON, so a hook parses only the contracts it selects.
 */
export async function openFolderCached(loaded: LoadedConfig, cacheDir: string): Promise<FolderContracts> {
  const dir = resolve(loaded.root, loaded.config.contracts);
  const { include, ignore, rules, maxFileBytes } = loaded.config;
  const seed = JSON.stringify({ VERSION, dir, include, ignore, rules, maxFileBytes });
  let key: string;
  try {
    key = (await gitFingerprint(dir, seed)) ?? fingerprint(dir, seed);
  } catch {
    const full = (await loadRegistry(loaded)).registry; // says precisely what is wrong with the folder
    return { tableKeys: new Set(full.tableNames()), select: () => full };
  }
  trace('registry: folder fingerprinted');
  const file = join(cacheDir, `folder-slim4-${cacheKey(dir)}.txt`);
  let cached = readSlim(file, key);
  trace(`registry: cache ${cached ? 'read' : 'missed'}`);
  let full: Registry | undefined;
  if (!cached) {
    full = (await loadRegistry(loaded)).registry;
    const text = slimText(key, full.contracts);
    writeCacheFile(file, text);
    cached = parseSlim(Buffer.from(text), key)!;
  }
  const { index, body } = cached;
  const contracts: FolderContracts = {
    tableKeys: new Set(index.flatMap(([, , ...keys]) => keys as string[])),
    select: (tables, jobIds) => {
      if (!tables && full) return full;
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
 * The cache's text: a header line (the fingerprint, the byte lengths of the rest and of the
 * index line), an index line with every contract's lower-cased job id, the byte length of its
 * body line and its table keys, then one line of slim JSON per contract in the same order. A
 * hook reads the header and the index, then only the lines of the contracts it selects.
 */
function slimText(key: string, contracts: readonly Contract[]): string {
  const lines = contracts.map((c) => {
    const s: Slim = { ...slimCore(c), keys: bareKeys(c) };
    if (c.sourceRepo) s.sourceRepo = c.sourceRepo;
    if (c.policy) s.policy = c.policy;
    if (c.tableColumns) s.tableColumns = c.tableColumns;
    return `${JSON.stringify(s)}\n`; // JSON escapes newlines: one contract, one line
  });
  const index = contracts.map((c, i) => [
    c.jobId.toLowerCase(),
    Buffer.byteLength(lines[i]!),
    ...bareKeys(c),
  ]);
  const indexLine = `${JSON.stringify(index)}\n`;
  const rest = indexLine + lines.join('');
  const head = { key, length: Buffer.byteLength(rest), index: Buffer.byteLength(indexLine) };
  return `${JSON.stringify(head)}\n${rest}`;
}

type IndexEntry = [string, number, ...string[]];

interface SlimCache {
  index: IndexEntry[];
  /** The body: the whole of it, or where to read it from (the open cache file, and the body's offset in it). */
  body: Buffer | { fd: number; offset: number };
}

interface SlimHead {
  key: string;
  length: number;
  index: number;
  /** Bytes of the header line, newline included. */
  size: number;
}

/** The header of a cache's bytes (its first line), if it is one. */
function slimHead(bytes: Buffer): SlimHead | undefined {
  const nl = bytes.indexOf(10);
  if (nl < 0) return undefined;
  const head = JSON.parse(bytes.toString('utf8', 0, nl)) as Partial<SlimHead>;
  if (typeof head.key !== 'string' || typeof head.length !== 'number' || typeof head.index !== 'number')
    return undefined;
  return { key: head.key, length: head.length, index: head.index, size: nl + 1 };
}

/** The index line, checked. */
function slimIndex(text: string): IndexEntry[] | undefined {
  const index = JSON.parse(text) as unknown;
  const ok =
    Array.isArray(index) &&
    index.every(
      (e) =>
        Array.isArray(e) &&
        typeof e[0] === 'string' &&
        Number.isInteger(e[1]) &&
        e.slice(2).every((k) => typeof k === 'string'),
    );
  return ok ? (index as IndexEntry[]) : undefined;
}

/** A cache written in this process, whole in memory. */
function parseSlim(bytes: Buffer, key: string): SlimCache | undefined {
  const head = slimHead(bytes);
  if (!head || head.key !== key || bytes.length !== head.size + head.length) return undefined;
  const index = slimIndex(bytes.toString('utf8', head.size, head.size + head.index - 1));
  return index && { index, body: bytes.subarray(head.size + head.index) };
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
    if (!head || head.key !== key || size !== head.size + head.length) throw new Error("not this folder's");
    const end = head.size + head.index - 1; // the index line, without its newline
    const text =
      end <= first.length
        ? first.toString('utf8', head.size, end)
        : readAt(fd, head.size, end - head.size).toString('utf8');
    const index = slimIndex(text);
    if (!index) throw new Error('damaged');
    return { index, body: { fd, offset: head.size + head.index } };
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
