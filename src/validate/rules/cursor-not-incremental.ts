import type { FileRule } from '../rule.js';
import { stringField, tablesOf } from '../rule.js';
import { columnMessages as say } from './messages.js';

export const cursorNotIncremental: FileRule = {
  id: 'cursor-not-incremental',
  scope: 'file',
  severity: 'warning',
  description:
    'A cursor column belongs to an incremental job; on a full, CDC or stream job it is likely a mistake.',
  check(f, report) {
    const type = stringField(f.data, 'ingestion_type');
    if (type === undefined || type === 'incremental') return;
    for (const t of tablesOf(f.data)) {
      if (t.details && Object.hasOwn(t.details, 'cursor_column'))
        report(f, [...t.at, 'cursor_column'], say.cursorNotIncremental(type), { key: true });
    }
  },
};
