import type { Extractor } from '../types.js';

/**
 * The extractors as the change guard meets them: a path test that costs nothing and the module
 * that does the work, imported only when a changed file's path passes the test. A commit of
 * documentation loads none of them; a commit of SQL loads the SQL readers only.
 *
 * `paths` must accept every path the extractor's `matches` accepts (a superset: `matches` then
 * decides with the file's text). The order is `EXTRACTORS`' order (most specific first); a test
 * holds both to it.
 */
export interface LazyExtractor {
  /** The extractor's id (two entries may share one, e.g. Rails migrations and schema.rb). */
  id: string;
  paths: RegExp;
  /**
   * A sign the file's text must hold for `matches` to accept it (a superset, checked on both
   * corpora by test/detect/changes/lazy-extractors.test.ts): application code without it never
   * loads the extractor. Undefined: the path alone decides.
   */
  text?: RegExp;
  load: () => Promise<Extractor>;
}

const JS = /\.[cm]?[jt]s$/;

export const LAZY_EXTRACTORS: readonly LazyExtractor[] = [
  {
    id: 'rails',
    paths: /(^|\/)db\/[\w-]*migrate[\w-]*\/.*\.rb$/,
    load: async () => (await import('./rails.js')).railsExtractor,
  },
  {
    id: 'rails',
    paths: /(^|\/)db\/([\w-]+_)?schema\.rb$/,
    load: async () => (await import('./schema-rb.js')).schemaRbExtractor,
  },
  {
    id: 'django',
    paths: /\.py$/,
    text: /\bmigrations\b|models\.Model|from django\.db import models/,
    load: async () => (await import('./django.js')).djangoExtractor,
  },
  {
    id: 'alembic',
    paths: /\.py$/,
    text: /alembic|\brevision\b/,
    load: async () => (await import('./alembic.js')).alembicExtractor,
  },
  {
    id: 'prisma',
    paths: /\.prisma$|(^|\/)migrations\/[^/]+\/migration\.sql$/,
    load: async () => (await import('./prisma.js')).prismaExtractor,
  },
  {
    id: 'typeorm',
    paths: JS,
    text: /\bMigrationInterface\b|\bQueryRunner\b|@Entity\s*\(/,
    load: async () => (await import('./typeorm.js')).typeormExtractor,
  },
  {
    id: 'sequelize',
    paths: JS,
    text: /queryInterface|sequelize|DataTypes|\bup\b/i,
    load: async () => (await import('./sequelize.js')).sequelizeExtractor,
  },
  {
    id: 'knex',
    paths: JS,
    text: /\b(exports\.up|function\s+up|up\s*[:=(])/,
    load: async () => (await import('./knex.js')).knexExtractor,
  },
  {
    id: 'doctrine',
    paths: /\.php$|\.xml$/,
    load: async () => (await import('./doctrine.js')).doctrineExtractor,
  },
  { id: 'laravel', paths: /\.php$/, load: async () => (await import('./laravel.js')).laravelExtractor },
  { id: 'ecto', paths: /\.exs?$/, load: async () => (await import('./ecto.js')).ectoExtractor },
  { id: 'efcore', paths: /\.cs$/, load: async () => (await import('./efcore.js')).efcoreExtractor },
  {
    id: 'dbt',
    // Models and snapshots, seeds, YAML (dbt's own tests, in dbt.ts, decide with the text).
    paths: /(?:^|\/)(?:models|snapshots)\/.*\.sql$|(?:^|\/)seeds\/.*\.csv$|\.ya?ml$/i,
    load: async () => (await import('./dbt.js')).dbtExtractor,
  },
  {
    id: 'liquibase',
    paths: /\.(?:xml|ya?ml|json)$/i,
    load: async () => (await import('./liquibase.js')).liquibaseExtractor,
  },
  { id: 'sql', paths: /\.sql$/i, load: async () => (await import('./sql.js')).sqlExtractor },
];

/** Whether some extractor may claim a file at this path (its text decides). */
export const mayClaim = (path: string): boolean => LAZY_EXTRACTORS.some((e) => e.paths.test(path));

/** Starts loading, without waiting, the extractors that files at these paths may need whatever their text. */
export function preloadExtractors(paths: Iterable<string>): void {
  for (const path of paths)
    for (const e of LAZY_EXTRACTORS) if (!e.text && e.paths.test(path)) void e.load().catch(() => undefined);
}

/**
 * The extractor lookup for a set of changed files: loads the modules those files may need (in
 * parallel, each once), then answers like `extractorFor` for any of them. A file given without
 * its texts may need every extractor of its path.
 */
export async function extractorLookup(
  files: Iterable<string | { path: string; texts?: readonly (string | undefined)[] }>,
): Promise<(path: string, text: string) => Extractor | undefined> {
  const wanted = new Set<LazyExtractor>();
  for (const file of files) {
    const { path, texts } = typeof file === 'string' ? { path: file, texts: undefined } : file;
    for (const e of LAZY_EXTRACTORS)
      if (e.paths.test(path) && (!e.text || !texts || texts.some((t) => t !== undefined && e.text!.test(t))))
        wanted.add(e);
  }
  const loaded = new Map<LazyExtractor, Extractor>(
    await Promise.all([...wanted].map(async (e) => [e, await e.load()] as const)),
  );
  return (path, text) => {
    for (const e of LAZY_EXTRACTORS) {
      const extractor = loaded.get(e);
      if (extractor && e.paths.test(path) && extractor.matches(path, text)) return extractor;
    }
    return undefined;
  };
}
