import type { ChangeKind } from '../types.js';

/** A table a statement writes or changes, found by the classifier. */
export interface SqlTarget {
  /** As written (quotes kept), or null when the statement changes a table it does not name. */
  table: string | null;
  kind: ChangeKind;
  renamedTo?: string;
  /** Index of the token that starts the (sub-)statement, for its line and evidence. */
  at: number;
  note?: string;
  /** `DROP INDEX x` without its table: the index, resolved to its table from the statement that created it. */
  index?: string;
  /** For statements inside a string (a `DO $$...$$` body): their own line and code lines. */
  line?: number;
  lines?: number[];
}
