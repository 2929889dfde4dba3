import type { Diagnostic } from '../parse/diagnostic.js';
import type { ParseLimits } from '../parse/limits.js';
import { parseContractFile, type ParsedFile } from '../parse/parse-contract-file.js';
import { importOdcs } from './import-odcs.js';
import { odcsMessages } from './messages.js';
import { OdcsSource } from './odcs-source.js';
import { odcsProblems, pathText } from './odcs-schema.js';

/** Files read as ODCS documents rather than dcr contracts. */
export const isOdcsFile = (file: string): boolean => /\.odcs\.ya?ml$/i.test(file);

/**
 * ODCS documents list every column of every table, so they get a larger key budget than a
 * dcr contract (the official AdventureWorks example has some 5,000 keys).
 */
export const ODCS_MAX_KEYS = 50_000;

/**
 * Reads an ODCS file as a dcr contract: parsed with positions like any contract, checked
 * against the official ODCS v3.1.0 schema, then mapped. `data` is the dcr contract document
 * and `source` locates its paths in the ODCS file. A document that is not valid ODCS, or
 * lacks what dcr needs, gives positioned diagnostics and no data.
 */
export function readOdcsFile(file: string, bytes: Uint8Array, limits: ParseLimits): ParsedFile {
  const parsed = parseContractFile(file, bytes, { ...limits, maxKeys: Math.max(limits.maxKeys, ODCS_MAX_KEYS) });
  if (!parsed.data) return parsed;
  const { source } = parsed;
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const report = (rule: string, path: (string | number)[], key: boolean, m: { message: string; hint?: string }) => {
    const { line, column } = source.locate(path, key);
    diagnostics.push({ file, line, column, severity: 'error', rule, ...m });
  };
  for (const p of odcsProblems(parsed.data)) report('odcs-schema', p.path, p.key, odcsMessages.invalid(pathText(p.path), p.detail));
  if (diagnostics.some((d) => d.severity === 'error')) return { source, diagnostics };
  const mapped = importOdcs(parsed.data);
  for (const m of mapped.missing) report('required-field', m.at, false, odcsMessages.missing(m.field));
  if (mapped.missing.length > 0) return { source, diagnostics };
  return { source: new OdcsSource(source, mapped.origin), data: mapped.doc, diagnostics };
}
