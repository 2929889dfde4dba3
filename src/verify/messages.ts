import type { Message } from '../messages.js';

const q = (s: string) => JSON.stringify(s);

/** The sentences of `dcr verify`. */
export const verifyMessages = {
  tableMissing: (table: string, db: string, where: string): Message => ({
    message: `table ${q(table)} does not exist in ${db} (looked in ${where})`,
    hint: 'correct the name (schema.table), or remove the table from the contract if the job no longer reads it',
  }),
  columnMissing: (column: string, table: string, role: string | undefined, suggestion?: string): Message => ({
    message: `${role ? `${role} column` : 'column'} ${q(column)} does not exist in ${table}${suggestion ? `; did you mean ${q(suggestion)}?` : ''}`,
    hint: suggestion
      ? `write ${q(suggestion)} if that is the column the job reads`
      : 'the source may have dropped or renamed it: talk to the source owner, then correct the contract',
  }),
  typeMismatch: (column: string, table: string, stated: string, actual: string): Message => ({
    message: `column ${q(column)} of ${table} is ${actual} in the database, the contract says ${stated}`,
    hint: `if the job handles ${actual}, write \`type: ${actual}\`; otherwise talk to the source owner`,
  }),
  mayBeNull: (column: string, table: string): Message => ({
    message: `column ${q(column)} of ${table} may hold NULL in the database, the contract says it does not`,
    hint: 'the job may receive NULLs: make it handle them and write `nullable: true`, or ask the source owner for NOT NULL',
  }),
  neverNull: (column: string, table: string): Message => ({
    message: `column ${q(column)} of ${table} is NOT NULL in the database, the contract says it may hold NULL`,
    hint: 'harmless for the job; write `nullable: false` to keep the contract exact',
  }),
  noDsn: (): Message => ({
    message: 'no database to verify against',
    hint: 'set DCR_VERIFY_DSN=postgres://user@host:5432/db (the password in PGPASSWORD or the URL), or pass --dsn',
  }),
  badDsn: (): Message => ({
    message: 'the DSN is not a postgres:// URL (it is not printed: it may hold a password)',
    hint: 'write it as postgres://user:password@host:5432/database',
  }),
  notAFolder: (): Message => ({
    message: 'dcr verify reads a contracts folder (it points at the line of each contract to fix)',
    hint: 'run it in a checkout of the contracts repository, or pass --contracts DIR',
  }),
  noneMatch: (host: string, db: string | undefined): Message => ({
    message: `no contract reads from ${host}${db ? `/${db}` : ''} (source_host and source_db, of a postgres source)`,
    hint: 'name the contracts with --contract JOBID or their files, or say which source_host the DSN reaches with --source-host',
  }),
  unknownContract: (id: string, suggestion?: string): Message => ({
    message: `no contract has the job id ${q(id)}${suggestion ? `; did you mean ${q(suggestion)}?` : ''}`,
    hint: 'run `dcr validate` to list the contracts and their problems',
  }),
  invalidSkipped: (n: number): Message => ({
    message: `${n} contract ${n === 1 ? 'file has' : 'files have'} errors and ${n === 1 ? 'is' : 'are'} not verified`,
    hint: 'run `dcr validate`',
  }),
  connectFailed: (db: string, why: string): Message => ({
    message: `could not connect to ${db}: ${why}`,
    hint: 'check the host, port, user and password (DCR_VERIFY_DSN or PGPASSWORD); nothing was verified',
  }),
  authFailed: (db: string, user: string | undefined): Message => ({
    message: `the database ${db} refused the password${user ? ` of user ${q(user)}` : ''}`,
    hint: 'check the password in DCR_VERIFY_DSN or PGPASSWORD (it is never printed); nothing was verified',
  }),
  timedOut: (db: string, seconds: number): Message => ({
    message: `${db} did not answer within ${seconds} s`,
    hint: 'check that the host and port are reachable from here (VPN, firewall), or raise --timeout; nothing was verified',
  }),
  queryFailed: (db: string, why: string): Message => ({
    message: `reading the catalog of ${db} failed: ${why}`,
    hint: 'the user needs to connect and read pg_catalog (any role can); nothing was verified',
  }),
  badTimeout: (text: string): Message => ({
    message: `--timeout must be a positive number of seconds, not ${q(text)}`,
  }),
  summary: (contracts: number, tables: number, db: string, errors: number, warnings: number) => {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const what = `${plural(contracts, 'contract')} (${plural(tables, 'table')}) verified against ${db}`;
    const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
    return errors > 0 ? `✖ ${what}: ${counts}` : `✔ ${what}: no drift${warnings ? ` (${counts})` : ''}`;
  },
} as const;
