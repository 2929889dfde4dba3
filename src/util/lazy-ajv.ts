import { createRequire } from 'node:module';
import type { Ajv as AjvClass } from 'ajv';
import type { Ajv2019 as Ajv2019Class } from 'ajv/dist/2019.js';

const require = createRequire(import.meta.url);

/**
 * Ajv, loaded only to compile a schema at run time: the built package validates with code
 * that Ajv generated at build time (scripts/validators.mjs), and loading Ajv itself costs a
 * process about 100 ms.
 */
export const ajvClass = (): typeof AjvClass => (require('ajv') as { Ajv: typeof AjvClass }).Ajv;

/** Ajv for JSON Schema draft 2019-09 (the ODCS schema's), loaded as `ajvClass`. */
export const ajv2019Class = (): typeof Ajv2019Class =>
  (require('ajv/dist/2019.js') as { Ajv2019: typeof Ajv2019Class }).Ajv2019;
