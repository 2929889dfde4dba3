import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DcrError } from '../errors.js';
import { registryMessages } from './messages.js';
import type { Registry } from './registry.js';

/** The registry could not be reached or gave nothing usable, and no usable cache exists: a warning unless strict. */
export class RegistryUnavailable extends DcrError {
  readonly location: string;
  /** Why, in a few words (the message adds where). */
  readonly reason: string;

  constructor(location: string, reason: string, hint: string = registryMessages.unavailableHint) {
    super(registryMessages.notRead(location, reason), { hint });
    this.name = 'RegistryUnavailable';
    this.location = location;
    this.reason = reason;
  }
}

/** A warning about one file, shown even by a quiet report (`loud`). */
export interface FileWarning {
  file: string;
  line: number;
  message: string;
  loud?: boolean;
}

export interface LoadedContracts {
  /** Every contract. */
  readonly registry: Registry;
  /** Problems that did not stop the check (an unreachable registry served from the cache...). */
  warnings: string[];
  /** Problems of one contract file of this repository (one that is not a valid contract). */
  fileWarnings?: FileWarning[];
  /** The bare table key of every table of every contract (no registry built for it). */
  readonly tableKeys: ReadonlySet<string>;
  /** Only the contracts naming one of `tables` (bare keys) or with one of `jobIds` (lower-cased). */
  select(tables: ReadonlySet<string>, jobIds?: ReadonlySet<string>): Registry;
}

/** Loaded contracts whose registry is built only when asked for. */
export function lazyContracts(
  source: {
    tableKeys: ReadonlySet<string>;
    select(tables?: ReadonlySet<string>, jobIds?: ReadonlySet<string>): Registry;
  },
  warnings: string[],
  fileWarnings: FileWarning[] = [],
): LoadedContracts {
  let all: Registry | undefined;
  return {
    fileWarnings,
    get registry() {
      return (all ??= source.select());
    },
    warnings,
    tableKeys: source.tableKeys,
    select: (tables, jobIds) => source.select(tables, jobIds),
  };
}

/** Loaded contracts that are all in memory already (a downloaded registry.json). */
export const eagerContracts = (registry: Registry, warnings: string[]): LoadedContracts => ({
  registry,
  warnings,
  tableKeys: new Set(registry.tableNames()),
  select: () => registry,
});

/** How a remote registry is read and cached. */
export interface CacheSettings {
  cacheDir: string;
  maxAgeMs: number;
  /** Deadline of the whole network read. */
  timeoutMs: number;
  /** Size cap of what is downloaded. */
  maxBytes: number;
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

export const cacheKey = (url: string) => createHash('sha256').update(url).digest('hex').slice(0, 24);

/** Milliseconds since `file` was written, or undefined when it does not exist. */
export const ageOf = (file: string): number | undefined => {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};

export const describeAge = (ms: number) =>
  ms < 3_600_000
    ? `${Math.round(ms / 60_000)} min`
    : ms < 172_800_000
      ? `${Math.round(ms / 3_600_000)} h`
      : `${Math.round(ms / 86_400_000)} days`;

/**
 * Writes a cache file atomically (a concurrent hook never reads half a file). A cache that
 * cannot be written (a read-only folder) only costs speed.
 */
export function writeCacheFile(file: string, text: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch {
    // next time, then
  }
}
