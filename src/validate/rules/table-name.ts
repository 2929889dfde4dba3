import { parseTableName } from '../../contract/table-name.js';
import type { FileRule } from '../rule.js';
import { tablesOf } from '../rule.js';

export const tableName: FileRule = {
  id: 'table-name',
  scope: 'file',
  severity: 'error',
  description:
    'Tables are written [db.][schema.]table; quote a part ("..", `..`, [..]) that holds other characters.',
  check(f, report) {
    for (const { value, path } of tablesOf(f.data)) {
      const parsed = parseTableName(value);
      if ('error' in parsed) {
        report(f, path, {
          message: `table ${JSON.stringify(value)} is malformed: ${parsed.error}`,
          hint: 'write [db.][schema.]table, for example public.orders or "Sales"."Order Items"',
        });
      }
    }
  },
};
