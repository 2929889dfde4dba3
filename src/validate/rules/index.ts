import type { Rule } from '../rule.js';
import { columnNotListed } from './column-not-listed.js';
import { cursorNotIncremental } from './cursor-not-incremental.js';
import { duplicateColumn } from './duplicate-column.js';
import { duplicateJobId } from './duplicate-jobid.js';
import { duplicateTable } from './duplicate-table.js';
import { emailFormat } from './email-format.js';
import { filenameJobId } from './filename-jobid.js';
import { frequency } from './frequency.js';
import { frequencyString } from './frequency-string.js';
import { tableName } from './table-name.js';

/** Every semantic rule, by id. Add a rule by writing its file and listing it here. */
export const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>(
  [
    duplicateJobId,
    filenameJobId,
    emailFormat,
    frequency,
    frequencyString,
    tableName,
    duplicateTable,
    duplicateColumn,
    columnNotListed,
    cursorNotIncremental,
  ].map((r) => [r.id, r]),
);
