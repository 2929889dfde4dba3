import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { openFolderCached, unguardedFiles } from './folder-cache.js';
import { locationOf } from './location.js';
import { NETWORK_LIMITS } from './network-limits.js';
import { lazyContracts, type LoadedContracts } from './remote-common.js';

export { locationOf, type ContractsLocation } from './location.js';
export { RegistryUnavailable, safeUrl, type LoadedContracts } from './remote-common.js';

export interface RemoteOptions {
  /** Minutes a cached clone or registry.json is used before it is refreshed. */
  cacheMinutes?: number;
  cacheDir?: string;
  /** Allow plain http:// (tests on loopback); real users get https only. */
  allowHttp?: boolean;
  /** Milliseconds before giving up on the network (default `NETWORK_LIMITS.timeoutMs`). */
  timeoutMs?: number;
  /** Bytes a download or clone may take (default: the caps in `NETWORK_LIMITS`). */
  maxBytes?: number;
}

/** Loads the configured contracts from wherever they are. */
export async function loadContracts(
  loaded: LoadedConfig,
  options: RemoteOptions = {},
): Promise<LoadedContracts> {
  const location = locationOf(loaded.config.contracts);
  const cacheDir = options.cacheDir ? resolve(loaded.root, options.cacheDir) : defaultCacheDir();
  if (location.kind === 'folder') {
    const folder = await openFolderCached(loaded, cacheDir);
    const { files, more } = unguardedFiles(folder);
    return lazyContracts(folder, more, files);
  }
  const settings = {
    cacheDir,
    maxAgeMs: (options.cacheMinutes ?? 60) * 60_000,
    timeoutMs: options.timeoutMs ?? NETWORK_LIMITS.timeoutMs,
  };
  if (location.kind === 'json') {
    const { loadJson } = await import('./remote-json.js');
    return loadJson(location.url, {
      ...settings,
      maxBytes: options.maxBytes ?? NETWORK_LIMITS.maxJsonBytes,
      allowHttp: options.allowHttp ?? false,
    });
  }
  const { loadGit } = await import('./remote-git.js');
  return loadGit(loaded, location.url, {
    ...settings,
    maxBytes: options.maxBytes ?? NETWORK_LIMITS.maxCloneBytes,
  });
}

/** `$DCR_CACHE_DIR`, else `$XDG_CACHE_HOME/dcr`, else `~/.cache/dcr`. */
export function defaultCacheDir(): string {
  if (process.env.DCR_CACHE_DIR) return process.env.DCR_CACHE_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'dcr');
}
