import type { Extractor } from '../types.js';

/** Extractors for SQL files and SQL-based migration tools (filled in by the SQL work). */
export const SQL_EXTRACTORS: Extractor[] = [];
