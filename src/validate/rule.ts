import type { SourceFile } from '../parse/source-file.js';
import type { Message } from '../messages.js';
import type { Severity } from './diagnostic.js';

/** A parsed file whose top level is a mapping, handed to the per-file rules. */
export interface CheckedFile {
  file: string;
  source: SourceFile;
  data: Record<string, unknown>;
}

/** What cross-file rules see of each file: kept small so parsed documents can be dropped. */
export interface FileSummary {
  file: string;
  jobId?: string;
  /** Where the job id is written. */
  line: number;
  column: number;
}

export type Report = (
  file: CheckedFile,
  path: (string | number)[],
  message: Message,
  options?: { key?: boolean; severity?: Severity },
) => void;

export type SummaryReport = (file: FileSummary, message: Message) => void;

interface RuleBase {
  id: string;
  severity: Severity;
  description: string;
}

/** A rule that judges one file at a time (while its parsed document is at hand). */
export interface FileRule extends RuleBase {
  scope: 'file';
  check(file: CheckedFile, report: Report): void;
}

/** A rule that compares files with each other, on their summaries. */
export interface RegistryRule extends RuleBase {
  scope: 'registry';
  check(files: readonly FileSummary[], report: SummaryReport): void;
}

/** A semantic rule: its own file, its own id, a default severity and a hint. */
export type Rule = FileRule | RegistryRule;

/** Reads a field only when it is the expected type, so rules never trip over schema errors. */
export const stringField = (data: Record<string, unknown>, key: string): string | undefined =>
  Object.hasOwn(data, key) && typeof data[key] === 'string' ? (data[key] as string) : undefined;

/** The strings of a field that may be one string or a list, each with its path. */
export function stringsOf(
  data: Record<string, unknown>,
  key: string,
): { value: string; path: (string | number)[] }[] {
  if (!Object.hasOwn(data, key)) return [];
  const value = data[key];
  if (typeof value === 'string') return [{ value, path: [key] }];
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => (typeof v === 'string' ? [{ value: v, path: [key, i] }] : []));
  }
  return [];
}

/** A table a contract names (`source_table` and `source_tables`), as a string or a mapping. */
export interface TableAt {
  /** The table name as written. */
  value: string;
  /** Where the name is written. */
  path: (string | number)[];
  /** The table's mapping, when written as one (its fields unchecked). */
  details?: Record<string, unknown>;
  /** Where the mapping is. */
  at: (string | number)[];
}

/** Every table of a file, in order, with the path of its name; entries with no usable name are skipped. */
export function tablesOf(data: Record<string, unknown>): TableAt[] {
  const out: TableAt[] = [];
  for (const key of ['source_table', 'source_tables']) {
    if (!Object.hasOwn(data, key)) continue;
    const value = data[key];
    const entries: [unknown, (string | number)[]][] =
      key === 'source_tables'
        ? Array.isArray(value)
          ? value.map((v, i) => [v, [key, i]])
          : []
        : [[value, [key]]];
    for (const [entry, at] of entries) {
      if (typeof entry === 'string') out.push({ value: entry, path: at, at });
      else if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
        const details = entry as Record<string, unknown>;
        const name = stringField(details, 'name');
        if (name !== undefined) out.push({ value: name, path: [...at, 'name'], details, at });
      }
    }
  }
  return out;
}

/** The columns a table mapping lists, each name with where it is written; unusable entries skipped. */
export function columnsOf(t: TableAt): { name: string; path: (string | number)[] }[] {
  const columns = t.details?.columns;
  if (!Array.isArray(columns)) return [];
  return columns.flatMap((c, i) => {
    if (typeof c === 'string') return [{ name: c, path: [...t.at, 'columns', i] }];
    if (c && typeof c === 'object' && !Array.isArray(c)) {
      const name = stringField(c as Record<string, unknown>, 'name');
      if (name !== undefined) return [{ name, path: [...t.at, 'columns', i, 'name'] }];
    }
    return [];
  });
}
