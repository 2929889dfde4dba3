import { contractPeople } from '../contract/normalize.js';
import { parseTableName, partKey } from '../contract/table-name.js';
import type { Contract } from '../contract/types.js';

/** The contracts a person appears in, by side. */
export interface PersonRoles {
  source: Contract[];
  ingestion: Contract[];
}

/**
 * An immutable snapshot of all contracts, indexed by job id, by table and by person.
 * Lookups use Maps, never plain objects, so contract-supplied keys cannot reach prototypes.
 */
export class Registry {
  readonly contracts: readonly Contract[];
  private readonly byJobId = new Map<string, Contract>();
  /** Keyed by the bare table name (last part, case-folded unless quoted). */
  private readonly byTableName = new Map<string, Contract[]>();
  private readonly byPerson = new Map<string, PersonRoles>();

  constructor(contracts: readonly Contract[]) {
    this.contracts = [...contracts].sort((a, b) => (a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0));
    for (const c of this.contracts) {
      if (!this.byJobId.has(c.jobId.toLowerCase())) this.byJobId.set(c.jobId.toLowerCase(), c);
      for (const t of c.tables) {
        const parsed = parseTableName(t);
        if ('error' in parsed) continue;
        const key = partKey(parsed.table);
        const list = this.byTableName.get(key) ?? [];
        if (!list.includes(c)) list.push(c);
        this.byTableName.set(key, list);
      }
      for (const person of contractPeople(c)) {
        const roles = this.byPerson.get(person) ?? { source: [], ingestion: [] };
        if (c.owners.source.some((e) => e.toLowerCase() === person)) roles.source.push(c);
        if (c.owners.ingestion.some((e) => e.toLowerCase() === person)) roles.ingestion.push(c);
        this.byPerson.set(person, roles);
      }
    }
  }

  get size(): number {
    return this.contracts.length;
  }

  /** The contract with this job id (case-insensitive). */
  get(jobId: string): Contract | undefined {
    return this.byJobId.get(jobId.toLowerCase());
  }

  /** Contracts naming a table whose last part is `name` (any schema or database). */
  byTable(name: string): readonly Contract[] {
    const parsed = parseTableName(name);
    if ('error' in parsed) return [];
    return this.byTableName.get(partKey(parsed.table)) ?? [];
  }

  /** Contracts naming a table whose last part has this key (case-folded unless quoted, no quotes). */
  byTableKey(key: string): readonly Contract[] {
    return this.byTableName.get(key) ?? [];
  }

  /** Every bare table name the registry knows, case-folded unless quoted. */
  tableNames(): IterableIterator<string> {
    return this.byTableName.keys();
  }

  /** What a person owns and ingests (email, case-insensitive). */
  person(email: string): PersonRoles {
    return this.byPerson.get(email.toLowerCase()) ?? { source: [], ingestion: [] };
  }

  /** Every person named in any contract, lower-cased, sorted. */
  people(): string[] {
    return [...this.byPerson.keys()].sort();
  }
}
