import type { FileRule } from '../rule.js';
import { columnsOf, stringsOf, tablesOf } from '../rule.js';
import { columnMessages as say } from './messages.js';

export const duplicateColumn: FileRule = {
  id: 'duplicate-column',
  scope: 'file',
  severity: 'error',
  description: 'A column appears once in a table’s columns, and once in its key_columns.',
  check(f, report) {
    for (const t of tablesOf(f.data)) {
      if (!t.details) continue;
      const lists = [
        { list: 'columns' as const, names: columnsOf(t) },
        {
          list: 'key_columns' as const,
          names: stringsOf(t.details, 'key_columns').map((k) => ({
            name: k.value,
            path: [...t.at, ...k.path],
          })),
        },
      ];
      for (const { list, names } of lists) {
        const seen = new Set<string>();
        for (const { name, path } of names) {
          if (seen.has(name)) report(f, path, say.duplicate(name, t.value, list));
          seen.add(name);
        }
      }
    }
  },
};
