import type { ParseResult } from 'libpg-query';
import type { ExtractOptions } from '../types.js';
import { dialectNamed } from './dialect.js';

type ParseSync = (sql: string) => ParseResult;

let parseSync: ParseSync | undefined;
let loading: Promise<boolean> | undefined;

/**
 * Loads PostgreSQL's own grammar (libpg-query, WebAssembly shipped inside the package) once
 * per process. Imported on demand: a commit without SQL never pays its start-up. Resolves to
 * false, and the tokenizer classifier stays in charge, when it cannot load.
 */
export function loadPgParser(): Promise<boolean> {
  loading ??= import('node:v8')
    // V8's baseline WebAssembly compiler only: the optimising one would recompile the 1.7 MB
    // grammar on the second core for the rest of a hook's short life (half a second of CPU,
    // measured with `npm run bench -- check`), and parsing a few hundred statements gains
    // nothing from it.
    .then((v8) => v8.setFlagsFromString('--liftoff-only'))
    .then(() => import('libpg-query'))
    .then(async (m) => {
      await m.loadModule();
      parseSync = m.parseSync;
      return true;
    })
    .catch(() => false);
  return loading;
}

/** Whether the PostgreSQL parser is loaded (statement classification then prefers it). */
export const pgParserLoaded = (): boolean => parseSync !== undefined;

/**
 * The names that matter (the change guard: words of contracted table names). A statement that
 * names none of them is left to the tokenizer classifier, and a diff whose files name none
 * never loads the parser at all; findings for the tables named keep PostgreSQL's grammar.
 */
export interface PgFocus {
  /** Lower-case words (letters, digits, `_`, `$`) of every table name that matters. */
  words: ReadonlySet<string>;
}

let focus: PgFocus | undefined;

/**
 * Runs `work` (synchronous, so that concurrent diffs never see each other's focus) with the
 * parser limited to statements that `concerns` the focus.
 */
export function withPgFocus<T>(f: PgFocus | undefined, work: () => T): T {
  const previous = focus;
  focus = f;
  try {
    return work();
  } finally {
    focus = previous;
  }
}

const WORD = /[\p{L}\p{N}_$]+/gu;
const ONE_WORD = /^[\p{L}\p{N}_$]+$/u;
const ASCII_WORD = /^[a-z0-9_$]+$/;
/** Statements that reach a table without naming it: an index or a schema, a whole-schema cascade. */
const UNNAMED_TABLE = /\b(?:drop|alter|reindex|comment\s+on)\s+(?:index|schema)\b|\breindex\b|\bcascade\b/i;

/** Whether a text (a statement, or a whole file) may change a table of the focus. */
export function concerns(f: PgFocus, text: string): boolean {
  if (UNNAMED_TABLE.test(text)) return true;
  for (const m of text.matchAll(WORD)) if (f.words.has(m[0].toLowerCase())) return true;
  return false;
}

/**
 * Statements whose targets the tokenizer classifier reads exactly as PostgreSQL's grammar does
 * (checked on every statement of the accuracy corpus by test/detect/sql/pg-parser.test.ts):
 * a plain ALTER TABLE, CREATE TABLE, CREATE INDEX, DROP TABLE, INSERT or COMMENT, with no
 * query inside (`AS SELECT`, `INSERT ... SELECT`), no dollar quoting and no RETURNING. They are
 * most of a migration; the grammar reads the rest.
 */
const PLAIN =
  /^(?:alter\s+table|create\s+(?:(?:global\s+|local\s+)?(?:temp|temporary|unlogged)\s+)?table|create\s+(?:unique\s+)?index|drop\s+table|insert\s+into|comment\s+on\s+(?:table|column))\b/i;
const NOT_PLAIN = /\bselect\b|\$|\breturning\b/i;
const LEADING_COMMENTS = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;

/** Whether a statement (its text from its first token) is one the tokenizer reads as the grammar does. */
export function isPlain(statement: string): boolean {
  const text = statement.replace(LEADING_COMMENTS, '');
  return PLAIN.test(text) && !NOT_PLAIN.test(text);
}

/**
 * Whether a text (a whole file) may hold a statement that concerns the focus and is not plain,
 * so that the grammar must load before the file is read. Statements are cut at every `;`, a
 * cut that errs on the side of loading: a function body or code around embedded SQL is never
 * plain.
 */
export function needsGrammar(f: PgFocus, text: string): boolean {
  for (const chunk of text.split(';')) if (concerns(f, chunk) && !isPlain(chunk)) return true;
  return false;
}

/** The words `concerns` looks for, from bare table names (a statement naming a table names its bare name). */
export function focusOn(bareNames: Iterable<string>): PgFocus {
  const words = new Set<string>();
  for (const name of bareNames) {
    // Most names are one lower-case ASCII word, as the registry's keys are: no Unicode test, no
    // case folding, no iterator for them (5,000 contracts name about 10,000 tables).
    if (ASCII_WORD.test(name)) words.add(name);
    else if (ONE_WORD.test(name)) words.add(name.toLowerCase());
    else for (const m of name.matchAll(WORD)) words.add(m[0].toLowerCase());
  }
  return { words };
}

/** The parse tree of PostgreSQL SQL, or undefined when the parser is not loaded or rejects it. */
export function pgParse(sql: string): ParseResult | undefined {
  if (parseSync === undefined || sql.trim() === '') return undefined;
  if (focus && (!concerns(focus, sql) || isPlain(sql))) return undefined;
  try {
    return parseSync(sql);
  } catch {
    return undefined;
  }
}

/** An extractor's `prepare` for SQL: loads the PostgreSQL parser unless the configured dialect is another. */
export async function preparePgParser(options: ExtractOptions): Promise<void> {
  if (options.withoutPgParser) return;
  const configured = dialectNamed(options.dialect);
  if (configured === undefined || configured === 'postgres' || configured === 'generic') await loadPgParser();
}
