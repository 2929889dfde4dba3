import type { Extractor } from '../types.js';
import { dbtExtractor } from './dbt.js';
import { liquibaseExtractor } from './liquibase.js';
import { sqlExtractor } from './sql.js';

/** Extractors for SQL files and SQL-based migration tools; dbt comes before plain SQL (both read `.sql`). */
export const SQL_EXTRACTORS: Extractor[] = [dbtExtractor, liquibaseExtractor, sqlExtractor];
