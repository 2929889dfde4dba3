import type { Contract, ContractDocument } from '../contract/types.js';
import { normalizeContract } from '../contract/normalize.js';
import { DEFAULT_LIMITS, type ParseLimits } from '../registry/limits.js';
import { parseContractFile } from '../registry/parse.js';
import { sortDiagnostics, type Diagnostic, type Severity } from './diagnostic.js';
import type { CheckedFile, Report } from './rule.js';
import { RULES } from './rules/index.js';
import { schemaDiagnostics } from './schema-check.js';

/** A contract file's name (relative to the registry root, forward slashes) and raw bytes. */
export interface ContractInput {
  file: string;
  bytes: Uint8Array;
}

export type RuleSetting = 'off' | Severity;

export interface ValidateOptions {
  /** Per-rule overrides from the config file: `off`, `warning` or `error`. */
  rules?: Readonly<Record<string, RuleSetting>>;
  limits?: ParseLimits;
  /** Report only these files; the others are context (for cross-file rules). */
  reportOnly?: ReadonlySet<string>;
}

export interface ValidationResult {
  /** Contracts that passed the schema (rule findings may still apply to them). */
  contracts: Contract[];
  diagnostics: Diagnostic[];
  /** Number of files read. */
  files: number;
}

/** Parses, schema-checks and rule-checks a set of contract files. Never throws on bad input. */
export function validateContracts(
  inputs: readonly ContractInput[],
  options: ValidateOptions = {},
): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const checked: CheckedFile[] = [];
  const contracts: Contract[] = [];
  const jobIds = new Map<string, string>();
  for (const input of inputs) {
    const parsed = parseContractFile(input.file, input.bytes, options.limits ?? DEFAULT_LIMITS);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.data) continue;
    const file: CheckedFile = { file: input.file, source: parsed.source, data: parsed.data };
    checked.push(file);
    const id = file.data.ingestion_jobid;
    if (typeof id === 'string') jobIds.set(input.file, id);
    const schemaProblems = schemaDiagnostics(parsed.source, parsed.data);
    diagnostics.push(...schemaProblems);
    if (schemaProblems.length === 0)
      contracts.push(normalizeContract(parsed.data as unknown as ContractDocument, input.file));
  }
  for (const rule of RULES.values()) {
    const setting = options.rules?.[rule.id];
    if (setting === 'off') continue;
    const report: Report = (file, path, message, extra = {}) => {
      const { line, column } = file.source.locate(path, extra.key);
      diagnostics.push({
        file: file.file,
        line,
        column,
        severity: setting ?? extra.severity ?? rule.severity,
        rule: rule.id,
        ...message,
      });
    };
    rule.check(checked, report);
  }
  for (const d of diagnostics) {
    const id = jobIds.get(d.file);
    if (id !== undefined) d.jobId = id;
  }
  const only = options.reportOnly;
  const reported = only ? diagnostics.filter((d) => only.has(d.file)) : diagnostics;
  return { contracts, diagnostics: sortDiagnostics(reported), files: only ? only.size : inputs.length };
}
