import type { Contract } from '../contract/types.js';
import type { LastChange } from '../git/last-changes.js';
import type { Registry } from '../registry/registry.js';
import { ageDays, freshness, lastUpdated, type Freshness } from '../stale/freshness.js';

/** What the catalog knows about one contract beyond the contract itself. */
export interface CatalogEntry {
  contract: Contract;
  freshness: Freshness;
  /** ISO date-time of the later of the last commit and `reviewed_at`; absent if neither. */
  lastUpdated?: string;
  /** Whole days from `lastUpdated` to the build's clock, as `dcr stale` counts them; absent with it. */
  ageDays?: number;
  /** The newest commit that changed the file; absent when the file is not in git. */
  lastChange?: { commit: string; date: string; author: string };
  /** The file's path from the repository root (for links to it and its history). */
  repoPath: string;
}

export interface EntryOptions {
  /** Last commit per file, keyed by the contract's `file` (registry-root relative). */
  changes: ReadonlyMap<string, LastChange>;
  now: Date;
  staleDays?: number;
  /** Prefix from the repository root to the registry root, e.g. `data/` (empty at the top). */
  repoPrefix?: string;
}

/** One entry per contract, in the registry's order (by job id); a duplicate job id keeps the first. */
export function catalogEntries(registry: Registry, options: EntryOptions): CatalogEntry[] {
  return registry.contracts
    .filter((c) => registry.get(c.jobId) === c)
    .map((contract) => {
      const change = options.changes.get(contract.file);
      const updated = lastUpdated(change?.date, contract.reviewedAt);
      const entry: CatalogEntry = {
        contract,
        freshness: freshness(updated, options.now, options.staleDays),
        repoPath: `${options.repoPrefix ?? ''}${contract.file}`,
      };
      if (updated) {
        entry.lastUpdated = updated.toISOString();
        entry.ageDays = Math.max(0, ageDays(updated, options.now));
      }
      if (change) entry.lastChange = { commit: change.commit, date: change.date, author: change.author };
      return entry;
    });
}
