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

/** A column the job reads, as written: a bare name or a mapping. */
export type ColumnEntry =
  | string
  | {
      name: string;
      type?: string;
      nullable?: boolean;
      /** `x-` keys. */
      [extension: `x-${string}`]: unknown;
    };

/** A table the job reads, as written: a bare name or a mapping with its columns. */
export type TableEntry =
  | string
  | {
      name: string;
      columns?: ColumnEntry[];
      key_columns?: string[];
      cursor_column?: string;
      /** `x-` keys. */
      [extension: `x-${string}`]: unknown;
    };

/** The keys of a table mapping (besides `x-` keys); test/unit/schema-types.test.ts checks the schema agrees. */
export const TABLE_FIELDS = ['name', 'columns', 'key_columns', 'cursor_column'] as const;
/** The keys of a column mapping (besides `x-` keys). */
export const COLUMN_FIELDS = ['name', 'type', 'nullable'] as const;

/** A contract exactly as written in YAML (after the schema accepted it). */
export interface ContractDocument {
  ingestion_jobid: string;
  description?: string;
  status?: Status;
  source_host: string;
  source_db: string;
  source_type?: SourceType;
  source_table?: TableEntry;
  source_tables?: TableEntry[];
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

/** A column the job reads, normalised: the name as written, type and nullability when stated. */
export interface ColumnSpec {
  name: string;
  /** As the source database spells it, as written. */
  type?: string;
  nullable?: boolean;
}

/** What a contract says about one of its tables beyond the name. */
export interface TableDetails {
  /** The columns the job reads; undefined when the contract lists none. */
  columns?: ColumnSpec[];
  keyColumns?: string[];
  cursorColumn?: string;
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
  /**
   * Per-table details for the tables written as a mapping, keyed by the table name as
   * written (as in `tables`); absent when no table is. A prototype-free object.
   */
  tableColumns?: Record<string, TableDetails>;
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
