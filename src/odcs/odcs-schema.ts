import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajv2019Class } from '../util/lazy-ajv.js';
import { generatedValidator } from '../util/generated-validator.js';

/** The official ODCS v3.1.0 JSON Schema, shipped beside dcr's own (schema/odcs/). */
export const ODCS_SCHEMA_URL = new URL('../../schema/odcs/odcs-json-schema-v3.1.0.json', import.meta.url);

let compiled: ValidateFunction | undefined;

/**
 * Ajv's options for the ODCS schema. The schema is large (one branch per server type):
 * unoptimised code compiles in half the time, and a contract is small enough that validating
 * it stays instant. Formats (uri, date) are not checked, as the official tooling does not
 * check them either. scripts/validators.mjs compiles with these same options.
 */
export const ODCS_AJV_OPTIONS = {
  allErrors: true,
  strict: false,
  validateFormats: false,
  logger: false,
  code: { optimize: false },
} as const;

/** The validator `npm run build` writes beside this module (scripts/validators.mjs). */
export const GENERATED_VALIDATOR = './odcs-validator.cjs';

/**
 * The ODCS validator (draft 2019-09), made on first use: only a registry that holds ODCS
 * files, or an import or export, pays for it. The built package loads the code that Ajv
 * generated at build time (about 30 ms); elsewhere (tests from source, the Action's bundle)
 * Ajv compiles the schema (about 300 ms). v3.0.x documents are checked against v3.1.0, which
 * accepts them (and the official v3.0.x examples fail their own v3.0.2 schema).
 */
export function odcsValidator(): ValidateFunction {
  if (!compiled)
    compiled = generatedValidator(import.meta.url, GENERATED_VALIDATOR) ?? compileOdcsValidator();
  return compiled;
}

/** Which validator `odcsValidator` hands out: the one generated at build time, or one compiled now. */
export const odcsValidatorKind = (): 'generated' | 'compiled' =>
  generatedValidator(import.meta.url, GENERATED_VALIDATOR) ? 'generated' : 'compiled';

/** Ajv's compilation of the shipped schema, at run time. */
export function compileOdcsValidator(): ValidateFunction {
  const Ajv2019 = ajv2019Class();
  const ajv = new Ajv2019({ ...ODCS_AJV_OPTIONS, code: { ...ODCS_AJV_OPTIONS.code } });
  return ajv.compile(JSON.parse(readFileSync(ODCS_SCHEMA_URL, 'utf8')) as object);
}

export interface OdcsProblem {
  path: (string | number)[];
  /** Point at the key rather than its value (an unknown field). */
  key: boolean;
  detail: string;
}

/** Checks a document against the ODCS schema; each problem once, the most precise ones only. */
export function odcsProblems(data: unknown): OdcsProblem[] {
  const validate = odcsValidator();
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const out: OdcsProblem[] = [];
  const seen = new Set<string>();
  // `if`/`oneOf`/`anyOf` only say that a branch failed; the branch's own errors say why.
  const vague = new Set(['if', 'oneOf', 'anyOf', 'allOf']);
  const precise = errors.filter((e) => !vague.has(e.keyword));
  for (const error of precise.length > 0 ? precise : errors) {
    const problem = describe(error);
    const id = `${problem.path.join('/')}:${problem.detail}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(problem);
  }
  return out;
}

function describe(error: ErrorObject): OdcsProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path, key: false, detail: `lacks the required field \`${String(p.missingProperty)}\`` };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const extra = String(p.additionalProperty ?? p.unevaluatedProperty);
      return { path: [...path, extra], key: true, detail: 'is not a field ODCS defines here' };
    }
    case 'enum':
      return {
        path,
        key: false,
        detail: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    default:
      return { path, key: false, detail: error.message ?? 'is invalid' };
  }
}

/** How a path reads in a message: `servers[0].type`. */
export const pathText = (path: readonly (string | number)[]): string =>
  path.length === 0
    ? 'the document'
    : path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
