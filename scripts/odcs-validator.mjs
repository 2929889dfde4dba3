// Part of `npm run build`: writes dist/odcs/odcs-validator.cjs, Ajv's code for the official
// ODCS schema compiled with the options dcr validates with (src/odcs/odcs-schema.ts), so that
// the built CLI loads a validator in about 30 ms instead of compiling the schema in about 300.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2019 } from 'ajv/dist/2019.js';
import standalone from 'ajv/dist/standalone/index.js';

const dist = new URL('../dist/odcs/', import.meta.url);
const { ODCS_AJV_OPTIONS, ODCS_SCHEMA_URL, GENERATED_VALIDATOR } = await import(
  new URL('odcs-schema.js', dist).href
);
const ajv = new Ajv2019({
  ...ODCS_AJV_OPTIONS,
  code: { ...ODCS_AJV_OPTIONS.code, source: true, esm: false },
});
const validate = ajv.compile(JSON.parse(readFileSync(ODCS_SCHEMA_URL, 'utf8')));
const code = (standalone.default ?? standalone)(ajv, validate);
if (/\brequire\(/.test(code))
  throw new Error('the generated ODCS validator needs a run-time module; ship it or inline it');
writeFileSync(fileURLToPath(new URL(GENERATED_VALIDATOR, dist)), code);
