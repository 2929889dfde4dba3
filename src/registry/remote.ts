import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { parseTableName, partKey } from '../contract/table-name.js';
import { STATUSES, type Contract } from '../contract/types.js';
import { DcrError } from '../errors.js';
import { runIsolatedGit } from '../git/clone.js';
import { VERSION } from '../version.js';
import { locationOf } from './location.js';
import { registryMessages } from './messages.js';
import { Registry } from './registry.js';

export { locationOf, type ContractsLocation } from './location.js';

/** The registry could not be reached and no usable cache exists: a warning unless strict. */
export class RegistryUnavailable extends DcrError {
  readonly location: string;

  constructor(location: string, message: string, hint?: string) {
    super(message, hint === undefined ? {} : { hint });
    this.name = 'RegistryUnavailable';
    this.location = location;
  }
}

export interface RemoteOptions {
  /** Minutes a cached clone or registry.json is used before it is refreshed. */
  cacheMinutes?: number;
  cacheDir?: string;
  /** Allow plain http:// (tests on loopback); real users get https only. */
  allowHttp?: boolean;
  /** Only contracts naming one of these bare table names are needed (the change guard's case). */
  tables?: ReadonlySet<string>;
  /** Contracts with these job ids (lower-cased) are needed too, whatever their tables. */
  jobIds?: ReadonlySet<string>;
  /** Milliseconds before giving up on the network. */
  timeoutMs?: number;
}

export interface LoadedContracts {
  registry: Registry;
  /** Problems that did not stop the check (an unreachable registry served from the cache...). */
  warnings: string[];
}

/** Loads the configured contracts from wherever they are. */
export async function loadContracts(
  loaded: LoadedConfig,
  options: RemoteOptions = {},
): Promise<LoadedContracts> {
  const location = locationOf(loaded.config.contracts);
  const cacheDir = options.cacheDir ? resolve(loaded.root, options.cacheDir) : defaultCacheDir();
  if (location.kind === 'folder')
    return {
      registry: await loadFolderCached(loaded, cacheDir, options.tables, options.jobIds),
      warnings: [],
    };
  const settings = {
    cacheDir,
    maxAgeMs: (options.cacheMinutes ?? 60) * 60_000,
    timeoutMs: options.timeoutMs ?? 4000,
  };
  if (location.kind === 'json')
    return loadJson(location.url, { ...settings, allowHttp: options.allowHttp ?? false });
  return loadGit(loaded, location.url, settings);
}

/** `$DCR_CACHE_DIR`, else `$XDG_CACHE_HOME/dcr`, else `~/.cache/dcr`. */
export function defaultCacheDir(): string {
  if (process.env.DCR_CACHE_DIR) return process.env.DCR_CACHE_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'dcr');
}

/** What the change guard needs of a contract, kept in the folder cache. */
type Slim = Pick<Contract, 'jobId' | 'file' | 'status' | 'tables' | 'owners' | 'sourceRepo' | 'policy'> & {
  keys: string[];
};

const bareKeys = (c: Contract) =>
  c.tables.flatMap((t) => {
    const parsed = parseTableName(t);
    return 'error' in parsed ? [] : [partKey(parsed.table)];
  });

/** Every file below `dir` with its size, inode and nanosecond times (a superset of the contracts). */
function fingerprint(dir: string, seed: string): string {
  const hash = createHash('sha256').update(seed);
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const f of files) {
    const st = statSync(f, { bigint: true });
    hash.update(`${f}\0${st.size}\0${st.ino}\0${st.mtimeNs}\0${st.ctimeNs}\n`);
  }
  return hash.digest('hex');
}

/**
 * A contracts folder for the change guard, through a cache of the validated contracts keyed
 * by every file's path, size, inode and nanosecond times (git's own racy-clean test), the
 * settings and dcr's version: a hook re-reads 5,000 YAML files only after one changed. With
 * `tables` (bare names, case-folded unless quoted), only contracts naming one are built.
 */
export async function loadFolderCached(
  loaded: LoadedConfig,
  cacheDir: string,
  tables?: ReadonlySet<string>,
  jobIds?: ReadonlySet<string>,
): Promise<Registry> {
  const dir = resolve(loaded.root, loaded.config.contracts);
  const { include, ignore, rules, maxFileBytes } = loaded.config;
  let key: string;
  try {
    key = fingerprint(dir, JSON.stringify({ VERSION, dir, include, ignore, rules, maxFileBytes }));
  } catch {
    return (await loadRegistry(loaded)).registry; // says precisely what is wrong with the folder
  }
  const file = join(cacheDir, `folder-slim1-${cacheKey(dir)}.json`);
  let slim: Slim[] | undefined;
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as { key?: string; contracts?: Slim[] };
    if (cached.key === key && Array.isArray(cached.contracts)) slim = cached.contracts;
  } catch {
    // no cache yet, or a broken one: rebuild it
  }
  if (!slim) {
    const full = (await loadRegistry(loaded)).registry;
    if (!tables) return full;
    slim = full.contracts.map((c) => {
      const s: Slim = {
        jobId: c.jobId,
        file: c.file,
        status: c.status,
        tables: c.tables,
        owners: c.owners,
        keys: bareKeys(c),
      };
      if (c.sourceRepo) s.sourceRepo = c.sourceRepo;
      if (c.policy) s.policy = c.policy;
      return s;
    });
    try {
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ key, contracts: slim }));
      renameSync(tmp, file);
    } catch {
      // a read-only cache folder only costs speed
    }
  }
  const wanted = tables
    ? slim.filter((c) => c.keys.some((k) => tables.has(k)) || jobIds?.has(c.jobId.toLowerCase()))
    : slim;
  return new Registry(
    wanted.map((c) => {
      const contract: Contract = {
        ...BLANK,
        jobId: c.jobId,
        file: c.file,
        status: c.status,
        tables: c.tables,
        owners: c.owners,
        tags: [],
        extensions: {},
      };
      if (c.sourceRepo) contract.sourceRepo = c.sourceRepo;
      if (c.policy) contract.policy = c.policy;
      return contract;
    }),
  );
}

/** YAML parsing and validation, loaded only when contracts must really be read. */
const loadRegistry = async (loaded: LoadedConfig) => (await import('./load.js')).loadRegistry(loaded);

const BLANK = { sourceHost: '', sourceDb: '', ingestionType: 'full' } as const;

interface CacheSettings {
  cacheDir: string;
  maxAgeMs: number;
  timeoutMs: number;
}

/** A URL without user, password or query, for messages (tokens never reach the output). */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return url.replace(/^[^@/]*@/, '');
  }
}

const cacheKey = (url: string) => createHash('sha256').update(url).digest('hex').slice(0, 24);
const ageOf = (file: string): number | undefined => {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};
const describeAge = (ms: number) =>
  ms < 3_600_000
    ? `${Math.round(ms / 60_000)} min`
    : ms < 172_800_000
      ? `${Math.round(ms / 3_600_000)} h`
      : `${Math.round(ms / 86_400_000)} days`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

async function loadJson(url: string, s: CacheSettings & { allowHttp: boolean }): Promise<LoadedContracts> {
  const parsed = new URL(url);
  if (
    parsed.protocol !== 'https:' &&
    !(s.allowHttp && parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname))
  ) {
    throw new DcrError(`the registry URL must use https: ${safeUrl(url)}`, {
      hint: 'publish registry.json over https (the catalog site does)',
    });
  }
  const file = join(s.cacheDir, `registry-${cacheKey(url)}.json`);
  const age = ageOf(file);
  const fromCache = (warning?: string): LoadedContracts => ({
    registry: registryFromJson(JSON.parse(readFileSync(file, 'utf8')), safeUrl(url)),
    warnings: warning ? [warning] : [],
  });
  if (age !== undefined && age < s.maxAgeMs) return fromCache();
  let text: string;
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(s.timeoutMs),
      redirect: 'follow',
      headers: { accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
    registryFromJson(JSON.parse(text), safeUrl(url)); // refuse to cache what we cannot use
  } catch (error) {
    const why =
      error instanceof DcrError
        ? error.message
        : (error as Error).name === 'TimeoutError'
          ? `no answer within ${s.timeoutMs} ms`
          : (error as Error).message;
    if (age !== undefined) return fromCache(registryMessages.stale(safeUrl(url), describeAge(age)));
    throw new RegistryUnavailable(safeUrl(url), why);
  }
  mkdirSync(s.cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file); // atomic: a concurrent hook never reads half a file
  return { registry: registryFromJson(JSON.parse(text), safeUrl(url)), warnings: [] };
}

/** Builds a Registry from a published registry.json, field by field (no spreading of foreign data). */
export function registryFromJson(data: unknown, where: string): Registry {
  const bad = (why: string): never => {
    throw new DcrError(`${where} is not a dcr registry.json: ${why}`, {
      hint: 'publish it with `dcr site build`',
    });
  };
  if (!data || typeof data !== 'object' || Array.isArray(data)) return bad('not a JSON object');
  const doc = data as Record<string, unknown>;
  if (doc.version !== 1) return bad(`version ${JSON.stringify(doc.version)} (expected 1)`);
  if (!Array.isArray(doc.contracts)) return bad('no "contracts" list');
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const contracts: Contract[] = [];
  for (const item of doc.contracts as unknown[]) {
    if (!item || typeof item !== 'object') continue;
    const c = item as Record<string, unknown>;
    const owners = (c.owners ?? {}) as Record<string, unknown>;
    const jobId = str(c.jobId);
    if (!jobId) continue;
    const contract: Contract = {
      jobId,
      file: str(c.file) ?? `${jobId}.yaml`,
      status: (STATUSES as readonly string[]).includes(c.status as string)
        ? (c.status as Contract['status'])
        : 'active',
      sourceHost: str(c.sourceHost) ?? '',
      sourceDb: str(c.sourceDb) ?? '',
      tables: strings(c.tables),
      ingestionType: (str(c.ingestionType) ?? 'full') as Contract['ingestionType'],
      owners: { source: strings(owners.source), ingestion: strings(owners.ingestion) },
      tags: strings(c.tags),
      extensions: Object.create(null) as Record<string, unknown>,
    };
    const repo = str(c.sourceRepo);
    if (repo) contract.sourceRepo = repo;
    if (c.policy === 'warn' || c.policy === 'block') contract.policy = c.policy;
    contracts.push(contract);
  }
  return new Registry(contracts);
}

async function loadGit(loaded: LoadedConfig, spec: string, s: CacheSettings): Promise<LoadedContracts> {
  // `URL#folder` names the contracts folder inside the repository (default: contracts/, else the top).
  const hash = spec.indexOf('#');
  const url = hash >= 0 ? spec.slice(0, hash) : spec;
  const sub = hash >= 0 ? spec.slice(hash + 1) : undefined;
  const dir = join(s.cacheDir, `git-${cacheKey(url)}`);
  const stamp = join(s.cacheDir, `git-${cacheKey(url)}.fetched`);
  const have = existsSync(join(dir, '.git'));
  const age = have ? ageOf(stamp) : undefined;
  const warnings: string[] = [];
  if (!have || age === undefined || age >= s.maxAgeMs) {
    const problem = have ? await refresh(dir, s.timeoutMs) : await cloneInto(url, dir, s.timeoutMs);
    if (problem === undefined) {
      mkdirSync(s.cacheDir, { recursive: true });
      writeFileSync(stamp, new Date().toISOString());
    } else if (have) {
      warnings.push(
        registryMessages.stale(safeUrl(url), age === undefined ? 'of unknown age' : describeAge(age)),
      );
    } else {
      throw new RegistryUnavailable(safeUrl(url), problem);
    }
  }
  const folder = sub ?? (existsSync(join(dir, 'contracts')) ? 'contracts' : '.');
  const registry = (
    await loadRegistry({ ...loaded, root: dir, config: { ...loaded.config, contracts: folder } })
  ).registry;
  return { registry, warnings };
}

const firstLine = (text: string) => (text.trim().split('\n').pop() ?? '').replace(/\/\/[^/@\s]+@/g, '//');

async function cloneInto(url: string, dir: string, timeoutMs: number): Promise<string | undefined> {
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const r = await runIsolatedGit(
    ['clone', '-q', '--depth', '1', '--no-tags', '--', url, tmp],
    dirname(dir),
    timeoutMs,
  );
  if (r.code !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    return r.timedOut ? `no answer within ${timeoutMs} ms` : firstLine(r.stderr);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return undefined;
}

async function refresh(dir: string, timeoutMs: number): Promise<string | undefined> {
  const fetch = await runIsolatedGit(
    ['fetch', '-q', '--depth', '1', '--no-tags', 'origin', 'HEAD'],
    dir,
    timeoutMs,
  );
  if (fetch.code !== 0) return fetch.timedOut ? `no answer within ${timeoutMs} ms` : firstLine(fetch.stderr);
  const reset = await runIsolatedGit(['reset', '-q', '--hard', 'FETCH_HEAD'], dir, timeoutMs);
  return reset.code === 0 ? undefined : firstLine(reset.stderr);
}
