import type { Extractor } from '../types.js';
import { FRAMEWORK_EXTRACTORS } from './frameworks.js';
import { SQL_EXTRACTORS } from './sql-family.js';

/**
 * Every extractor, most specific first: a framework extractor claims its files (and hands
 * embedded SQL to the SQL helpers) before the generic SQL extractors see `.sql` files.
 */
export const EXTRACTORS: readonly Extractor[] = [...FRAMEWORK_EXTRACTORS, ...SQL_EXTRACTORS];

/** The extractor for a file, if any. */
export const extractorFor = (path: string, text: string): Extractor | undefined =>
  EXTRACTORS.find((e) => e.matches(path, text));
