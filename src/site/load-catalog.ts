import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { repoRoot } from '../git/index-files.js';
import type { LastChange } from '../git/last-changes.js';
import { limitsFrom, readPathInputs } from '../registry/load.js';
import { Registry } from '../registry/registry.js';
import { startHistory } from '../stale/history.js';
import { sortDiagnostics, type Diagnostic } from '../validate/diagnostic.js';
import { validateContracts } from '../validate/validate.js';
import { catalogEntries, type CatalogEntry } from './catalog-entry.js';

export interface LoadedCatalog {
  registry: Registry;
  entries: CatalogEntry[];
  diagnostics: Diagnostic[];
}

/**
 * Loads the configured contracts and asks git, in one pass, for each file's last change.
 * git walks the history (in a worker thread) while the contracts are parsed and validated:
 * the two take about as long on large registries. Outside a git repository every contract
 * counts as never committed (fresh).
 */
export async function loadCatalog(
  loaded: LoadedConfig,
  options: { now: Date; staleDays?: number; dir?: string },
): Promise<LoadedCatalog> {
  const dir = options.dir ?? loaded.config.contracts;
  const find = { include: loaded.config.include, ignore: loaded.config.ignore };
  const inputs = readPathInputs(loaded.root, [dir], find, limitsFrom(loaded));
  const top = await repoRoot(loaded.root);
  let prefix = '';
  let history: Promise<Map<string, LastChange>> | undefined;
  if (top) {
    prefix = relative(realpathSync(top), realpathSync(loaded.root)).split(sep).join('/');
    if (prefix) prefix += '/';
    const files = inputs.map((i) => i.file);
    history = startHistory({ top, prefix, shallow: false }, files, dir);
    history.catch(() => {}); // awaited below; not unhandled meanwhile
  }
  const result = validateContracts(inputs, { rules: loaded.config.rules, limits: limitsFrom(loaded) });
  const registry = new Registry(result.contracts);
  const changes = (await history) ?? new Map<string, LastChange>();
  const entries = catalogEntries(registry, {
    changes,
    now: options.now,
    staleDays: options.staleDays,
    repoPrefix: prefix,
  });
  return { registry, entries, diagnostics: result.diagnostics };
}

/** How many contract files have errors and are left out of the catalog. */
export function skippedFiles(catalog: LoadedCatalog): number {
  return new Set(skippedProblems(catalog).map((d) => d.file)).size;
}

/** The errors of the contract files left out of the catalog, by file, line and column. */
export function skippedProblems(catalog: LoadedCatalog): Diagnostic[] {
  const included = new Set(catalog.entries.map((e) => e.contract.file));
  return sortDiagnostics(catalog.diagnostics.filter((d) => d.severity === 'error' && !included.has(d.file)));
}
