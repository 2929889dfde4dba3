import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvClass } from '../util/lazy-ajv.js';
import { generatedValidator } from '../util/generated-validator.js';
import { contractSchema, type JsonSchemaNode } from '../contract/schema.js';
import { messages, type Message } from '../messages.js';
import type { SourceFile } from '../parse/source-file.js';
import { suggest } from '../util/suggest.js';
import type { Diagnostic } from './diagnostic.js';

let compiled: ValidateFunction | undefined;

/** Ajv's options for the contract schema: strict mode, no `$data`, every error collected. */
export const CONTRACT_AJV_OPTIONS = { allErrors: true, strict: true, $data: false } as const;

/** The validator `npm run build` writes beside this module (scripts/validators.mjs). */
export const GENERATED_VALIDATOR = './contract-validator.cjs';

/**
 * The contract validator: in the built package the code Ajv generated at build time (no Ajv
 * to load, nothing to compile); elsewhere compiled now.
 */
export function contractValidator(): ValidateFunction {
  compiled ??= generatedValidator(import.meta.url, GENERATED_VALIDATOR) ?? compileContractValidator();
  return compiled;
}

/** Which validator `contractValidator` hands out. */
export const contractValidatorKind = (): 'generated' | 'compiled' =>
  generatedValidator(import.meta.url, GENERATED_VALIDATOR) ? 'generated' : 'compiled';

/**
 * Ajv's compilation of the contract schema, at run time. The schema is a fixed file, checked
 * against JSON Schema's own by a test (test/unit/schema-types.test.ts): compiling the
 * meta-schema on every run would cost more than validating a thousand contracts.
 */
export function compileContractValidator(): ValidateFunction {
  const Ajv = ajvClass();
  return new Ajv({ ...CONTRACT_AJV_OPTIONS, validateSchema: false }).compile(contractSchema());
}

/** Validates one parsed file against the schema and turns ajv's errors into positioned sentences. */
export function schemaDiagnostics(source: SourceFile, data: Record<string, unknown>): Diagnostic[] {
  const validate = contractValidator();
  if (validate(data)) return [];
  const schema = contractSchema();
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const errors = withoutBranchNoise(validate.errors ?? []);
  for (const error of errors) {
    const path = pointerToPath(error.instancePath);
    const field = describe(path);
    let rule = 'invalid-value';
    let where = path;
    let key = false;
    let m: Message;
    switch (error.keyword) {
      case 'required': {
        // One diagnostic per mapping, naming every missing field.
        if (seen.has(`required:${error.instancePath}`)) continue;
        seen.add(`required:${error.instancePath}`);
        const missing = errors
          .filter((e) => e.keyword === 'required' && e.instancePath === error.instancePath)
          .map((e) => String(e.params.missingProperty));
        rule = 'required-field';
        const props = mappingAt(schema, path)?.properties;
        m = messages.requiredField(missing, (f) => props?.[f]?.description);
        break;
      }
      case 'additionalProperties': {
        const extra = String(error.params.additionalProperty);
        if (extra === '<<') continue; // reported as merge-key by the parser
        rule = 'unknown-field';
        where = [...path, extra];
        key = true;
        m = messages.unknownField(
          extra,
          suggest(extra, Object.keys(mappingAt(schema, path)?.properties ?? {})),
        );
        break;
      }
      case 'type':
        rule = 'invalid-type';
        m = messages.wrongType(field, article(String(error.params.type)), typeName(valueAt(data, path)));
        break;
      case 'enum': {
        const allowed = (error.params.allowedValues as unknown[]) ?? [];
        const actual = valueAt(data, path);
        m = messages.notInEnum(
          field,
          allowed,
          actual,
          typeof actual === 'string' ? suggest(actual, allowed.map(String)) : undefined,
        );
        break;
      }
      case 'pattern':
        m = path[0] === 'reviewed_at' ? messages.badDate(field) : messages.badJobId(field);
        break;
      case 'maxLength':
        m = messages.tooLong(field, Number(error.params.limit), 'characters');
        break;
      case 'maxItems':
        m = messages.tooLong(field, Number(error.params.limit), 'items');
        break;
      case 'minLength':
      case 'minItems':
        m = messages.tooShort(field);
        break;
      case 'maxProperties':
        m = messages.tooManyFields(Number(error.params.limit));
        break;
      case 'anyOf':
        rule = 'invalid-type';
        m = anyOfMessage(path, field, valueAt(data, path));
        break;
      default:
        m = messages.schemaOther(field, error.message ?? 'is invalid');
    }
    const { line, column } = source.locate(where, key);
    const id = `${rule}:${line}:${column}:${m.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ file: source.file, line, column, severity: 'error', rule, ...m });
  }
  return out;
}

/**
 * Drops what an `anyOf` adds to the real problem. A branch whose type does not fit the value
 * only says "must be string" at the anyOf's own path; when another branch fits the value's
 * type, its errors are the real ones and the anyOf itself goes; when none fits, the anyOf
 * stays alone and gets one sentence naming the forms allowed.
 */
function withoutBranchNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfAt = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const fitting = new Set<string>();
  for (const e of errors) {
    for (const at of anyOfAt) {
      const inside = e.instancePath === at || e.instancePath.startsWith(`${at}/`);
      const noise = e.instancePath === at && (e.keyword === 'type' || e.keyword === 'anyOf');
      if (inside && !noise) fitting.add(at);
    }
  }
  return errors.filter((e) => {
    if (!anyOfAt.has(e.instancePath)) return true;
    if (e.keyword === 'type') return false;
    if (e.keyword === 'anyOf') return !fitting.has(e.instancePath);
    return true;
  });
}

/** The sentence for a value that fits none of the forms a field allows. */
function anyOfMessage(path: (string | number)[], field: string, value: unknown): Message {
  const named = [...path].reverse().find((p): p is string => typeof p === 'string');
  switch (named) {
    case 'ingestion_frequency_minutes':
      return messages.frequencyType(field);
    case 'source_table':
    case 'source_tables':
      return messages.tableForm(field, typeName(value));
    case 'columns':
      return messages.columnForm(field, typeName(value));
    default:
      return messages.owners(field);
  }
}

/**
 * The schema of the mapping at `path` (following `$ref`s, and an `anyOf`'s mapping or list
 * form), for its field names and descriptions; undefined where the schema has none.
 */
function mappingAt(root: JsonSchemaNode, path: readonly (string | number)[]): JsonSchemaNode | undefined {
  const resolve = (node: JsonSchemaNode | undefined, want: 'object' | 'array') => {
    let n = node;
    for (let i = 0; n && i < 8; i++) {
      if (typeof n.$ref === 'string' && n.$ref.startsWith('#/definitions/')) {
        const defs = root.definitions as Record<string, JsonSchemaNode> | undefined;
        n = defs?.[n.$ref.slice('#/definitions/'.length)];
      } else if (Array.isArray(n.anyOf)) {
        n = (n.anyOf as JsonSchemaNode[]).find((b) => b.type === want);
      } else return n;
    }
    return n;
  };
  let node: JsonSchemaNode | undefined = root;
  for (const step of path) {
    if (typeof step === 'number') node = resolve(node, 'array')?.items as JsonSchemaNode | undefined;
    else node = resolve(node, 'object')?.properties?.[step];
  }
  return resolve(node, 'object');
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(path: (string | number)[]): string {
  if (path.length === 0) return 'the contract';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

const article = (type: string) =>
  type === 'array' || type === 'object' || type === 'integer' ? `an ${type}` : `a ${type}`;

function typeName(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${article(typeof value)} (${JSON.stringify(value)})`;
}

export type { ErrorObject, JsonSchemaNode };
