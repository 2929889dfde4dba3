export type Severity = 'error' | 'warning';

/** One problem found in a contract file, at a 1-based line and column. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
  /** What to do about it. */
  hint?: string;
  jobId?: string;
}

export const countBySeverity = (diagnostics: readonly Diagnostic[]) => ({
  errors: diagnostics.filter((d) => d.severity === 'error').length,
  warnings: diagnostics.filter((d) => d.severity === 'warning').length,
});

const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);

/** Sorts by file, line and column (the order a compiler prints in), errors before warnings. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      rank(a) - rank(b),
  );
}
