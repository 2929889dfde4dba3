/**
 * Tables that migration tools write on every run; a change to them is never a change to data
 * anyone ingests. Compared on the bare name, case-insensitively.
 */
const BOOKKEEPING = new Set([
  'schema_migrations',
  'schema_migration',
  'ar_internal_metadata',
  'django_migrations',
  'alembic_version',
  '_prisma_migrations',
  'knex_migrations',
  'knex_migrations_lock',
  'sequelizemeta',
  'sequelizedata',
  'migrations',
  'typeorm_metadata',
  'flyway_schema_history',
  'schema_version',
  'databasechangelog',
  'databasechangeloglock',
  '__diesel_schema_migrations',
  '__efmigrationshistory',
  'goose_db_version',
  'gorp_migrations',
  'sqitch_changes',
  'migration_versions',
  'doctrine_migration_versions',
]);

/** Whether a table name (as written, maybe qualified and quoted) is a migration tool's bookkeeping table. */
export function isBookkeepingTable(name: string): boolean {
  const bare = bareName(name).toLowerCase();
  return BOOKKEEPING.has(bare);
}

/** The last part of a qualified name without its quotes: `"public"."apiKeys"` → `apiKeys`. */
export function bareName(name: string): string {
  const m = /(?:"((?:[^"]|"")*)"|`((?:[^`]|``)*)`|\[([^\]]*)\]|([^."`[\]]+))\s*$/.exec(name);
  if (!m) return name;
  return (m[1] ?? m[2] ?? m[3] ?? m[4] ?? name).trim();
}
