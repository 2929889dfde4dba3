import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { repoRoot } from '../git/index-files.js';
import { lastChanges, type LastChange } from '../git/last-changes.js';
import { loadRegistry } from '../registry/load.js';
import type { Registry } from '../registry/registry.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { catalogEntries, type CatalogEntry } from './catalog-entry.js';

export interface LoadedCatalog {
  registry: Registry;
  entries: CatalogEntry[];
  diagnostics: Diagnostic[];
}

/**
 * Loads the configured contracts and asks git, in one pass, for each file's last change.
 * Outside a git repository every contract counts as never committed (fresh).
 */
export async function loadCatalog(
  loaded: LoadedConfig,
  options: { now: Date; staleDays?: number; dir?: string },
): Promise<LoadedCatalog> {
  const { registry, diagnostics } = loadRegistry(loaded, options.dir);
  const top = await repoRoot(loaded.root);
  let changes = new Map<string, LastChange>();
  let prefix = '';
  if (top) {
    prefix = relative(realpathSync(top), realpathSync(loaded.root)).split(sep).join('/');
    if (prefix) prefix += '/';
    const files = registry.contracts.map((c) => prefix + c.file);
    const byRepoPath = await lastChanges(top, files, prefix ? [`:(top)${prefix}`] : []);
    changes = new Map([...byRepoPath].map(([path, change]) => [path.slice(prefix.length), change]));
  }
  const entries = catalogEntries(registry, {
    changes,
    now: options.now,
    staleDays: options.staleDays,
    repoPrefix: prefix,
  });
  return { registry, entries, diagnostics };
}
