import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/** The contracts of a folder as the change guard reads them: every table key, then only the contracts it needs. */
export interface FolderContracts {
  /** The bare table key (case-folded unless quoted) of every table of every contract. */
  tableKeys: ReadonlySet<string>;
  /** The contracts naming one of `tables` (bare keys) or with one of `jobIds` (lower-cased); all without `tables`. */
  select(tables?: ReadonlySet<string>, jobIds?: ReadonlySet<string>): Registry;
}

/**
 * A contracts folder for the change guard, through a cache of the validated contracts keyed
 * by every file's path, size, inode and nanosecond times (git's own racy-clean test), the
 * settings and dcr's version: a hook re-reads 5,000 YAML files only after one changed, and
 * builds only the contracts it selects.
 */
export async function openFolderCached(loaded: LoadedConfig, cacheDir: string): Promise<FolderContracts> {
  const dir = resolve(loaded.root, loaded.config.contracts);
  const { include, ignore, rules, maxFileBytes } = loaded.config;
  let key: string;
  try {
    key = fingerprint(dir, JSON.stringify({ VERSION, dir, include, ignore, rules, maxFileBytes }));
  } catch {
    const full = (await loadRegistry(loaded)).registry; // says precisely what is wrong with the folder
    return { tableKeys: new Set(full.tableNames()), select: () => full };
  }
  trace('registry: folder fingerprinted');
  const file = join(cacheDir, `folder-slim2-${cacheKey(dir)}.json`);
  let slim: Slim[] | undefined;
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as { key?: string; contracts?: Slim[] };
    if (cached.key === key && Array.isArray(cached.contracts) && cached.contracts.every(isSlim))
      slim = cached.contracts;
  } catch {
    // no cache yet, or a damaged one: rebuild it
  }
  trace(`registry: cache ${slim ? 'read' : 'missed'}`);
  let full: Registry | undefined;
  if (!slim) {
    full = (await loadRegistry(loaded)).registry;
    slim = full.contracts.map((c) => {
      const s: Slim = {
        jobId: c.jobId,
        file: c.file,
        status: c.status,
        tables: c.tables,
        owners: c.owners,
        ingestionType: c.ingestionType,
        keys: bareKeys(c),
      };
      if (c.sourceRepo) s.sourceRepo = c.sourceRepo;
      if (c.policy) s.policy = c.policy;
      if (c.tableColumns) s.tableColumns = c.tableColumns;
      return s;
    });
    writeCacheFile(file, JSON.stringify({ key, contracts: slim }));
  }
  const all = slim;
  return {
    tableKeys: new Set(all.flatMap((c) => c.keys)),
    select: (tables, jobIds) =>
      !tables && full
        ? full
        : fromSlim(
            tables
              ? all.filter((c) => c.keys.some((k) => tables.has(k)) || jobIds?.has(c.jobId.toLowerCase()))
              : all,
          ),
  };
}

/** A registry of slim contracts (what the change guard needs of each). */
function fromSlim(wanted: readonly Slim[]): Registry {
  return new Registry(
    wanted.map((c) => {
      const contract: Contract = {
        ...BLANK,
        jobId: c.jobId,
        file: c.file,
        status: c.status,
        tables: c.tables,
        owners: c.owners,
        ingestionType: c.ingestionType,
        tags: [],
        extensions: {},
      };
      if (c.sourceRepo) contract.sourceRepo = c.sourceRepo;
      if (c.policy) contract.policy = c.policy;
      // Read back field by field, as from a published registry.json: a damaged cache adds nothing odd.
      const columns = tableColumnsFromJson(c.tableColumns);
      if (columns) contract.tableColumns = columns;
      return contract;
    }),
  );
}

/** A cached entry has the shape this version wrote (a damaged cache is rebuilt, never trusted). */
const isSlim = (c: unknown): c is Slim => {
  const s = c as Partial<Slim> | null;
  return (
    !!s &&
    typeof s.jobId === 'string' &&
    typeof s.file === 'string' &&
    typeof s.ingestionType === 'string' &&
    Array.isArray(s.keys) &&
    Array.isArray(s.tables) &&
    !!s.owners &&
    Array.isArray(s.owners.source) &&
    Array.isArray(s.owners.ingestion)
  );
};

/** YAML parsing and validation, loaded only when contracts must really be read. */
const loadRegistry = async (loaded: LoadedConfig) => (await import('./load.js')).loadRegistry(loaded);

const BLANK = { sourceHost: '', sourceDb: '' } as const;
