import type { ContractChange } from '../contract/diff.js';
import { parseContractFile } from '../parse/parse-contract-file.js';
import type { Position } from '../parse/source-file.js';
import type { RuleCode } from './codes.js';
import { atLeast, severityRank, type Severity } from './severity.js';

/** One rule a contract change triggers, placed in the contract file: the unit of `dcr diff`. */
export interface DiffFinding {
  contract: string;
  /** The contract file after the change (before it, for a removed contract). */
  file: string;
  line: number;
  column: number;
  /** What happened to the contract as a whole. */
  change: ContractChange['kind'];
  code: RuleCode;
  severity: Severity;
  /** The field it is about (`tables`, `owners.source`...), absent for the whole contract. */
  field?: string;
  message: string;
}

/** The YAML keys a normalised field comes from, in the order they are looked for. */
const KEYS: Record<string, string[]> = {
  status: ['status'],
  'owners.source': ['source_owner'],
  'owners.ingestion': ['ingestion_owner'],
  tables: ['source_tables', 'source_table'],
  columns: ['source_tables', 'source_table'],
  ingestionType: ['ingestion_type'],
  frequencyMinutes: ['ingestion_frequency_minutes'],
  sourceHost: ['source_host'],
  sourceDb: ['source_db'],
  sourceType: ['source_type'],
  sourceRepo: ['source_repo'],
  destination: ['destination'],
  policy: ['policy'],
  description: ['description'],
  tags: ['tags'],
};

/**
 * Every rule of every contract change, most serious first, at the line of the field in the
 * file (the file after the change; before it for a removed contract). `bytesOf` gives a file's
 * bytes at that side; a field the file no longer has is placed on the job id.
 */
export function diffFindings(
  changes: readonly ContractChange[],
  bytesOf: (file: string, side: 'before' | 'after') => Uint8Array | undefined,
): DiffFinding[] {
  const out: DiffFinding[] = [];
  for (const change of changes) {
    const bytes = bytesOf(change.file, change.kind === 'removed' ? 'before' : 'after');
    const source = bytes ? parseContractFile(change.file, bytes).source : undefined;
    const place = (field?: string): Position => {
      if (!source) return { line: 1, column: 1 };
      for (const key of field ? (KEYS[field] ?? []) : []) {
        const at = source.locate([key], true);
        // locate falls back to the mapping itself when the key is missing: then try the next.
        if (source.text.split('\n')[at.line - 1]?.trimStart().startsWith(key)) return at;
      }
      return source.locate(['ingestion_jobid'], true);
    };
    for (const rule of change.rules) {
      out.push({
        contract: change.contract,
        file: change.file,
        ...place(rule.field),
        change: change.kind,
        code: rule.code,
        severity: rule.severity,
        ...(rule.field ? { field: rule.field } : {}),
        message: rule.message,
      });
    }
  }
  return out.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      a.contract.localeCompare(b.contract) ||
      a.code.localeCompare(b.code),
  );
}

/** Whether any finding reaches the `--fail-on` threshold. */
export const failsOn = (findings: readonly DiffFinding[], threshold: Severity | undefined): boolean =>
  threshold !== undefined && findings.some((f) => atLeast(f.severity, threshold));
