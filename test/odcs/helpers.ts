import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { parse } from 'yaml';
import { FIXTURES, REPO } from '../helpers/paths.js';

export const ODCS_FIXTURES = join(FIXTURES, 'odcs');
export const EXAMPLES = join(ODCS_FIXTURES, 'examples');
export const BUNDLED = join(REPO, 'contracts');

/** Every official ODCS example, by file name. */
export const exampleFiles = () =>
  readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.odcs.yaml'))
    .sort();
/** Every contract shipped in contracts/. */
export const bundledFiles = () =>
  readdirSync(BUNDLED)
    .filter((f) => f.endsWith('.yaml'))
    .sort();

export const readYaml = (path: string) =>
  parse(readFileSync(path, 'utf8'), { version: '1.2' }) as Record<string, unknown>;

let validator: ReturnType<Ajv2019['compile']> | undefined;

/** The official v3.1.0 schema from the test fixtures (not dcr's runtime copy). */
export function officialValidator() {
  if (!validator) {
    const ajv = new Ajv2019({ allErrors: true, strict: false, validateFormats: false, logger: false });
    validator = ajv.compile(
      JSON.parse(readFileSync(join(ODCS_FIXTURES, 'odcs-json-schema-v3.1.0.json'), 'utf8')),
    );
  }
  return validator;
}

/** The official schema's errors for a document, as short strings (empty when valid). */
export function officialErrors(doc: unknown): string[] {
  const validate = officialValidator();
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
