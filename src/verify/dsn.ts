import type { Contract } from '../contract/types.js';

/** What dcr may say about a DSN: never the password, never the query string. */
export interface DsnTarget {
  host: string;
  port?: number;
  database?: string;
  user?: string;
  /** `postgres://user@host:port/db`, safe to print. */
  display: string;
}

/** Parses a `postgres://` or `postgresql://` URL; undefined when it is not one (the text is never echoed). */
export function parseDsn(dsn: string): DsnTarget | undefined {
  let url: URL;
  try {
    url = new URL(dsn);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return undefined;
  const host = decodeURIComponent(url.hostname).replace(/^\[(.*)\]$/, '$1');
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined;
  const user = decodeURIComponent(url.username) || undefined;
  const target: DsnTarget = {
    host,
    display: `postgres://${user ? `${encodeURIComponent(user)}@` : ''}${url.host}/${database ? encodeURIComponent(database) : ''}`,
  };
  if (url.port) target.port = Number(url.port);
  if (database) target.database = database;
  if (user) target.user = user;
  return target;
}

/** The password written in a DSN, to be scrubbed from anything a driver says. */
export function dsnPassword(dsn: string): string | undefined {
  try {
    const p = new URL(dsn).password;
    return p ? decodeURIComponent(p) : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces every occurrence of the secrets in a text with `***`. */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (!s) continue;
    out = out.split(s).join('***');
    const encoded = encodeURIComponent(s);
    if (encoded !== s) out = out.split(encoded).join('***');
  }
  return out;
}

const hostOnly = (host: string) => host.trim().toLowerCase().replace(/:\d+$/, '');

/**
 * Whether a contract reads from this database: its host and database are the DSN's (or the
 * given `sourceHost`, for a DSN through a tunnel or a replica), and it is a PostgreSQL source.
 */
export function contractMatches(c: Contract, host: string, database: string | undefined): boolean {
  if (c.sourceType !== undefined && c.sourceType !== 'postgres') return false;
  if (database === undefined || c.sourceDb !== database) return false;
  return hostOnly(c.sourceHost) === hostOnly(host);
}
