import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

/**
 * A validator that `npm run build` generated with Ajv's standalone code (scripts/validators.mjs),
 * at `file` relative to the module at `base`; undefined where there is none (tests run from
 * source, the Action's bundle), and the caller compiles the schema instead.
 */
export function generatedValidator(base: string, file: string): ValidateFunction | undefined {
  try {
    const m = createRequire(base)(file) as { default?: unknown };
    return typeof m.default === 'function' ? (m.default as ValidateFunction) : undefined;
  } catch {
    return undefined;
  }
}
