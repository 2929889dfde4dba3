import { parseTableName, partKey } from '../contract/table-name.js';
import type { Contract } from '../contract/types.js';
import type { Message } from '../messages.js';
import type { Severity } from '../parse/diagnostic.js';
import { suggest } from '../util/suggest.js';
import { verifyMessages as say } from './messages.js';
import { typeMatches } from './pg-type.js';
import type { DbColumn, DbSnapshot, DbTable } from './snapshot.js';

/** Where in the contract a drift belongs: the table entry, a column entry or one of its fields. */
export type DriftPlace = 'table' | 'column' | 'type' | 'nullable' | 'key' | 'cursor';

/** One difference between a contract and the live database. */
export interface Drift {
  rule: string;
  severity: Severity;
  message: Message;
  /** The table as the contract writes it. */
  table: string;
  /** The column as the contract writes it. */
  column?: string;
  place: DriftPlace;
}

/** The rules of `dcr verify`, with their default severity. */
export const VERIFY_RULES = {
  'table-missing': 'error',
  'column-missing': 'error',
  'column-type': 'error',
  'column-nullable': 'error',
  'column-not-null': 'warning',
} as const satisfies Record<string, Severity>;

const drift = (rule: keyof typeof VERIFY_RULES, fields: Omit<Drift, 'rule' | 'severity'>): Drift => ({
  rule,
  severity: VERIFY_RULES[rule],
  ...fields,
});

/** The table names (as the catalog stores them) a set of contracts needs, for one batched query. */
export function wantedTableNames(contracts: readonly Contract[]): string[] {
  const names = new Set<string>();
  for (const c of contracts) {
    for (const t of c.tables) {
      const parsed = parseTableName(t);
      if (!('error' in parsed)) names.add(partKey(parsed.table));
    }
  }
  return [...names].sort();
}

/** Finds a table of the snapshot by a contract's name: schema-qualified, or along the search path. */
export class TableIndex {
  private readonly byKey = new Map<string, DbTable>();
  constructor(private readonly snapshot: DbSnapshot) {
    for (const t of snapshot.tables) this.byKey.set(`${t.schema}\0${t.name}`, t);
  }

  /** The table, or the schemas it was looked for in. */
  find(name: string): DbTable | { lookedIn: string[] } {
    const parsed = parseTableName(name);
    if ('error' in parsed) return { lookedIn: [] };
    const table = partKey(parsed.table);
    const schemas = parsed.schema ? [partKey(parsed.schema)] : this.snapshot.searchPath;
    for (const schema of schemas) {
      const hit = this.byKey.get(`${schema}\0${table}`);
      if (hit) return hit;
    }
    return { lookedIn: schemas };
  }
}

/** A column by its name as written, else by the name an unquoted identifier folds to. */
function findColumn(table: DbTable, name: string): DbColumn | undefined {
  return (
    table.columns.find((c) => c.name === name) ?? table.columns.find((c) => c.name === name.toLowerCase())
  );
}

/** Compares one contract with the database; `db` names the database in messages. */
export function compareContract(c: Contract, index: TableIndex, db: string): Drift[] {
  const out: Drift[] = [];
  for (const name of new Set(c.tables)) {
    const found = index.find(name);
    if ('lookedIn' in found) {
      const where = found.lookedIn.length ? `schema ${found.lookedIn.join(', ')}` : 'no schema';
      out.push(
        drift('table-missing', { message: say.tableMissing(name, db, where), table: name, place: 'table' }),
      );
      continue;
    }
    const details = c.tableColumns && Object.hasOwn(c.tableColumns, name) ? c.tableColumns[name] : undefined;
    if (!details) continue;
    const qualified = `${found.schema}.${found.name}`;
    const missing = (column: string, role: string | undefined, place: DriftPlace) =>
      drift('column-missing', {
        message: say.columnMissing(
          column,
          qualified,
          role,
          suggest(
            column,
            found.columns.map((x) => x.name),
          ),
        ),
        table: name,
        column,
        place,
      });
    const listed = new Set<string>();
    for (const col of details.columns ?? []) {
      listed.add(col.name);
      const actual = findColumn(found, col.name);
      if (!actual) {
        const role =
          details.cursorColumn === col.name
            ? 'cursor'
            : details.keyColumns?.includes(col.name)
              ? 'key'
              : undefined;
        out.push(missing(col.name, role, 'column'));
        continue;
      }
      if (col.type !== undefined && !typeMatches(col.type, actual.type)) {
        out.push(
          drift('column-type', {
            message: say.typeMismatch(col.name, qualified, col.type, actual.type),
            table: name,
            column: col.name,
            place: 'type',
          }),
        );
      }
      if (col.nullable === false && actual.nullable) {
        out.push(
          drift('column-nullable', {
            message: say.mayBeNull(col.name, qualified),
            table: name,
            column: col.name,
            place: 'nullable',
          }),
        );
      } else if (col.nullable === true && !actual.nullable) {
        out.push(
          drift('column-not-null', {
            message: say.neverNull(col.name, qualified),
            table: name,
            column: col.name,
            place: 'nullable',
          }),
        );
      }
    }
    // Key and cursor columns not listed among the columns (or no columns listed) are checked here.
    for (const key of details.keyColumns ?? []) {
      if (!listed.has(key) && !findColumn(found, key)) out.push(missing(key, 'key', 'key'));
    }
    const cursor = details.cursorColumn;
    if (cursor !== undefined && !listed.has(cursor) && !findColumn(found, cursor))
      out.push(missing(cursor, 'cursor', 'cursor'));
  }
  return out;
}
