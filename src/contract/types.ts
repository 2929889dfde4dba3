import type { PolicySetting } from '../severity/policy.js';

/**
 * The contract format in TypeScript. `schema/contract.schema.json` is the single source of
 * truth; test/unit/schema-types.test.ts fails if these lists and the schema drift apart.
 */

export const INGESTION_TYPES = ['full', 'incremental', 'cdc', 'stream'] as const;
export type IngestionType = (typeof INGESTION_TYPES)[number];

export const STATUSES = ['draft', 'active', 'deprecated', 'retired'] as const;
export type Status = (typeof STATUSES)[number];

export const POLICIES = ['warn', 'block'] as const;
export type Policy = (typeof POLICIES)[number];
/** `warn`, `block`, or severity thresholds (`{ block: breaking, warn: risky }`). */
export type { PolicySetting };

export const SOURCE_TYPES = [
  'postgres',
  'mysql',
  'mariadb',
  'sqlserver',
  'oracle',
  'db2',
  'sqlite',
  'snowflake',
  'bigquery',
  'redshift',
  'databricks',
  'mongodb',
  'cassandra',
  'dynamodb',
  'elasticsearch',
  'kafka',
  'kinesis',
  'pubsub',
  'api',
  's3',
  'gcs',
  'sftp',
  'file',
  'other',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** A contract exactly as written in YAML (after the schema accepted it). */
export interface ContractDocument {
  ingestion_jobid: string;
  description?: string;
  status?: Status;
  source_host: string;
  source_db: string;
  source_type?: SourceType;
  source_table?: string;
  source_tables?: string[];
  source_repo?: string;
  ingestion_type: IngestionType;
  ingestion_frequency_minutes?: number | string;
  source_owner: string | string[];
  ingestion_owner: string | string[];
  destination?: string;
  tags?: string[];
  reviewed_at?: string;
  policy?: PolicySetting;
}

/** Every top-level key of the format; typed so that adding a field to the type forces it here. */
export const CONTRACT_FIELDS: { readonly [K in keyof Required<ContractDocument>]: true } = {
  ingestion_jobid: true,
  description: true,
  status: true,
  source_host: true,
  source_db: true,
  source_type: true,
  source_table: true,
  source_tables: true,
  source_repo: true,
  ingestion_type: true,
  ingestion_frequency_minutes: true,
  source_owner: true,
  ingestion_owner: true,
  destination: true,
  tags: true,
  reviewed_at: true,
  policy: true,
};

export interface Owners {
  source: string[];
  ingestion: string[];
}

/** A contract normalised for programs: one shape for tables and owners, numbers as numbers. */
export interface Contract {
  jobId: string;
  /** Path of the contract file relative to the registry root, with forward slashes. */
  file: string;
  description?: string;
  status: Status;
  sourceHost: string;
  sourceDb: string;
  sourceType?: SourceType;
  tables: string[];
  sourceRepo?: string;
  ingestionType: IngestionType;
  frequencyMinutes?: number;
  owners: Owners;
  destination?: string;
  tags: string[];
  reviewedAt?: string;
  policy?: PolicySetting;
  /** `x-` keys, kept as written. */
  extensions: Record<string, unknown>;
}
