import type { Diagnostic } from '../parse/diagnostic.js';
import type { ParseLimits } from '../parse/limits.js';
import { parseContractFile } from '../parse/parse-contract-file.js';
import { columnsOf, stringsOf, tablesOf } from '../validate/rule.js';
import type { Drift } from './compare.js';

/**
 * Turns one contract's drift into diagnostics at the line and column of the table, column or
 * field in its file (the file is parsed again only when it has drift).
 */
export function driftDiagnostics(
  file: string,
  bytes: Uint8Array,
  jobId: string,
  drifts: readonly Drift[],
  limits?: ParseLimits,
): Diagnostic[] {
  const parsed = parseContractFile(file, bytes, limits);
  const data = parsed.data ?? {};
  const tables = tablesOf(data);
  return drifts.map((d) => {
    const t = tables.find((x) => x.value === d.table);
    let path: (string | number)[] = t ? t.path : [];
    if (t?.details && d.column !== undefined) {
      const column = columnsOf(t).find((c) => c.name === d.column);
      if (d.place === 'key') {
        const k = stringsOf(t.details, 'key_columns').find((x) => x.value === d.column);
        if (k) path = [...t.at, ...k.path];
      } else if (d.place === 'cursor') path = [...t.at, 'cursor_column'];
      else if (column) {
        // `name` ends a mapping's path; its `type` or `nullable` is beside it.
        const mapping = column.path[column.path.length - 1] === 'name';
        const field = d.place === 'type' || d.place === 'nullable';
        path = field && mapping ? [...column.path.slice(0, -1), d.place] : column.path;
      }
    }
    const at = parsed.source.locate(path);
    return {
      file,
      line: at.line,
      column: at.column,
      severity: d.severity,
      rule: d.rule,
      ...d.message,
      jobId,
    };
  });
}
