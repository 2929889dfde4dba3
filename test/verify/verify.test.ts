import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, postgresAvailable, TempPostgres } from '../helpers/postgres.js';
import { runDcr, runDcrAsync } from '../helpers/run-dcr.js';

const contract = (id: string, body: string, extra = '') => `ingestion_jobid: ${id}
source_host: 127.0.0.1
source_db: shop
source_type: postgres
ingestion_type: incremental
ingestion_frequency_minutes: 60
source_owner: dev@example.com
ingestion_owner: data@example.com
${extra}source_tables:
${body}
`;

// The orders table as the job expects it; the database below matches it exactly.
const ORDERS = `  - name: public.orders
    columns:
      - id
      - { name: customer_id, type: int4, nullable: false }
      - { name: note, type: "varchar(200)" }
      - { name: total, type: "decimal(12, 2)", nullable: true }
      - name: updated_at
        type: timestamp with time zone
        nullable: false
    key_columns: [id]
    cursor_column: updated_at`;

describe.skipIf(!postgresAvailable())('dcr verify against a real PostgreSQL', () => {
  let db: TempPostgres;
  let dir: string;
  const write = (file: string, text: string) => writeFileSync(join(dir, 'contracts', file), text);
  const verify = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runDcr(['verify', ...args], { cwd: dir, env: { DCR_VERIFY_DSN: db.dsn('shop'), ...env } });
  const json = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const r = verify([...args, '--format', 'json'], env);
    return {
      ...r,
      out: JSON.parse(r.stdout) as {
        ok: boolean;
        contracts: string[];
        tables: number;
        diagnostics: Record<string, unknown>[];
      },
    };
  };
  const found = (d: Record<string, unknown>[]) =>
    d.map((x) => [x.file, x.line, x.column, x.rule, x.severity]);

  beforeAll(async () => {
    db = await TempPostgres.start();
    await db.sql('CREATE DATABASE shop');
    await db.sql(
      `
      CREATE TABLE public.orders (
        id bigint PRIMARY KEY,
        customer_id integer NOT NULL,
        note character varying(200),
        total numeric(12,2),
        updated_at timestamptz NOT NULL
      );
      CREATE SCHEMA sales;
      CREATE TABLE sales.refunds (id int, amount numeric, reason text);
      CREATE ROLE reader LOGIN PASSWORD 'reader-pw-0815';
      ALTER ROLE reader SET log_statement = 'all';
    `,
      'shop',
    );
    dir = mkdtempSync(join(tmpdir(), 'dcr-verify-'));
    mkdirSync(join(dir, 'contracts'));
  }, 120_000);
  afterAll(async () => {
    await db?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('passes on a database that matches, in every format, with types spelt either way', () => {
    write('orders.yaml', contract('orders', ORDERS));
    const r = json([]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.out).toEqual({
      ok: true,
      source: expect.stringMatching(/^postgres:\/\/dcr_admin@127\.0\.0\.1:\d+\/shop$/),
      contracts: ['orders'],
      tables: 1,
      diagnostics: [],
    });
    const text = verify([]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /✔ 1 contract \(1 table\) verified against postgres:\/\/dcr_admin@127\.0\.0\.1:\d+\/shop: no drift/,
    );
    expect(text.stdout + text.stderr).not.toContain(ADMIN_PASSWORD);
  });

  it('finds a missing table, a missing column, a type mismatch and a nullability mismatch at their lines', () => {
    write(
      'orders.yaml',
      contract(
        'orders',
        `  - name: public.orders
    columns:
      - id
      - { name: customer_id, type: bigint, nullable: false }
      - { name: note, nullable: false }
      - shipped_at
    key_columns: [id]
  - public.invoices
  - name: sales.refunds
    key_columns: [refund_id]`,
      ),
    );
    const r = json([]);
    expect(r.code).toBe(1);
    expect(r.out.ok).toBe(false);
    expect(found(r.out.diagnostics)).toEqual([
      ['contracts/orders.yaml', 13, 36, 'column-type', 'error'],
      ['contracts/orders.yaml', 14, 33, 'column-nullable', 'error'],
      ['contracts/orders.yaml', 15, 9, 'column-missing', 'error'],
      ['contracts/orders.yaml', 17, 5, 'table-missing', 'error'],
      ['contracts/orders.yaml', 19, 19, 'column-missing', 'error'],
    ]);
    const messages = r.out.diagnostics.map((d) => d.message);
    expect(messages[0]).toBe(
      'column "customer_id" of public.orders is integer in the database, the contract says bigint',
    );
    expect(messages[1]).toContain('"note" of public.orders may hold NULL');
    expect(messages[2]).toBe(`column "shipped_at" does not exist in public.orders`);
    expect(messages[4]).toBe('key column "refund_id" does not exist in sales.refunds');
    expect(messages[3]).toMatch(
      /table "public\.invoices" does not exist in postgres:\/\/.*\/shop \(looked in schema public\)/,
    );
    expect(r.out.diagnostics.every((d) => d.jobId === 'orders' && typeof d.hint === 'string')).toBe(true);
  });

  it('checks the cursor column, and says which column was meant', () => {
    write('orders.yaml', contract('orders', '  - name: sales.refunds\n    cursor_column: reasons'));
    const r = json([]);
    expect(found(r.out.diagnostics)).toEqual([['contracts/orders.yaml', 11, 20, 'column-missing', 'error']]);
    expect(r.out.diagnostics[0]!.message).toBe(
      'cursor column "reasons" does not exist in sales.refunds; did you mean "reason"?',
    );
  });

  it('warns, without failing, when the database is stricter than the contract', () => {
    write(
      'orders.yaml',
      contract('orders', '  - name: orders\n    columns: [{ name: customer_id, nullable: true }]'),
    );
    const r = json([]);
    expect(r.code, r.stdout).toBe(0);
    expect(found(r.out.diagnostics)).toEqual([
      ['contracts/orders.yaml', 11, 46, 'column-not-null', 'warning'],
    ]);
  });

  it('prints drift as GitHub annotations and as text with the line of the contract', () => {
    write('orders.yaml', contract('orders', '  - public.invoices'));
    const gh = verify(['--format', 'github']);
    expect(gh.code).toBe(1);
    expect(gh.stdout).toMatch(
      /^::error file=contracts\/orders\.yaml,line=10,col=5,title=dcr table-missing::table "public\.invoices" does not exist/,
    );
    const text = verify([]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('contracts/orders.yaml:10:5  error  table-missing');
    expect(text.stdout).toContain('> 10 |   - public.invoices');
    expect(text.stdout).toMatch(/✖ 1 contract \(1 table\) verified against .*: 1 error, 0 warnings/);
  });

  it("verifies only the contracts of the DSN's host and database, or the ones named", () => {
    write('orders.yaml', contract('orders', '  - public.orders'));
    write(
      'elsewhere.yaml',
      contract('elsewhere', '  - public.nothing_here').replace(
        'source_host: 127.0.0.1',
        'source_host: other-db.internal',
      ),
    );
    expect(json([]).out.contracts).toEqual(['orders']);
    const named = json(['--contract', 'elsewhere']);
    expect(named.out.contracts).toEqual(['elsewhere']);
    expect(found(named.out.diagnostics)).toEqual([
      ['contracts/elsewhere.yaml', 10, 5, 'table-missing', 'error'],
    ]);
    expect(json(['contracts/elsewhere.yaml']).out.contracts).toEqual(['elsewhere']);
    expect(json(['--source-host', 'other-db.internal']).out.contracts).toEqual(['elsewhere']);
    const none = verify(['--source-host', 'nowhere.internal']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no contract reads from nowhere.internal/shop');
    rmSync(join(dir, 'contracts', 'elsewhere.yaml'));
  });

  it('leaves out a contract file with errors, and says so', () => {
    write('orders.yaml', contract('orders', '  - public.orders'));
    write('broken.yaml', contract('broken', '  - name: public.orders\n    columns: [id, id]'));
    const r = json([]);
    expect(r.code).toBe(0);
    expect(r.out.contracts).toEqual(['orders']);
    expect(r.stderr).toContain('1 contract file has errors and is not verified');
    rmSync(join(dir, 'contracts', 'broken.yaml'));
  });

  it('reads in one read-only transaction, as a role that may only connect, and closes its connection', async () => {
    write('orders.yaml', contract('orders', ORDERS));
    const r = json([], { DCR_VERIFY_DSN: db.dsn('shop', 'reader', 'reader-pw-0815') });
    expect(r.code, r.stderr).toBe(0);
    const seen = await db.sql(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'dcr verify'",
    );
    expect(seen.rows[0].n).toBe(0); // the connection was closed
    // Every statement the reader sent is in the server's log: the catalog reads, inside a read-only transaction.
    // The log reaches this process through a pipe: wait for the last statement to arrive.
    for (let i = 0; i < 100 && !db.log.includes('statement: ROLLBACK'); i++)
      await new Promise((r) => setTimeout(r, 50));
    const statements = [...db.log.matchAll(/(?:statement|execute [^:]*): (.*)/g)].map((m) =>
      m[1]!.trim().split(/\s+/).slice(0, 3).join(' '),
    );
    expect(statements).toEqual([
      'BEGIN TRANSACTION READ',
      'SELECT pg_catalog.current_schemas(false)::text[] AS',
      'SELECT n.nspname AS',
      'ROLLBACK',
    ]);
  });

  it('says the password was refused, and never prints it (in the DSN or in PGPASSWORD)', () => {
    const wrong = 'Wr0ng-Pa55word-xyz';
    const r = verify([], { DCR_VERIFY_DSN: db.dsn('shop', 'reader', wrong) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /the database postgres:\/\/reader@127\.0\.0\.1:\d+\/shop refused the password of user "reader"/,
    );
    expect(r.stdout + r.stderr).not.toContain(wrong);
    expect(r.stdout + r.stderr).not.toContain(encodeURIComponent(wrong));
    const env = verify([], {
      DCR_VERIFY_DSN: `postgres://reader@127.0.0.1:${db.port}/shop`,
      PGPASSWORD: wrong,
    });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('refused the password');
    expect(env.stdout + env.stderr).not.toContain(wrong);
  });

  it('needs a DSN, and never echoes a malformed one', () => {
    const none = runDcr(['verify'], { cwd: dir, env: { DCR_VERIFY_DSN: '' } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('DCR_VERIFY_DSN');
    const bad = runDcr(['verify', '--dsn', 'mysql://u:Secret123@h/db'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a postgres:// URL');
    expect(bad.stderr).not.toContain('Secret123');
  });
});

describe('dcr verify against a host that does not answer', () => {
  let silent: Server;
  let port: number;
  let closed: number;
  const sockets: Socket[] = [];
  let dir: string;

  beforeAll(async () => {
    // Accepts connections and never says a word: a firewall that drops, or a hung server.
    silent = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    port = (silent.address() as { port: number }).port;
    const refusing = createServer();
    await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', r));
    closed = (refusing.address() as { port: number }).port;
    await new Promise((r) => refusing.close(r));
    dir = mkdtempSync(join(tmpdir(), 'dcr-verify-'));
    mkdirSync(join(dir, 'contracts'));
    writeFileSync(join(dir, 'contracts', 'orders.yaml'), contract('orders', '  - public.orders'));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives up after --timeout with a clear sentence and exit code 2', async () => {
    const r = await runDcrAsync(['verify', '--timeout', '1'], {
      cwd: dir,
      env: { DCR_VERIFY_DSN: `postgres://u:Hidden-9@127.0.0.1:${port}/shop` },
      killAfterMs: 30_000,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/postgres:\/\/u@127\.0\.0\.1:\d+\/shop did not answer within 1 s/);
    expect(r.stderr).not.toContain('Hidden-9');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('says when nothing listens on the port', async () => {
    const r = await runDcrAsync(['verify'], {
      cwd: dir,
      env: { DCR_VERIFY_DSN: `postgres://u:Hidden-9@127.0.0.1:${closed}/shop` },
      killAfterMs: 30_000,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('connection refused');
    expect(r.stderr).not.toContain('Hidden-9');
  });
});
