import { parseTableName, type NamePart, type TableName } from '../contract/table-name.js';
import type { Contract } from '../contract/types.js';
import type { Registry } from '../registry/registry.js';
import { matchNotes } from './messages.js';

/** A contract table that a name in code refers to. */
export interface TableMatch {
  contract: Contract;
  /** The contract's table, as written in the contract. */
  table: string;
  /** How the match was made, when it was not an exact, equally qualified name. */
  note?: string;
}

export interface MatchOptions {
  /** Schema an unqualified name in code resolves to (e.g. `public`, `dbo`); unset: any schema. */
  defaultSchema?: string;
  /** Also match retired contracts (the catalog's API lists them, marked; the guard does not). */
  includeRetired?: boolean;
}

/**
 * Parses a name as it appears in code. Extractors keep quotes (`"Order Items"`), and some hand
 * over names with whitespace around dots; anything that still does not parse is taken as one
 * unquoted part, so it can match nothing by accident but an identical contract name.
 */
export function parseCodeName(text: string): TableName | undefined {
  const parsed = parseTableName(text.trim().replace(/\s*\.\s*/g, '.'));
  return 'error' in parsed ? undefined : parsed;
}

/**
 * Whether a contract's name part names the part written in code. A part quoted in the contract
 * is exact. An unquoted one is how people write names: it matches the name unquoted in code case
 * aside, and quoted in code with the same spelling (`User` matches `user` and `"User"`, not
 * `"USER"`).
 */
const partMatches = (contract: NamePart, code: NamePart) =>
  contract.quoted
    ? code.quoted && contract.name === code.name
    : code.quoted
      ? contract.name === code.name
      : contract.name.toLowerCase() === code.name.toLowerCase();

const same = (contract: NamePart | undefined, code: NamePart | undefined) =>
  contract === undefined || code === undefined || partMatches(contract, code);

/** The registry keys a table part in code can be indexed under (a quoted part also under its folded spelling). */
export function lookupKeys(part: NamePart): string[] {
  const folded = part.name.toLowerCase();
  return part.quoted && part.name !== folded ? [part.name, folded] : [folded];
}

/**
 * The contract tables a name in code matches: the table part must match (see `partMatches`),
 * and schema and database must agree where both names have them. An unqualified name in code
 * matches that table in any schema (noted), or only in `defaultSchema` when one is configured.
 */
export function matchTable(code: string, registry: Registry, options: MatchOptions = {}): TableMatch[] {
  const name = parseCodeName(code);
  if (!name) return [];
  const schema: NamePart | undefined =
    name.schema ?? (options.defaultSchema ? { name: options.defaultSchema, quoted: false } : undefined);
  const out: TableMatch[] = [];
  const candidates = new Set(lookupKeys(name.table).flatMap((key) => registry.byTableKey(key)));
  for (const contract of candidates) {
    if (contract.status === 'retired' && !options.includeRetired) continue;
    for (const table of contract.tables) {
      const t = parseTableName(table);
      if ('error' in t) continue;
      if (!partMatches(t.table, name.table) || !same(t.schema, schema) || !same(t.db, name.db)) continue;
      const match: TableMatch = { contract, table };
      if (!name.schema && t.schema) {
        match.note = options.defaultSchema
          ? matchNotes.defaultSchema(code, options.defaultSchema, table)
          : matchNotes.unqualified(code, table);
      }
      out.push(match);
    }
  }
  return out;
}

/**
 * A repository URL or name in one comparable form: `host/owner/name`, lower case, without
 * scheme, user, port, `.git` or trailing slash. `git@github.com:o/r.git`,
 * `https://github.com/o/r` and `ssh://git@github.com:22/o/r` all become `github.com/o/r`.
 */
export function normalizeRepo(text: string): string {
  let s = text.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, ''); // scheme
  s = s.replace(/^[^@/]*@/, ''); // user (and password) before the host
  s = s.replace(/^([^/:]+):(\d+)\//, '$1/'); // port
  s = s.replace(/^([^/:]+):(?!\/)/, '$1/'); // scp-like host:path
  s = s
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  return s;
}

/**
 * Whether a contract's `source_repo` names this repository, known by its remote URLs and the
 * config's `repo`. A shorter form matches a longer one on whole path segments (`o/r` matches
 * `github.com/o/r`, never `github.com/xo/r`).
 */
export function repoMatches(sourceRepo: string, identities: readonly string[]): boolean {
  const want = normalizeRepo(sourceRepo);
  return identities.some((id) => {
    const have = normalizeRepo(id);
    if (have === want) return true;
    const [long, short] = have.length > want.length ? [have, want] : [want, have];
    return short !== '' && long.endsWith(`/${short}`);
  });
}
