import type { Contract } from '../contract/types.js';
import type { CatalogEntry } from './catalog-entry.js';

/** `registry.json`: the stable, versioned export the change guard reads from a URL. */
export interface RegistryJson {
  version: 1;
  generated: string;
  /** Every contract, normalised (src/contract/types.ts `Contract`), sorted by job id. */
  contracts: Contract[];
  /** Catalog facts per contract, in the same order: freshness and the last change in git. */
  catalog: {
    contract: string;
    freshness: string;
    lastUpdated: string | null;
    lastChange: { commit: string; date: string; author: string } | null;
  }[];
}

export function registryJson(entries: readonly CatalogEntry[], now: Date): RegistryJson {
  return {
    version: 1,
    generated: now.toISOString(),
    contracts: entries.map((e) => e.contract),
    catalog: entries.map((e) => ({
      contract: e.contract.jobId,
      freshness: e.freshness,
      lastUpdated: e.lastUpdated ?? null,
      lastChange: e.lastChange ?? null,
    })),
  };
}
