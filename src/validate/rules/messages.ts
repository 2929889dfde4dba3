import type { Message } from '../../messages.js';

const quote = (s: string) => JSON.stringify(s);

/** The sentences of the column rules. */
export const columnMessages = {
  notListed: (role: 'key' | 'cursor', column: string, table: string, suggestion?: string): Message => ({
    message: `${role} column ${quote(column)} is not among the columns listed for ${quote(table)}${
      suggestion ? `; did you mean ${quote(suggestion)}?` : ''
    }`,
    hint: suggestion
      ? `write ${quote(suggestion)}, or add ${quote(column)} to \`columns\``
      : `add ${quote(column)} to \`columns\` (the job reads its ${role} column), or correct the name`,
  }),
  duplicate: (column: string, table: string, list: 'columns' | 'key_columns'): Message => ({
    message: `column ${quote(column)} is listed twice in ${list} of ${quote(table)}`,
    hint: 'remove the second entry; column names compare exactly as written',
  }),
  cursorNotIncremental: (type: string): Message => ({
    message: `cursor_column is set, but this is a ${type} job; only an incremental job resumes from a cursor`,
    hint: 'set `ingestion_type: incremental` if the job reads only new rows, or remove cursor_column',
  }),
} as const;
