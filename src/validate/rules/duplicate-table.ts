import { tableKey } from '../../contract/table-name.js';
import type { FileRule } from '../rule.js';
import { tablesOf } from '../rule.js';

export const duplicateTable: FileRule = {
  id: 'duplicate-table',
  scope: 'file',
  severity: 'error',
  description: 'Each table appears once per contract (source_table and source_tables together).',
  check(f, report) {
    const seen = new Map<string, string>();
    for (const { value, path } of tablesOf(f.data)) {
      const key = tableKey(value);
      if (key === undefined) continue; // table-name reports it
      const first = seen.get(key);
      if (first !== undefined) {
        report(f, path, {
          message: `table ${JSON.stringify(value)} is listed twice (first as ${JSON.stringify(first)})`,
          hint: 'remove the second entry; unquoted names compare case-insensitively',
        });
      } else seen.set(key, value);
    }
  },
};
