import type { SourceType } from '../contract/types.js';

/**
 * Where each ODCS v3.1.0 server type keeps dcr's source host and database, and which fields
 * the official schema requires for it (from `$defs/ServerSource`). A type with no place for
 * one of them carries it as a server custom property instead.
 */
interface ServerShape {
  host?: string;
  db?: string;
  required: readonly string[];
}

const SHAPES: Record<string, ServerShape> = {
  api: { host: 'location', required: ['location'] },
  athena: { db: 'catalog', required: ['stagingDir', 'schema'] },
  azure: { host: 'location', required: ['location', 'format'] },
  bigquery: { host: 'project', db: 'dataset', required: ['project', 'dataset'] },
  clickhouse: { host: 'host', db: 'database', required: ['host', 'port', 'database'] },
  databricks: { host: 'host', db: 'catalog', required: ['catalog', 'schema'] },
  denodo: { host: 'host', db: 'database', required: ['host', 'port'] },
  dremio: { host: 'host', required: ['host', 'port'] },
  duckdb: { db: 'database', required: ['database'] },
  glue: { host: 'account', db: 'database', required: ['account', 'database'] },
  cloudsql: { host: 'host', db: 'database', required: ['host', 'port', 'database', 'schema'] },
  db2: { host: 'host', db: 'database', required: ['host', 'port', 'database'] },
  hive: { host: 'host', db: 'database', required: ['host', 'database'] },
  impala: { host: 'host', db: 'database', required: ['host', 'database'] },
  informix: { host: 'host', db: 'database', required: ['host', 'database'] },
  zen: { host: 'host', db: 'database', required: ['host', 'database'] },
  custom: { host: 'host', db: 'database', required: [] },
  kafka: { host: 'host', required: ['host'] },
  kinesis: { required: [] },
  local: { host: 'path', required: ['path', 'format'] },
  mysql: { host: 'host', db: 'database', required: ['host', 'port', 'database'] },
  oracle: { host: 'host', db: 'serviceName', required: ['host', 'port', 'serviceName'] },
  postgresql: { host: 'host', db: 'database', required: ['host', 'port', 'database', 'schema'] },
  postgres: { host: 'host', db: 'database', required: ['host', 'port', 'database', 'schema'] },
  presto: { host: 'host', db: 'catalog', required: ['host'] },
  pubsub: { host: 'project', required: ['project'] },
  redshift: { host: 'host', db: 'database', required: ['database', 'schema'] },
  s3: { host: 'location', required: ['location'] },
  sftp: { host: 'location', required: ['location'] },
  snowflake: { host: 'host', db: 'database', required: ['account', 'database', 'schema'] },
  sqlserver: { host: 'host', db: 'database', required: ['host', 'database', 'schema'] },
  synapse: { host: 'host', db: 'database', required: ['host', 'port', 'database'] },
  trino: { host: 'host', db: 'catalog', required: ['host', 'port', 'catalog', 'schema'] },
  vertica: { host: 'host', db: 'database', required: ['host', 'port', 'database', 'schema'] },
};

/** dcr source types that have an ODCS server type of their own. */
const ODCS_TYPE: Partial<Record<SourceType, string>> = {
  postgres: 'postgres',
  mysql: 'mysql',
  sqlserver: 'sqlserver',
  oracle: 'oracle',
  db2: 'db2',
  snowflake: 'snowflake',
  bigquery: 'bigquery',
  redshift: 'redshift',
  databricks: 'databricks',
  kafka: 'kafka',
  kinesis: 'kinesis',
  pubsub: 'pubsub',
  api: 'api',
  s3: 's3',
  sftp: 'sftp',
};

const SOURCE_TYPE: Record<string, SourceType> = Object.fromEntries([
  ...Object.entries(ODCS_TYPE).map(([dcr, odcs]) => [odcs, dcr]),
  ['postgresql', 'postgres'],
]);

const shapeOf = (type: string): ServerShape => SHAPES[type] ?? SHAPES.custom!;

/** The field of a server of this type that holds the host, if it has one. */
export const hostField = (type: string): string | undefined => shapeOf(type).host;

/** The field of a server of this type that holds the database, if it has one. */
export const dbField = (type: string): string | undefined => shapeOf(type).db;

/** The dcr source type an ODCS server type stands for (`custom` and unknown types: none). */
export const sourceTypeOf = (odcsType: string): SourceType | undefined =>
  Object.hasOwn(SOURCE_TYPE, odcsType) ? SOURCE_TYPE[odcsType] : undefined;

/** The ODCS server type of a dcr source type, when ODCS has one (else `custom` is used). */
export const ownServerType = (sourceType: SourceType | undefined): string | undefined =>
  sourceType === undefined ? undefined : ODCS_TYPE[sourceType];

/** Whether a server has every field the official schema requires for its type. */
export const requiredMet = (type: string, server: Record<string, unknown>): boolean =>
  shapeOf(type).required.every((field) => Object.hasOwn(server, field));
