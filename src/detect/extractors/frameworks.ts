import type { Extractor } from '../types.js';
import { alembicExtractor } from './alembic.js';
import { djangoExtractor } from './django.js';
import { doctrineExtractor } from './doctrine.js';
import { ectoExtractor } from './ecto.js';
import { knexExtractor } from './knex.js';
import { laravelExtractor } from './laravel.js';
import { prismaExtractor } from './prisma.js';
import { railsExtractor } from './rails.js';
import { schemaRbExtractor } from './schema-rb.js';
import { sequelizeExtractor } from './sequelize.js';
import { typeormExtractor } from './typeorm.js';

/**
 * Extractors for ORM and framework migrations and models. JS/TS files are told apart by their
 * text, most specific first: TypeORM (`MigrationInterface`), Sequelize (`queryInterface`), Knex.
 * Prisma claims `migrations/<name>/migration.sql` before the generic SQL extractors.
 */
export const FRAMEWORK_EXTRACTORS: Extractor[] = [
  railsExtractor,
  schemaRbExtractor,
  djangoExtractor,
  alembicExtractor,
  prismaExtractor,
  typeormExtractor,
  sequelizeExtractor,
  knexExtractor,
  doctrineExtractor,
  laravelExtractor,
  ectoExtractor,
];
