import { STATUSES } from '../contract/types.js';
import { matchTable, parseCodeName } from '../detect/match.js';
import type { CatalogEntry } from '../site/catalog-entry.js';
import { tablePageKey } from '../site/links.js';
import { search } from '../site/search/engine.js';
import { apiMessages } from './messages.js';
import type { ServeState } from './serve-state.js';

/** A JSON answer: status code and body. Errors are `{ error: { status, message } }`. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** Query parameters as parsed by the server: anything, until checked. */
export type Query = Record<string, unknown>;

const fail = (status: number, message: string): ApiAnswer => ({
  status,
  body: { error: { status, message } },
});

/**
 * Checks a query against the parameters an endpoint knows: each at most once, a string, and
 * not too long. `__proto__`, arrays (`?a=1&a=2`) and nested objects (`?a[b]=1`) are refused.
 */
export function checkQuery(query: Query, known: readonly string[]): ApiAnswer | Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const key of Object.keys(query)) {
    if (!known.includes(key))
      return fail(400, `unknown query parameter "${key.slice(0, 40)}"; known: ${known.join(', ') || 'none'}`);
    const value = query[key];
    if (typeof value !== 'string')
      return fail(400, `query parameter "${key}" must be given once, as plain text`);
    if (value.length > 200) return fail(400, `query parameter "${key}" is too long (at most 200 characters)`);
    out[key] = value;
  }
  return out;
}

const isAnswer = (v: ApiAnswer | Record<string, string>): v is ApiAnswer =>
  typeof (v as ApiAnswer).status === 'number' && 'body' in v;

/** GET /api/contracts?owner=&table=&status=&stale= */
export function listContracts(state: ServeState, query: Query): ApiAnswer {
  const q = checkQuery(query, ['owner', 'table', 'status', 'stale']);
  if (isAnswer(q)) return q;
  if (q.status !== undefined && !(STATUSES as readonly string[]).includes(q.status))
    return fail(400, `status must be one of ${STATUSES.join(', ')}`);
  if (q.stale !== undefined && q.stale !== 'true' && q.stale !== 'false')
    return fail(400, 'stale must be true or false');
  const naming = q.table === undefined ? undefined : entriesNaming(state, q.table);
  if (q.table !== undefined && naming === undefined) return fail(400, apiMessages.notATable(q.table));
  const reading = naming && new Set(naming.map((f) => f.entry));
  const owner = q.owner?.toLowerCase();
  const contracts = state.entries.filter((e) => {
    const c = e.contract;
    if (
      owner !== undefined &&
      ![...c.owners.source, ...c.owners.ingestion].some((p) => p.toLowerCase() === owner)
    )
      return false;
    if (reading && !reading.has(e)) return false;
    if (q.status !== undefined && c.status !== q.status) return false;
    if (q.stale !== undefined && (e.freshness === 'stale') !== (q.stale === 'true')) return false;
    return true;
  });
  return {
    status: 200,
    body: {
      generated: state.generated,
      count: contracts.length,
      contracts: contracts.map((e) => state.json.get(e)),
    },
  };
}

const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/;

/** GET /api/contracts/:jobid */
export function getContract(state: ServeState, jobId: string, query: Query): ApiAnswer {
  const q = checkQuery(query, []);
  if (isAnswer(q)) return q;
  if (!JOB_ID.test(jobId)) return fail(400, 'a job id holds only letters, digits, "_", "-" and "."');
  const e = state.byJobId.get(jobId.toLowerCase());
  return e ? { status: 200, body: state.json.get(e) } : fail(404, `no contract with job id "${jobId}"`);
}

/** GET /api/tables/:table: which jobs read the table, and whom to contact. */
export function tableContacts(state: ServeState, table: string, query: Query): ApiAnswer {
  const q = checkQuery(query, []);
  if (isAnswer(q)) return q;
  if (table.length > 300) return fail(400, 'table name too long');
  const found = entriesNaming(state, table);
  if (found === undefined) return fail(400, apiMessages.notATable(table));
  const key = tablePageKey(table) ?? table;
  if (found.length === 0) {
    const elsewhere = [...new Set(state.registry.byTable(table).flatMap((c) => c.tables))]
      .filter((t) => tablePageKey(t) === key)
      .sort();
    return fail(404, apiMessages.noReader(table, elsewhere));
  }
  // Retired jobs are listed (marked) but have no one to contact: the guard ignores them too.
  const active = found.filter((f) => f.entry.contract.status !== 'retired');
  const uniq = (lists: string[][]) => [...new Set(lists.flat().map((p) => p.toLowerCase()))].sort();
  return {
    status: 200,
    body: {
      table: key,
      name: table,
      matches: [...new Set(found.flatMap((f) => f.tables))].sort(),
      contracts: found.map(({ entry, tables }) => ({
        contract: entry.contract.jobId,
        status: entry.contract.status,
        tables,
        owners: entry.contract.owners,
      })),
      contacts: {
        source: uniq(active.map((f) => f.entry.contract.owners.source)),
        ingestion: uniq(active.map((f) => f.entry.contract.owners.ingestion)),
      },
    },
  };
}

/**
 * The entries whose tables `name` names, with the guard's matching rules (src/detect/match.ts):
 * schema and database must agree where both names give them; a bare name matches any schema.
 * Undefined when `name` is not a table name.
 */
function entriesNaming(
  state: ServeState,
  name: string,
): { entry: CatalogEntry; tables: string[] }[] | undefined {
  if (parseCodeName(name) === undefined) return undefined;
  const byEntry = new Map<CatalogEntry, string[]>();
  for (const m of matchTable(name, state.registry, { includeRetired: true })) {
    const entry = state.byContract.get(m.contract);
    if (!entry) continue;
    const tables = byEntry.get(entry) ?? [];
    if (!tables.includes(m.table)) tables.push(m.table);
    byEntry.set(entry, tables);
  }
  return [...byEntry]
    .map(([entry, tables]) => ({ entry, tables }))
    .sort((a, b) => (a.entry.contract.jobId < b.entry.contract.jobId ? -1 : 1));
}

/** GET /api/search?q=&limit= with the site's own engine. */
export function searchContracts(state: ServeState, query: Query): ApiAnswer {
  const q = checkQuery(query, ['q', 'limit']);
  if (isAnswer(q)) return q;
  if (q.q === undefined || q.q.trim() === '') return fail(400, 'give a query: /api/search?q=orders');
  const limit = q.limit === undefined ? 20 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200)
    return fail(400, 'limit must be a whole number from 1 to 200');
  const hits = search(state.index, state.manifest, q.q);
  return {
    status: 200,
    body: {
      q: q.q,
      count: hits.length,
      results: hits.slice(0, limit).map((h) => {
        const e = state.entries[h.row]!;
        return {
          contract: e.contract.jobId,
          score: h.score,
          matched: h.fields,
          description: e.contract.description ?? null,
          freshness: e.freshness,
        };
      }),
    },
  };
}
