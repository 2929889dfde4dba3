import type { ColumnSpec, TableDetails } from './types.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;

/**
 * Reads `tableColumns` back from foreign JSON (a published registry.json), field by field:
 * no key or value that is not of the documented shape reaches the result.
 */
export function tableColumnsFromJson(value: unknown): Record<string, TableDetails> | undefined {
  if (!isObject(value)) return undefined;
  const out = Object.create(null) as Record<string, TableDetails>;
  for (const [table, raw] of Object.entries(value)) {
    if (!isObject(raw)) continue;
    const details: TableDetails = {};
    if (Array.isArray(raw.columns)) {
      details.columns = raw.columns.flatMap((c): ColumnSpec[] => {
        if (!isObject(c) || typeof c.name !== 'string') return [];
        const column: ColumnSpec = { name: c.name };
        if (typeof c.type === 'string') column.type = c.type;
        if (typeof c.nullable === 'boolean') column.nullable = c.nullable;
        return [column];
      });
    }
    const keys = strings(raw.keyColumns);
    if (keys) details.keyColumns = keys;
    if (typeof raw.cursorColumn === 'string') details.cursorColumn = raw.cursorColumn;
    out[table] = details;
  }
  return out;
}
