import { suggest } from '../../util/suggest.js';
import type { FileRule } from '../rule.js';
import { columnsOf, stringField, stringsOf, tablesOf } from '../rule.js';
import { columnMessages as say } from './messages.js';

export const columnNotListed: FileRule = {
  id: 'column-not-listed',
  scope: 'file',
  severity: 'error',
  description:
    'When a table lists its columns, its key columns and cursor column are among them (the job reads them).',
  check(f, report) {
    for (const t of tablesOf(f.data)) {
      if (!t.details) continue;
      const listed = columnsOf(t).map((c) => c.name);
      if (listed.length === 0) continue; // no columns listed: nothing to compare with
      const known = new Set(listed);
      const refs = [
        ...stringsOf(t.details, 'key_columns').map((r) => ({ ...r, role: 'key' as const })),
        ...(stringField(t.details, 'cursor_column') === undefined
          ? []
          : [{ value: t.details.cursor_column as string, path: ['cursor_column'], role: 'cursor' as const }]),
      ];
      for (const ref of refs) {
        if (known.has(ref.value)) continue;
        report(
          f,
          [...t.at, ...ref.path],
          say.notListed(ref.role, ref.value, t.value, suggest(ref.value, listed)),
        );
      }
    }
  },
};
