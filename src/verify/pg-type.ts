/**
 * PostgreSQL type names, written the way `format_type()` prints them, so that `int4`,
 * `integer` and `INT`, or `timestamptz` and `timestamp with time zone`, compare equal.
 */
const ALIASES: Record<string, string> = {
  int: 'integer',
  int4: 'integer',
  integer: 'integer',
  serial: 'integer',
  serial4: 'integer',
  int2: 'smallint',
  smallint: 'smallint',
  smallserial: 'smallint',
  serial2: 'smallint',
  int8: 'bigint',
  bigint: 'bigint',
  bigserial: 'bigint',
  serial8: 'bigint',
  float4: 'real',
  real: 'real',
  float8: 'double precision',
  float: 'double precision',
  'double precision': 'double precision',
  bool: 'boolean',
  boolean: 'boolean',
  varchar: 'character varying',
  'character varying': 'character varying',
  char: 'character',
  character: 'character',
  bpchar: 'character',
  decimal: 'numeric',
  numeric: 'numeric',
  timestamptz: 'timestamp with time zone',
  'timestamp with time zone': 'timestamp with time zone',
  timestamp: 'timestamp without time zone',
  'timestamp without time zone': 'timestamp without time zone',
  timetz: 'time with time zone',
  'time with time zone': 'time with time zone',
  time: 'time without time zone',
  'time without time zone': 'time without time zone',
  varbit: 'bit varying',
  'bit varying': 'bit varying',
};

export interface PgType {
  /** The base name, canonical: `character varying`, `timestamp with time zone`. */
  base: string;
  /** The modifier without parentheses and spaces (`64`, `12,2`), when written. */
  modifier?: string;
  /** Array dimensions (`integer[]`, `_int4`). */
  array: boolean;
}

/** Parses a type as a contract or `format_type()` writes it. */
export function parsePgType(text: string): PgType {
  let t = text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^pg_catalog\./, '');
  let array = false;
  if (/(\[\d*\])+$/.test(t)) {
    array = true;
    t = t.replace(/(\s*\[\d*\])+$/, '');
  } else if (t.startsWith('_')) {
    array = true;
    t = t.slice(1);
  }
  // The modifier may sit inside the name: `timestamp(3) with time zone`.
  let modifier: string | undefined;
  t = t.replace(/\s*\(([^)]*)\)\s*/, (_, m: string) => {
    modifier = m.replace(/\s+/g, '');
    return ' ';
  });
  t = t.trim().replace(/\s+/g, ' ');
  const base = ALIASES[t] ?? t;
  const out: PgType = { base, array };
  // `char` alone is `character(1)`, as PostgreSQL reads it.
  if (modifier !== undefined) out.modifier = modifier;
  else if (base === 'character' && (t === 'char' || t === 'character')) out.modifier = '1';
  return out;
}

/** Whether the database's type is the one the contract states; a modifier the contract leaves out is not compared. */
export function typeMatches(stated: string, actual: string): boolean {
  const s = parsePgType(stated);
  const a = parsePgType(actual);
  if (s.base !== a.base || s.array !== a.array) return false;
  return s.modifier === undefined || s.modifier === a.modifier;
}
