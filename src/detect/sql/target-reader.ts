import type { ChangeKind } from '../types.js';
import { Cursor } from './cursor.js';
import type { Dialect } from './dialect.js';
import { readName } from './qualified-name.js';
import type { SqlTarget } from './target.js';
import type { Token } from './tokenize.js';

/** Words that cannot be a table name where one is expected (guards against odd syntax). */
const NOT_A_NAME = new Set([
  'SET',
  'WHERE',
  'FROM',
  'SELECT',
  'VALUES',
  'AS',
  'ON',
  'TO',
  'USING',
  'DEFAULT',
  'TABLE',
  'INTO',
  'IF',
  'NOT',
  'EXISTS',
  'ONLY',
  'CASCADE',
  'RESTRICT',
  'AND',
  'OR',
  'WITH',
  'BEGIN',
  'END',
  'TOP',
  'ALL',
  'COLUMN',
  'SCHEMA',
  'DATABASE',
  'FUNCTION',
  'PROCEDURE',
  'SEQUENCE',
  'TYPE',
  'INDEX',
  'OUTFILE',
  'DUMPFILE',
  'STDIN',
  'STDOUT',
  'NULL',
  'LATERAL',
  'OVERWRITE',
  'IGNORE',
]);

/** What the classifier found in one statement, and where it stopped reading. */
export interface Classified {
  targets: SqlTarget[];
  /** For routine definitions: the whole rest belongs to the body (nothing in it runs now). */
  swallow?: boolean;
}

/** How a reader classifies SQL it finds inside the statement it reads. */
export interface Recursion {
  /** Classifies the (sub-)statement in tokens `from`..`to` of the same token list. */
  statement(from: number, to: number, procedural: boolean): Classified;
  /** The statements inside a string (a DO body, `EXECUTE '...'`), attributed to token `at`. */
  inString(str: Token, at: number): SqlTarget[];
}

/**
 * A cursor over one statement's tokens that collects its targets. The per-verb readers
 * (ddl-targets.ts, dml-targets.ts, dynamic-sql-targets.ts) advance it and call `add`.
 */
export class TargetReader extends Cursor {
  readonly targets: SqlTarget[] = [];

  constructor(
    tokens: readonly Token[],
    /** Index of the statement's first token: every target found is attributed to it. */
    readonly start: number,
    end: number,
    readonly dialect: Dialect,
    /** Inside a procedural block (`SELECT ... INTO` fills variables there). */
    readonly procedural: boolean,
    readonly recurse: Recursion,
  ) {
    super(tokens, start, end);
  }

  /** Records a target unless the name is missing or a keyword read by mistake. */
  add(name: string | null | undefined, kind: ChangeKind, extra: Partial<SqlTarget> = {}): void {
    if (name === undefined) return;
    if (name !== null && NOT_A_NAME.has(name.toUpperCase())) return;
    this.targets.push({ table: name, kind, at: this.start, ...extra });
  }

  /** Reads a name at the cursor (skipping IF [NOT] EXISTS / ONLY), advancing past it. */
  name(): string | null | undefined {
    if (!this.accept('IF', 'NOT', 'EXISTS')) this.accept('IF', 'EXISTS');
    this.accept('ONLY');
    const n = readName(this.tokens, this.i, this.dialect);
    if (!n) return undefined;
    this.i = n.end;
    if (this.tok()?.text === '*') this.i++;
    return n.temporary ? undefined : n.text;
  }

  /** Reads a comma-separated list of names, each recorded with `kind`. */
  names(kind: ChangeKind, extra: Partial<SqlTarget> = {}): void {
    for (;;) {
      this.add(this.name(), kind, extra);
      if (this.tok()?.text !== ',') break;
      this.i++;
    }
  }
}
