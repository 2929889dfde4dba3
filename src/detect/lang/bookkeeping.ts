/** Tables that migration tools write on every run; never a change anyone contracts on. */
const BOOKKEEPING = new Set([
  'schema_migrations',
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
  'databasechangelog',
  'databasechangeloglock',
  '__diesel_schema_migrations',
  '__efmigrationshistory',
  'schema_migration',
  'goose_db_version',
  'gorp_migrations',
]);

/** Whether a table (any qualification, any quoting) is a migration tool's bookkeeping table. */
export function isBookkeepingTable(table: string): boolean {
  const last = table.split('.').pop() ?? table;
  return BOOKKEEPING.has(last.replace(/^["`[]|["`\]]$/g, '').toLowerCase());
}
