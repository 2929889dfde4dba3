/** What the database says about the tables a set of contracts names. */
export interface DbColumn {
  name: string;
  /** As `format_type()` prints it: `integer`, `character varying(64)`. */
  type: string;
  nullable: boolean;
}

export interface DbTable {
  schema: string;
  name: string;
  /** `table`, `view`, `materialized view`, `partitioned table`, `foreign table`. */
  kind: string;
  columns: DbColumn[];
}

export interface DbSnapshot {
  /** The schemas an unqualified name is looked up in, in order (`current_schemas(false)`). */
  searchPath: string[];
  tables: DbTable[];
}
