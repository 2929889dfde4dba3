// The published JSON Schemas of the API and of registry.json, compiled once with ajv (strict).
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { REPO } from '../helpers/paths.js';

const read = (name: string) => JSON.parse(readFileSync(`${REPO}schema/${name}`, 'utf8')) as object;
export const registrySchema = read('registry.schema.json');
export const apiSchema = read('api.schema.json');

const ajv = new Ajv({ strict: true, allErrors: true });
ajv.addSchema(registrySchema).addSchema(apiSchema);
const cache = new Map<string, ValidateFunction>();

/**
 * The problems of `value` against a definition of api.schema.json (`contractList`, …) or the
 * whole of registry.schema.json (`registry`), as readable lines; empty when it conforms.
 */
export function schemaProblems(definition: string, value: unknown): string[] {
  const ref =
    definition === 'registry'
      ? 'https://dcr.dev/schema/registry.schema.json'
      : `https://dcr.dev/schema/api.schema.json#/definitions/${definition}`;
  let validate = cache.get(ref);
  if (!validate) {
    validate = ajv.getSchema(ref);
    if (!validate) throw new Error(`no schema ${ref}`);
    cache.set(ref, validate);
  }
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}
