import { readFileSync } from 'node:fs';

/** Path of the published JSON Schema, next to the package's `dist/` (or `src/`) folder. */
export const SCHEMA_URL = new URL('../../schema/contract.schema.json', import.meta.url);

export interface JsonSchemaNode {
  description?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  [key: string]: unknown;
}

let cached: JsonSchemaNode | undefined;

/** The contract JSON Schema, read once. */
export function contractSchema(): JsonSchemaNode {
  cached ??= JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as JsonSchemaNode;
  return cached;
}
