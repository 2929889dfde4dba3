import type { ClientConfig } from 'pg';
import { DcrError, ExitCode } from '../errors.js';
import { dsnPassword, scrub, type DsnTarget } from './dsn.js';
import { verifyMessages as say } from './messages.js';
import type { DbSnapshot, DbTable } from './snapshot.js';

export interface CatalogRead {
  dsn: string;
  target: DsnTarget;
  /** Table names as the catalog stores them (folded unless quoted). */
  tables: readonly string[];
  /** For connecting and for each statement. */
  timeoutMs: number;
  /** Other secrets to scrub from what the driver says (PGPASSWORD). */
  secrets?: readonly (string | undefined)[];
}

const KINDS: Record<string, string> = {
  r: 'table',
  p: 'partitioned table',
  v: 'view',
  m: 'materialized view',
  f: 'foreign table',
};

// One query for every table the contracts name, whatever their number: columns in order,
// with their type as format_type() prints it. System schemas are left out.
const COLUMNS_SQL = `SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind, a.attname AS column,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
   AND c.relname = ANY($1::text[])
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\\_toast%'
 ORDER BY n.nspname, c.relname, a.attnum`;

interface Row {
  schema: string;
  name: string;
  kind: string;
  column: string | null;
  type: string | null;
  notnull: boolean | null;
}

/**
 * Reads the tables and columns the contracts name, in one read-only transaction with a
 * statement timeout. node-postgres is loaded here only, so no hook pays for it. Every failure
 * becomes a DcrError whose text holds no password.
 */
export async function readCatalog(read: CatalogRead): Promise<DbSnapshot> {
  const { default: pg } = await import('pg');
  const secrets = [dsnPassword(read.dsn), ...(read.secrets ?? [])];
  const config: ClientConfig = {
    connectionString: read.dsn,
    connectionTimeoutMillis: read.timeoutMs,
    statement_timeout: read.timeoutMs,
    query_timeout: read.timeoutMs + 1000,
    application_name: 'dcr verify',
  };
  const client = new pg.Client(config);
  // A server that drops the connection later must not end the process with an unhandled error.
  client.on('error', () => undefined);
  try {
    try {
      await client.connect();
    } catch (error) {
      throw connectError(error, read, secrets);
    }
    try {
      // Read-only by construction: nothing dcr sends can write, whatever the user may do.
      await client.query('BEGIN TRANSACTION READ ONLY');
      const path = await client.query<{ path: string[] }>(
        'SELECT pg_catalog.current_schemas(false)::text[] AS path',
      );
      const rows = await client.query<Row>(COLUMNS_SQL, [read.tables]);
      await client.query('ROLLBACK');
      return snapshotOf(path.rows[0]?.path ?? [], rows.rows);
    } catch (error) {
      const m = say.queryFailed(
        read.target.display,
        scrub((error as Error).message ?? String(error), secrets),
      );
      throw new DcrError(m.message, { ...(m.hint ? { hint: m.hint } : {}), exitCode: ExitCode.Usage });
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

function snapshotOf(searchPath: string[], rows: readonly Row[]): DbSnapshot {
  const tables = new Map<string, DbTable>();
  for (const r of rows) {
    const key = `${r.schema}\0${r.name}`;
    let t = tables.get(key);
    if (!t) {
      t = { schema: r.schema, name: r.name, kind: KINDS[r.kind] ?? r.kind, columns: [] };
      tables.set(key, t);
    }
    if (r.column !== null) t.columns.push({ name: r.column, type: r.type ?? '', nullable: !r.notnull });
  }
  return { searchPath: Array.isArray(searchPath) ? searchPath : [], tables: [...tables.values()] };
}

/** One calm sentence for a failed connection: refused password, no answer, or the network's reason. */
function connectError(error: unknown, read: CatalogRead, secrets: readonly (string | undefined)[]): DcrError {
  const e = error as Error & { code?: string };
  const db = read.target.display;
  let m;
  if (e.code === '28P01' || e.code === '28000') m = say.authFailed(db, read.target.user);
  else if (/timeout/i.test(e.message ?? '')) m = say.timedOut(db, read.timeoutMs / 1000);
  else m = say.connectFailed(db, scrub(networkReason(e), secrets));
  return new DcrError(m.message, { ...(m.hint ? { hint: m.hint } : {}), exitCode: ExitCode.Usage });
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'nothing listens on that host and port (connection refused)',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve (DNS did not answer)',
  ECONNRESET: 'the server closed the connection',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
};

const networkReason = (e: Error & { code?: string }) =>
  (e.code && REASONS[e.code]) || e.message || e.code || 'unknown error';
