import { policyText } from '../severity/policy.js';
import { rateContractChange, type RatedChange } from '../severity/rate-contract-change.js';
import { tableKey } from './table-name.js';
import type { Contract, Owners } from './types.js';

/** A field of a contract that a pull request can change, in the order a reviewer reads them. */
export type DiffField =
  | 'status'
  | 'owners.source'
  | 'owners.ingestion'
  | 'tables'
  | 'ingestionType'
  | 'frequencyMinutes'
  | 'sourceHost'
  | 'sourceDb'
  | 'sourceType'
  | 'sourceRepo'
  | 'destination'
  | 'policy'
  | 'file'
  | 'description'
  | 'tags';

/** One field's change. Lists say what was added and removed; scalars say before and after. */
export interface FieldChange {
  field: DiffField;
  before?: string | number;
  after?: string | number;
  added?: string[];
  removed?: string[];
}

export interface ContractChange {
  contract: string;
  kind: 'added' | 'removed' | 'changed';
  /** True when the change retires the contract (status becomes `retired`). */
  retired: boolean;
  /** Where the contract lives after the change (before it, for removals). */
  file: string;
  fields: FieldChange[];
  owners: { before?: Owners; after?: Owners };
  /** The rules the change triggers (code, severity, what), most serious first: as `dcr diff` lists them. */
  rules: RatedChange[];
}

const SCALARS: { field: DiffField; get: (c: Contract) => string | number | undefined }[] = [
  { field: 'ingestionType', get: (c) => c.ingestionType },
  { field: 'frequencyMinutes', get: (c) => c.frequencyMinutes },
  { field: 'sourceHost', get: (c) => c.sourceHost },
  { field: 'sourceDb', get: (c) => c.sourceDb },
  { field: 'sourceType', get: (c) => c.sourceType },
  { field: 'sourceRepo', get: (c) => c.sourceRepo },
  { field: 'destination', get: (c) => c.destination },
  { field: 'policy', get: (c) => (c.policy === undefined ? undefined : policyText(c.policy)) },
  { field: 'file', get: (c) => c.file },
  { field: 'description', get: (c) => c.description },
];

const ORDER: DiffField[] = [
  'status',
  'owners.source',
  'owners.ingestion',
  'tables',
  ...SCALARS.map((s) => s.field),
  'tags',
];

/**
 * What changed between two sets of contracts, contract by contract and field by field.
 * Contracts are matched by job id (case-insensitive); a changed job id is a removal and an
 * addition. Pure: works on values, sorted by job id.
 */
export function diffContracts(before: readonly Contract[], after: readonly Contract[]): ContractChange[] {
  const old = new Map(before.map((c) => [c.jobId.toLowerCase(), c]));
  const now = new Map(after.map((c) => [c.jobId.toLowerCase(), c]));
  const changes: ContractChange[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(key);
    const b = now.get(key);
    if (a && b) {
      const fields = diffFields(a, b);
      const rules = rateContractChange(a, b);
      if (fields.length === 0 && rules.length === 0) continue;
      changes.push({
        contract: b.jobId,
        kind: 'changed',
        retired: b.status === 'retired' && a.status !== 'retired',
        file: b.file,
        fields,
        owners: { before: a.owners, after: b.owners },
        rules,
      });
    } else if (b) {
      changes.push({
        contract: b.jobId,
        kind: 'added',
        retired: false,
        file: b.file,
        fields: [],
        owners: { after: b.owners },
        rules: rateContractChange(undefined, b),
      });
    } else if (a) {
      changes.push({
        contract: a.jobId,
        kind: 'removed',
        retired: false,
        file: a.file,
        fields: [],
        owners: { before: a.owners },
        rules: rateContractChange(a, undefined),
      });
    }
  }
  return changes.sort((x, y) => (x.contract < y.contract ? -1 : x.contract > y.contract ? 1 : 0));
}

function diffFields(a: Contract, b: Contract): FieldChange[] {
  const fields: FieldChange[] = [];
  if (a.status !== b.status) fields.push({ field: 'status', before: a.status, after: b.status });
  const lower = (s: string) => s.toLowerCase();
  list(fields, 'owners.source', a.owners.source, b.owners.source, lower);
  list(fields, 'owners.ingestion', a.owners.ingestion, b.owners.ingestion, lower);
  list(fields, 'tables', a.tables, b.tables, tableKeyOf);
  for (const { field, get } of SCALARS) {
    const x = get(a);
    const y = get(b);
    if (x !== y)
      fields.push({
        field,
        ...(x !== undefined ? { before: x } : {}),
        ...(y !== undefined ? { after: y } : {}),
      });
  }
  list(fields, 'tags', a.tags, b.tags, (s) => s);
  return fields.sort((x, y) => ORDER.indexOf(x.field) - ORDER.indexOf(y.field));
}

function list(
  out: FieldChange[],
  field: DiffField,
  a: readonly string[],
  b: readonly string[],
  key: (s: string) => string,
) {
  const inA = new Set(a.map(key));
  const inB = new Set(b.map(key));
  const added = b.filter((x) => !inA.has(key(x)));
  const removed = a.filter((x) => !inB.has(key(x)));
  if (added.length || removed.length) {
    out.push({ field, ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}) });
  }
}

/** Tables compare by their normalised name, so `Orders` and `orders` are the same table. */
const tableKeyOf = (name: string): string => tableKey(name) ?? name;

/** Everyone who owns the contract before or after the change (lower-cased, sorted). */
export function changePeople(change: ContractChange): string[] {
  const all = [change.owners.before, change.owners.after].flatMap((o) =>
    o ? [...o.source, ...o.ingestion] : [],
  );
  return [...new Set(all.map((e) => e.toLowerCase()))].sort();
}
