/** How much a change can hurt the ingestion job that reads a table, most serious first. */
export const SEVERITIES = ['breaking', 'risky', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** 0 for breaking, 1 for risky, 2 for info: sorts the most serious first. */
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** Whether `s` is at least as serious as `threshold`. */
export const atLeast = (s: Severity, threshold: Severity): boolean =>
  severityRank(s) <= severityRank(threshold);

export const isSeverity = (value: unknown): value is Severity =>
  typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
