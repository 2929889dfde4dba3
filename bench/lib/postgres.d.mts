import type { QueryResult } from 'pg';

export declare const ADMIN: string;
export declare const ADMIN_PASSWORD: string;
export declare function postgresBin(): string | undefined;

/** A real PostgreSQL server in a temporary data directory on a random loopback port. */
export declare class TempPostgres {
  readonly port: number;
  readonly dir: string;
  /** What the server has written to its log (stderr) so far. */
  readonly log: string;
  dsn(db?: string, user?: string, password?: string): string;
  static start(): Promise<TempPostgres>;
  sql(text: string, db?: string): Promise<QueryResult>;
  stop(): Promise<void>;
}
