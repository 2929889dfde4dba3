import { changedLines } from '../line-diff.js';

/** A changed file that plainly holds schema code that no extractor of dcr reads. */
export interface UnreadFile {
  file: string;
  /** The changed lines (added, then removed), with their line numbers on their side. */
  lines: { line: number; text: string }[];
}

/** Prose mentions DDL all the time; it is not schema code. */
const PROSE = /\.(md|markdown|rst|txt|adoc|html?|ipynb|csv|tsv|json|lock|log|svg)$/i;

/** Tests hold SQL in strings and fixtures; they are not schema code either. */
const TESTS = /(^|\/)(tests?|spec|__tests__)\/|[._-](test|spec)\.[^/]+$/i;

/** Whether a changed file at this path may be schema code that no extractor reads (worth reading at all). */
export const mayBeSchemaCode = (path: string): boolean => !PROSE.test(path) && !TESTS.test(path);

/**
 * What schema code looks like whatever its framework: DDL keywords, and the calls that
 * migration tools of many languages share. Paths play no part.
 */
export const SCHEMA_SIGNATURE =
  /\b(?:create|alter|drop|rename|truncate)\s+(?:(?:temporary|temp|unlogged|materialized|or\s+replace)\s+)*(?:table|view|index|column)\b|\bmigrationBuilder\s*\.|->addSql\s*\(|\bSchema::(?:create|table|drop|rename)\b|\bop\s*\.\s*(?:add_column|drop_column|create_table|drop_table|alter_column|create_index|execute)\b|\bknex\.schema\b|\bqueryInterface\s*\.|\bqueryRunner\s*\.\s*query\s*\(|\b(?:create_table|add_column|remove_column|rename_column|change_column|drop_table)\b|\bmigrations\.(?:CreateModel|AddField|RemoveField|AlterField|RenameField|DeleteModel|RunSQL)\b/i;

/**
 * A word every match of SCHEMA_SIGNATURE holds, lower-cased (test/detect/changes/unread.test.ts
 * checks the signature's alternatives and both corpora): application code without any is
 * passed over without running the signature, whose first use costs V8 10 to 20 ms of
 * compiling on a hook's 150 files.
 */
export const SIGNATURE_WORDS = [
  'create',
  'alter',
  'drop',
  'rename',
  'truncate',
  'migrationbuilder',
  'addsql',
  'schema::',
  'execute',
  'knex',
  'queryinterface',
  'queryrunner',
  'add_column',
  'remove_column',
  'change_column',
  'migrations',
] as const;

/** Whether a text holds schema code's signature (a cheap word test first). */
export function holdsSignature(text: string | undefined): boolean {
  if (!text) return false;
  const lower = text.toLowerCase();
  return SIGNATURE_WORDS.some((w) => lower.includes(w)) && SCHEMA_SIGNATURE.test(text);
}

/**
 * The file as an UnreadFile when its changed lines look like schema code, so that the guard
 * can say it did not read it (and match contracted names on those lines) instead of staying
 * silent. Undefined for anything else.
 */
export function unreadSchemaFile(
  path: string,
  before: string | undefined,
  after: string | undefined,
): UnreadFile | undefined {
  if (!mayBeSchemaCode(path)) return undefined;
  // One scan of the texts first: the line diff runs only for files that hold schema code at all.
  if (!holdsSignature(after) && !holdsSignature(before)) return undefined;
  const { addedLines, removedLines } = changedLines(before, after);
  const a = after?.split('\n') ?? [];
  const b = before?.split('\n') ?? [];
  const lines = [
    ...[...addedLines].map((line) => ({ line, text: a[line - 1] ?? '' })),
    ...[...removedLines].map((line) => ({ line, text: b[line - 1] ?? '' })),
  ];
  return lines.some((l) => SCHEMA_SIGNATURE.test(l.text)) ? { file: path, lines } : undefined;
}
