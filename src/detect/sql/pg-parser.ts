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
  loading ??= import('libpg-query')
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

/** The parse tree of PostgreSQL SQL, or undefined when the parser is not loaded or rejects it. */
export function pgParse(sql: string): ParseResult | undefined {
  if (parseSync === undefined || sql.trim() === '') return undefined;
  try {
    return parseSync(sql);
  } catch {
    return undefined;
  }
}

/** An extractor's `prepare` for SQL: loads the PostgreSQL parser unless the configured dialect is another. */
export async function preparePgParser(options: ExtractOptions): Promise<void> {
  const configured = dialectNamed(options.dialect);
  if (configured === undefined || configured === 'postgres' || configured === 'generic') await loadPgParser();
}
