import type { Contract, Owners } from '../contract/types.js';
import type { LastChange } from '../git/last-changes.js';
import { ageDays, DEFAULT_STALE_DAYS, lastUpdated } from './freshness.js';

/** A contract nobody has updated for longer than the threshold. */
export interface StaleContract {
  /** The contract's `ingestion_jobid`. */
  contract: string;
  file: string;
  /** ISO 8601: the later of the file's last commit and `reviewed_at`. */
  lastUpdated: string;
  ageDays: number;
  owners: Owners;
  /** Where the date comes from. */
  basis: 'commit' | 'reviewed_at';
  /** The last commit that changed the file, when there is one. */
  commit?: string;
}

export interface StaleOptions {
  now: Date;
  /** Age in days from which a contract is stale (default six months). */
  thresholdDays?: number;
}

/**
 * The stale contracts, oldest first. `changes` maps contract files (as in `Contract.file`)
 * to their last commit; a file without one and without `reviewed_at` counts as fresh.
 * Retired contracts are never stale: nobody needs to review them.
 */
export function findStale(
  contracts: readonly Contract[],
  changes: ReadonlyMap<string, LastChange>,
  options: StaleOptions,
): StaleContract[] {
  const threshold = options.thresholdDays ?? DEFAULT_STALE_DAYS;
  const cutoff = options.now.getTime() - threshold * 86_400_000;
  const result: StaleContract[] = [];
  for (const c of contracts) {
    if (c.status === 'retired') continue;
    const change = changes.get(c.file);
    const updated = lastUpdated(change?.date, c.reviewedAt);
    if (!updated || updated.getTime() > cutoff) continue;
    const fromCommit = change !== undefined && new Date(change.date).getTime() === updated.getTime();
    const entry: StaleContract = {
      contract: c.jobId,
      file: c.file,
      lastUpdated: updated.toISOString(),
      ageDays: ageDays(updated, options.now),
      owners: { source: [...c.owners.source], ingestion: [...c.owners.ingestion] },
      basis: fromCommit ? 'commit' : 'reviewed_at',
    };
    if (change) entry.commit = change.commit;
    result.push(entry);
  }
  return result.sort(
    (a, b) => a.lastUpdated.localeCompare(b.lastUpdated) || a.contract.localeCompare(b.contract),
  );
}
