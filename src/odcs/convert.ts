import type { Diagnostic } from '../parse/diagnostic.js';
import type { ContractInput } from '../parse/input.js';
import { DEFAULT_LIMITS, type ParseLimits } from '../parse/limits.js';
import { parseContractFile, type ParsedFile } from '../parse/parse-contract-file.js';
import { schemaDiagnostics } from '../validate/schema-check.js';
import { exportOdcs } from './export-odcs.js';
import { odcsMessages } from './messages.js';
import { odcsProblems, pathText } from './odcs-schema.js';
import { isOdcsFile, looksLikeOdcs, readOdcs } from './read-odcs-file.js';
import { yamlText } from './yaml-text.js';
import type { Obj } from './values.js';

/** One converted document: where it came from, the file name it gets, its value and text. */
export interface Converted {
  from: string;
  jobId: string;
  name: string;
  value: Obj;
  text: string;
}

export interface Conversion {
  documents: Converted[];
  /** Errors (the input was not converted) and warnings (it was, with something to fix). */
  diagnostics: Diagnostic[];
}

const unread = (input: ContractInput): Diagnostic[] =>
  input.skipped ? [{ file: input.file, line: 1, column: 1, ...input.skipped }] : [];

/**
 * dcr contracts to ODCS v3.1.0 documents (`<jobid>.odcs.yaml`). A contract with schema
 * errors other than missing fields is not exported; an ODCS file in the folder is read
 * through the mapping first.
 * Every document is checked against the official schema before it is handed back.
 */
export function exportContracts(
  inputs: readonly ContractInput[],
  limits: ParseLimits = DEFAULT_LIMITS,
): Conversion {
  const out: Conversion = { documents: [], diagnostics: [] };
  for (const input of inputs) {
    if (input.skipped) {
      out.diagnostics.push(...unread(input));
      continue;
    }
    const parsed = readForExport(input, limits);
    out.diagnostics.push(...parsed.diagnostics);
    if (!parsed.data) continue;
    // ODCS requires none of dcr's required fields: a contract still missing some (an import
    // not yet completed) is exported, with a warning each; any other problem stops it.
    const problems = schemaDiagnostics(parsed.source, parsed.data).map((d) =>
      d.rule === 'required-field' ? { ...d, severity: 'warning' as const } : d,
    );
    out.diagnostics.push(...problems);
    if (problems.some((d) => d.severity === 'error')) continue;
    const value = exportOdcs(parsed.data);
    const invalid = odcsProblems(value);
    if (invalid.length > 0) {
      const detail = invalid.map((p) => `${pathText(p.path)} ${p.detail}`).join('; ');
      out.diagnostics.push({
        file: input.file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'odcs-export',
        ...odcsMessages.exportInvalid(detail),
      });
      continue;
    }
    const jobId = String(parsed.data.ingestion_jobid);
    out.documents.push({ from: input.file, jobId, name: `${jobId}.odcs.yaml`, value, text: yamlText(value) });
  }
  return out;
}

/** A contract file as a dcr document: an ODCS file through the mapping (missing fields warned). */
function readForExport(input: ContractInput, limits: ParseLimits): ParsedFile {
  if (!isOdcsFile(input.file)) {
    const parsed = parseContractFile(input.file, input.bytes, limits);
    // An ODCS document under another name is still one (dcr contracts have no `kind`).
    if (!parsed.data || !looksLikeOdcs(parsed.data)) return parsed;
  }
  const read = readOdcs(input.file, input.bytes, limits, 'warning');
  if (!read.mapped) return { source: read.source, diagnostics: read.diagnostics };
  return { source: read.mapped.mappedSource, data: read.mapped.doc, diagnostics: read.diagnostics };
}

/**
 * ODCS v3.0.x / v3.1.0 documents to dcr contracts (`<jobid>.yaml`). A document that is not
 * valid ODCS is not imported; one that lacks a field dcr requires is imported with a warning
 * that says where to add it, as is one whose values dcr's schema refuses.
 */
export function importDocuments(
  inputs: readonly ContractInput[],
  limits: ParseLimits = DEFAULT_LIMITS,
): Conversion {
  const out: Conversion = { documents: [], diagnostics: [] };
  for (const input of inputs) {
    if (input.skipped) {
      out.diagnostics.push(...unread(input));
      continue;
    }
    const read = readOdcs(input.file, input.bytes, limits, 'warning');
    out.diagnostics.push(...read.diagnostics);
    if (!read.mapped) continue;
    const { doc, mappedSource } = read.mapped;
    // Missing fields were said in ODCS terms above; other refusals are warnings to act on.
    for (const d of schemaDiagnostics(mappedSource, doc))
      if (d.rule !== 'required-field') out.diagnostics.push({ ...d, severity: 'warning' });
    const jobId = String(doc.ingestion_jobid);
    out.documents.push({ from: input.file, jobId, name: `${jobId}.yaml`, value: doc, text: yamlText(doc) });
  }
  return out;
}
