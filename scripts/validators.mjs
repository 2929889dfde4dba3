// Part of `npm run build`: writes Ajv's standalone code for the two schemas dcr validates
// against, compiled with the options dcr uses, beside the modules that load them:
// dist/validate/contract-validator.cjs (the contract schema, src/validate/schema-check.ts) and
// dist/odcs/odcs-validator.cjs (the official ODCS schema, src/odcs/odcs-schema.ts). The built
// CLI then neither loads Ajv (about 100 ms) nor compiles a schema (about 100 ms for the
// contract schema, 300 ms for ODCS's). Tests hold each to Ajv's own compilation.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import standalone from 'ajv/dist/standalone/index.js';

const dist = new URL('../dist/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const source = { source: true, esm: false };

/** Writes the generated code for `schema` at `file` (relative to `dir` in dist). */
function write(ajv, schema, dir, file) {
  const code = (standalone.default ?? standalone)(ajv, ajv.compile(schema));
  // Ajv's run-time helpers (ucs2length, equal) are in the package's dependencies; nothing else may be needed.
  const needs = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
  const odd = needs.filter((n) => !n.startsWith('ajv/dist/runtime/'));
  if (odd.length > 0) throw new Error(`the generated validator needs ${odd.join(', ')}`);
  writeFileSync(fileURLToPath(new URL(file, new URL(dir, dist))), code);
}

const contract = await load('validate/schema-check.js');
const { contractSchema } = await load('contract/schema.js');
write(
  new Ajv({ ...contract.CONTRACT_AJV_OPTIONS, validateSchema: false, code: source }),
  contractSchema(),
  'validate/',
  contract.GENERATED_VALIDATOR,
);

const odcs = await load('odcs/odcs-schema.js');
const { readFileSync } = await import('node:fs');
write(
  new Ajv2019({ ...odcs.ODCS_AJV_OPTIONS, code: { ...odcs.ODCS_AJV_OPTIONS.code, ...source } }),
  JSON.parse(readFileSync(odcs.ODCS_SCHEMA_URL, 'utf8')),
  'odcs/',
  odcs.GENERATED_VALIDATOR,
);
