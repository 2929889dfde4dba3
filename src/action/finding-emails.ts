import { createHash } from 'node:crypto';
import type { Finding } from '../detect/types.js';

/** Where the comment keeps the fingerprints of the emails already sent for this pull request. */
const LEDGER = /<!-- dcr:emailed ([0-9a-f ]*) -->/;
/** Enough history for any pull request; old entries fall off first. */
const MAX_ENTRIES = 300;

export interface FindingEmail {
  to: string;
  /** Fingerprint of this person and this set of findings. */
  key: string;
  findings: Finding[];
}

const findingKey = (f: Finding) => [f.contract, f.table, f.file, f.change, f.evidence].join('\u0000');

/**
 * One email per owner for the findings that concern them, unless the ledger shows that this
 * exact set was already mailed to them (a re-run, or a push that changed nothing they own).
 */
export function planFindingEmails(findings: readonly Finding[], ledger: ReadonlySet<string>): FindingEmail[] {
  const byPerson = new Map<string, Finding[]>();
  for (const f of findings) {
    for (const email of new Set([...f.owners.source, ...f.owners.ingestion].map((e) => e.toLowerCase()))) {
      const list = byPerson.get(email) ?? [];
      list.push(f);
      byPerson.set(email, list);
    }
  }
  const plans: FindingEmail[] = [];
  for (const [to, list] of [...byPerson].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const key = createHash('sha256')
      .update([to, ...list.map(findingKey).sort()].join('\n'))
      .digest('hex')
      .slice(0, 20);
    if (!ledger.has(key)) plans.push({ to, key, findings: list });
  }
  return plans;
}

/** The fingerprints recorded in a comment body. */
export function readLedger(body: string | undefined): Set<string> {
  const match = body ? LEDGER.exec(body) : null;
  return new Set(match ? match[1]!.split(' ').filter(Boolean) : []);
}

/** The hidden ledger line for the comment (newest entries kept). */
export function ledgerLine(entries: Iterable<string>): string {
  const list = [...new Set(entries)].slice(-MAX_ENTRIES);
  return `<!-- dcr:emailed ${list.join(' ')} -->`;
}
