import type { Extractor } from '../types.js';

/** Extractors for ORM and framework migrations and models (filled in by the framework work). */
export const FRAMEWORK_EXTRACTORS: Extractor[] = [];
