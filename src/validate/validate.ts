import { LineCounter } from 'yaml';
import type { Contract, ContractDocument } from '../contract/types.js';
import { normalizeContract } from '../contract/normalize.js';
import { DEFAULT_LIMITS, type ParseLimits } from '../parse/limits.js';
import { parseContractFile } from '../parse/parse-contract-file.js';
import { readSimpleContract } from '../parse/simple-contract.js';
import { SourceFile } from '../parse/source-file.js';
import { isOdcsFile, looksLikeOdcs, misnamedOdcs, readOdcsFile } from '../odcs/read-odcs-file.js';
import { messages } from '../messages.js';
import type { ContractInput } from '../parse/input.js';
import { sortDiagnostics, type Diagnostic, type Severity } from '../parse/diagnostic.js';
import type { CheckedFile, FileSummary, Rule } from './rule.js';
import { RULES } from './rules/index.js';
import { contractValidator, schemaDiagnostics } from './schema-check.js';

export type { ContractInput };

export type RuleSetting = 'off' | Severity;

export interface ValidateOptions {
  /** Per-rule overrides from the config file: `off`, `warning` or `error`. */
  rules?: Readonly<Record<string, RuleSetting>>;
  limits?: ParseLimits;
  /** Report only these files; the others are context (for cross-file rules). */
  reportOnly?: ReadonlySet<string>;
  /**
   * Only the contracts, without the rules' findings: rules never decide whether a file gives a
   * contract (the schema does), so the change guard's cache skips them.
   */
  contractsOnly?: boolean;
}

export interface ValidationResult {
  /** Contracts that passed the schema (rule findings may still apply to them). */
  contracts: Contract[];
  diagnostics: Diagnostic[];
  /** Number of files read (reported ones only, with `reportOnly`; unread ones do not count). */
  files: number;
}

/**
 * Parses, schema-checks and rule-checks a set of contract files. Never throws on bad input.
 * Each file's parsed document is dropped once its own rules ran; cross-file rules work on
 * small summaries, so memory stays flat on large registries.
 */
export function validateContracts(
  inputs: readonly ContractInput[],
  options: ValidateOptions = {},
): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const contracts: Contract[] = [];
  const summaries: FileSummary[] = [];
  const limits = options.limits ?? DEFAULT_LIMITS;
  const rules = options.contractsOnly
    ? []
    : [...RULES.values()].filter((r) => options.rules?.[r.id] !== 'off');
  const severityOf = (rule: Rule, requested?: Severity): Severity => {
    const setting = options.rules?.[rule.id];
    return setting === 'error' || setting === 'warning' ? setting : (requested ?? rule.severity);
  };
  /**
   * The fast way for a file in the plain subset of YAML that has nothing to report: no
   * positions, no document tree. Undefined (and nothing kept) as soon as anything would be
   * reported; the file is then read again the full way, which finds and places every problem.
   */
  const quickCheck = (input: ContractInput): Diagnostic[] | undefined => {
    const simple = readSimpleContract(input.bytes, limits);
    if (!simple || looksLikeOdcs(simple.data) || !contractValidator()(simple.data)) return undefined;
    if (rules.length > 0) {
      const file: CheckedFile = {
        file: input.file,
        source: new SourceFile(input.file, simple.text, new LineCounter()),
        data: simple.data,
      };
      let flagged = false;
      for (const rule of rules) {
        if (rule.scope !== 'file') continue;
        rule.check(file, () => {
          flagged = true;
        });
        if (flagged) return undefined;
      }
    }
    const jobId = simple.data.ingestion_jobid;
    contracts.push(normalizeContract(simple.data as unknown as ContractDocument, input.file));
    if (typeof jobId === 'string' && simple.jobIdAt)
      summaries.push({ file: input.file, jobId, ...simple.jobIdAt });
    else summaries.push({ file: input.file, line: 1, column: 1 });
    return [];
  };
  const checkOne = (input: ContractInput): Diagnostic[] => {
    if (input.skipped) return [{ file: input.file, line: 1, column: 1, ...input.skipped }];
    if (!isOdcsFile(input.file)) {
      const before = contracts.length;
      try {
        const quick = quickCheck(input);
        if (quick) return quick;
      } catch {
        contracts.length = before; // the full way says what went wrong
      }
    }
    // An ODCS file is read through the ODCS mapping into the same contract document.
    const parsed = isOdcsFile(input.file)
      ? readOdcsFile(input.file, input.bytes, limits)
      : parseContractFile(input.file, input.bytes, limits);
    const jobId =
      parsed.data && typeof parsed.data.ingestion_jobid === 'string'
        ? parsed.data.ingestion_jobid
        : undefined;
    const own: Diagnostic[] = [...parsed.diagnostics];
    // An ODCS document under a contract's name gets one sentence, not a field-by-field flood.
    if (parsed.data && !isOdcsFile(input.file) && looksLikeOdcs(parsed.data)) {
      own.push(misnamedOdcs(input.file, parsed.source));
      delete parsed.data;
    }
    if (parsed.data) {
      const file: CheckedFile = { file: input.file, source: parsed.source, data: parsed.data };
      const schemaProblems = schemaDiagnostics(parsed.source, parsed.data);
      own.push(...schemaProblems);
      if (schemaProblems.length === 0) {
        contracts.push(normalizeContract(parsed.data as unknown as ContractDocument, input.file));
      }
      for (const rule of rules) {
        if (rule.scope !== 'file') continue;
        rule.check(file, (f, path, message, extra = {}) => {
          const { line, column } = f.source.locate(path, extra.key);
          own.push({
            file: f.file,
            line,
            column,
            severity: severityOf(rule, extra.severity),
            rule: rule.id,
            ...message,
          });
        });
      }
      const at = jobId === undefined ? { line: 1, column: 1 } : parsed.source.locate(['ingestion_jobid']);
      summaries.push({ file: input.file, ...(jobId === undefined ? {} : { jobId }), ...at });
    }
    if (jobId !== undefined) for (const d of own) d.jobId = jobId;
    return own;
  };
  for (const input of inputs) {
    const before = contracts.length;
    try {
      diagnostics.push(...checkOne(input));
    } catch (error) {
      // One file that breaks a rule's or the schema's code is reported and left out; the rest go on.
      contracts.length = before;
      const m = messages.parseFailed((error as Error)?.message ?? String(error));
      diagnostics.push({
        file: input.file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'parse-failed',
        ...m,
      });
    }
  }
  for (const rule of rules) {
    if (rule.scope !== 'registry') continue;
    rule.check(summaries, (f, message) => {
      const d: Diagnostic = {
        file: f.file,
        line: f.line,
        column: f.column,
        severity: severityOf(rule),
        rule: rule.id,
        ...message,
      };
      if (f.jobId !== undefined) d.jobId = f.jobId;
      diagnostics.push(d);
    });
  }
  const only = options.reportOnly;
  const reported = only ? diagnostics.filter((d) => only.has(d.file)) : diagnostics;
  const read = inputs.filter((i) => !i.skipped && (!only || only.has(i.file)));
  return { contracts, diagnostics: sortDiagnostics(reported), files: read.length };
}
