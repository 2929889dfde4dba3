/** How current a contract is: fresh, due for review soon, or stale (reminders go out). */
export type Freshness = 'fresh' | 'due' | 'stale';

export const DEFAULT_STALE_DAYS = 182.625; // six months
/** A contract is "due" in the last month before it turns stale. */
export const DUE_WINDOW_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * When a contract was last updated: the later of its file's last commit and its
 * `reviewed_at` date. Undefined when the file was never committed and has no review date
 * (such a contract counts as fresh).
 */
export function lastUpdated(
  lastCommitDate: string | undefined,
  reviewedAt: string | undefined,
): Date | undefined {
  const dates = [lastCommitDate, reviewedAt && `${reviewedAt}T00:00:00Z`]
    .filter((d): d is string => typeof d === 'string' && d !== '')
    .map((d) => new Date(d))
    .filter((d) => !Number.isNaN(d.getTime()));
  if (dates.length === 0) return undefined;
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

/** Whole days between two instants (floor). */
export const ageDays = (since: Date, now: Date): number =>
  Math.floor((now.getTime() - since.getTime()) / DAY_MS);

/** The freshness of a contract last updated at `updated` (undefined = never committed: fresh). */
export function freshness(updated: Date | undefined, now: Date, staleDays = DEFAULT_STALE_DAYS): Freshness {
  if (!updated) return 'fresh';
  const age = (now.getTime() - updated.getTime()) / DAY_MS;
  if (age >= staleDays) return 'stale';
  if (age >= staleDays - DUE_WINDOW_DAYS) return 'due';
  return 'fresh';
}
