import type { Ledger, PendingDigest } from './ledger.js';
import type { StaleContract } from './stale.js';

const DAY_MS = 86_400_000;

/** A stale contract in one person's digest, with the roles the person has in it. */
export interface DigestItem {
  stale: StaleContract;
  roles: ('source' | 'ingestion')[];
}

export interface PlannedDigest {
  person: string;
  items: DigestItem[];
}

export interface SkippedPerson {
  person: string;
  contracts: string[];
  reason: 'reminded-recently' | 'uncertain' | 'claimed';
  /** When the next reminder can go out. */
  nextAt: string;
  pending?: PendingDigest;
}

export interface ReminderPlan {
  send: PlannedDigest[];
  skipped: SkippedPerson[];
}

/**
 * Who gets a digest now, and with which contracts. A person is reminded about a contract at
 * most once per interval, until the contract changes (its last-updated date moves). A person
 * whose previous digest has an unknown outcome is skipped for the interval, unless
 * `resendUncertain` says otherwise. A digest another run claimed is skipped while
 * `claimExpiry` says the claim holds (returns when it lapses; undefined: it is free now).
 */
export function planReminders(
  stale: readonly StaleContract[],
  ledger: Pick<Ledger, 'reminded' | 'pending'>,
  options: {
    now: Date;
    intervalDays: number;
    resendUncertain?: boolean;
    claimExpiry?: (claim: PendingDigest) => Date | undefined;
  },
): ReminderPlan {
  const interval = options.intervalDays * DAY_MS;
  const now = options.now.getTime();
  const byPerson = new Map<string, DigestItem[]>();
  for (const s of stale) {
    const roles = new Map<string, DigestItem['roles']>();
    for (const side of ['source', 'ingestion'] as const) {
      for (const email of s.owners[side]) {
        const key = email.toLowerCase();
        const list = roles.get(key) ?? [];
        if (!list.includes(side)) list.push(side);
        roles.set(key, list);
      }
    }
    for (const [person, r] of roles) {
      const items = byPerson.get(person) ?? [];
      items.push({ stale: s, roles: r });
      byPerson.set(person, items);
    }
  }
  const plan: ReminderPlan = { send: [], skipped: [] };
  for (const person of [...byPerson.keys()].sort()) {
    const items = byPerson.get(person)!;
    const pending = ledger.pending(person);
    // Another run holds it (claimed, or handed over and waiting for the answer): its business.
    const until = pending?.run ? options.claimExpiry?.(pending) : undefined;
    if (until) {
      plan.skipped.push({
        person,
        contracts: items.map((i) => i.stale.contract),
        reason: 'claimed',
        nextAt: until.toISOString(),
        pending: pending!,
      });
      continue;
    }
    // A claim of a run that is gone never reached the server: the digest is due again.
    if (
      pending &&
      pending.state !== 'claimed' &&
      !options.resendUncertain &&
      now - Date.parse(pending.at) < interval
    ) {
      plan.skipped.push({
        person,
        contracts: items.map((i) => i.stale.contract),
        reason: 'uncertain',
        nextAt: new Date(Date.parse(pending.at) + interval).toISOString(),
        pending,
      });
      continue;
    }
    const due: DigestItem[] = [];
    let next = Infinity;
    for (const item of items) {
      const record = ledger.reminded(person, item.stale.contract);
      const fresh =
        record && record.lastUpdated === item.stale.lastUpdated && now - Date.parse(record.at) < interval;
      if (fresh) next = Math.min(next, Date.parse(record.at) + interval);
      else due.push(item);
    }
    if (due.length > 0) plan.send.push({ person, items: due });
    else
      plan.skipped.push({
        person,
        contracts: items.map((i) => i.stale.contract),
        reason: 'reminded-recently',
        nextAt: new Date(next).toISOString(),
      });
  }
  return plan;
}
