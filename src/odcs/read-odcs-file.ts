import type { Diagnostic, Severity } from '../parse/diagnostic.js';
import type { ParseLimits } from '../parse/limits.js';
import { parseContractFile, type ParsedFile } from '../parse/parse-contract-file.js';
import type { SourceFile } from '../parse/source-file.js';
import { importOdcs, type OdcsImport } from './import-odcs.js';
import { odcsMessages } from './messages.js';
import { OdcsSource } from './odcs-source.js';
import { odcsProblems, pathText } from './odcs-schema.js';
import type { Obj } from './values.js';

export { isOdcsFile } from '../contract/odcs-file.js';

/** A document that is ODCS whatever its name: dcr contracts have neither of these fields. */
export const looksLikeOdcs = (data: Record<string, unknown>): boolean =>
  data.kind === 'DataContract' &&
  typeof data.apiVersion === 'string' &&
  !Object.hasOwn(data, 'ingestion_jobid');

/** The diagnostic for an ODCS document in a file not named `*.odcs.yaml`. */
export function misnamedOdcs(file: string, source: SourceFile): Diagnostic {
  const { line, column } = source.locate(['kind'], true);
  return { file, line, column, severity: 'error', rule: 'odcs-name', ...odcsMessages.odcsNamedDcr(file) };
}

/**
 * ODCS documents list every column of every table, so they get a larger key budget than a
 * dcr contract (the official AdventureWorks example has some 5,000 keys).
 */
export const ODCS_MAX_KEYS = 50_000;

export interface OdcsRead {
  /** Locates ODCS paths; with `mapped`, `mappedSource` locates dcr paths in the same file. */
  source: SourceFile;
  diagnostics: Diagnostic[];
  /** Present when the document is valid ODCS. */
  mapped?: OdcsImport & { odcs: Obj; mappedSource: SourceFile };
}

/**
 * Reads an ODCS file: parsed with positions like any contract, checked against the official
 * ODCS v3.1.0 schema, then mapped to a dcr contract. Required dcr fields the document lacks
 * are reported with `missing` severity, where they would go.
 */
export function readOdcs(file: string, bytes: Uint8Array, limits: ParseLimits, missing: Severity): OdcsRead {
  const parsed = parseContractFile(file, bytes, {
    ...limits,
    maxKeys: Math.max(limits.maxKeys, ODCS_MAX_KEYS),
  });
  const { source } = parsed;
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  if (!parsed.data) return { source, diagnostics };
  const report = (
    severity: Severity,
    rule: string,
    path: (string | number)[],
    key: boolean,
    m: { message: string; hint?: string },
  ) => {
    const { line, column } = source.locate(path, key);
    diagnostics.push({ file, line, column, severity, rule, ...m });
  };
  if (Object.hasOwn(parsed.data, 'ingestion_jobid') && !Object.hasOwn(parsed.data, 'apiVersion')) {
    report('error', 'odcs-name', [], false, odcsMessages.dcrNamedOdcs(file));
    return { source, diagnostics };
  }
  for (const p of odcsProblems(parsed.data))
    report('error', 'odcs-schema', p.path, p.key, odcsMessages.invalid(pathText(p.path), p.detail));
  if (diagnostics.some((d) => d.severity === 'error')) return { source, diagnostics };
  const mapped = importOdcs(parsed.data);
  for (const m of mapped.missing)
    report(missing, 'required-field', m.at, false, odcsMessages.missing(m.field));
  return {
    source,
    diagnostics,
    mapped: { ...mapped, odcs: parsed.data, mappedSource: new OdcsSource(source, mapped.origin) },
  };
}

/**
 * An ODCS file as the registry reads it: `data` is the dcr contract document and `source`
 * locates its paths in the ODCS file. A document that is not valid ODCS, or lacks what dcr
 * needs, gives positioned errors and no data.
 */
export function readOdcsFile(file: string, bytes: Uint8Array, limits: ParseLimits): ParsedFile {
  const read = readOdcs(file, bytes, limits, 'error');
  if (!read.mapped || read.mapped.missing.length > 0)
    return { source: read.source, diagnostics: read.diagnostics };
  return { source: read.mapped.mappedSource, data: read.mapped.doc, diagnostics: read.diagnostics };
}
