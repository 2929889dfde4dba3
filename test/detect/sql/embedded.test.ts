import { describe, expect, it } from 'vitest';
import { sqlTableChanges } from '../../../src/detect/sql/embedded.js';

const found = (sql: string, dialect?: string) =>
  sqlTableChanges(sql, dialect ? { dialect } : {}).map(
    (c) => `${c.kind}:${c.table}${c.renamedTo ? `>${c.renamedTo}` : ''}@${c.line}`,
  );

describe('sqlTableChanges: targets, never reads', () => {
  it.each([
    ['CREATE TABLE public.orders (id int, c int REFERENCES customers(id))', ['create:public.orders@1']],
    ['ALTER TABLE ONLY orders ADD CONSTRAINT f FOREIGN KEY (c) REFERENCES customers(id)', ['alter:orders@1']],
    ['ALTER TABLE "apiKeys" RENAME TO api_keys', ['rename:"apiKeys">api_keys@1']],
    ['ALTER TABLE orders RENAME COLUMN a TO b', ['alter:orders@1']],
    [
      'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON public.orders (lower(e))',
      ['alter:public.orders@1'],
    ],
    // An index whose creation is not in the text: a change to a table dcr cannot name (a notice).
    ["DROP INDEX IF EXISTS i; ALTER SEQUENCE s RESTART; ALTER TYPE t ADD VALUE 'x'", ['alter:null@1']],
    ['CREATE INDEX i ON orders (a); DROP INDEX i', ['alter:orders@1', 'alter:orders@1']],
    ['DROP INDEX ix ON orders', ['alter:orders@1'], 'mysql'],
    ['INSERT INTO a (x) SELECT x FROM b', ['data:a@1']],
    ['UPDATE t SET x = 1 FROM dbo.Orders t JOIN c ON c.id = t.cid', ['data:dbo.Orders@1']],
    ['DELETE FROM sessions USING users WHERE sessions.uid = users.id', ['data:sessions@1']],
    ['WITH m AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM m', ['data:a@1', 'data:b@1']],
    ['CREATE VIEW v AS SELECT * FROM orders', ['create:v@1']],
    ['SELECT * INTO archive_2023 FROM orders', ['create:archive_2023@1']],
    ['TRUNCATE TABLE a, b', ['data:a@1', 'data:b@1']],
    ['COPY t (a) FROM stdin', ['data:t@1']],
    ['COPY t TO stdout', []],
    ['RENAME TABLE a TO b, c TO d', ['rename:a>b@1', 'rename:c>d@1'], 'mysql'],
    ['CREATE TEMP TABLE scratch AS SELECT 1', []],
    ["COMMENT ON COLUMN public.orders.status IS 'x'", ['alter:public.orders@1']],
    ["SELECT 'DROP TABLE orders' -- ALTER TABLE orders", []],
    ['INSERT INTO schema_migrations (version) VALUES (1)', []],
  ])('%s', (sql, expected, dialect?: string) => {
    expect(found(sql, dialect)).toEqual(expected);
  });

  it('reports a table named at run time as null', () => {
    expect(found("DO $$ BEGIN EXECUTE format('ALTER TABLE %I ADD c int', t); END $$")).toEqual([
      'alter:null@1',
    ]);
    expect(found("SET @s = CONCAT('ALTER TABLE ', @t);\nPREPARE st FROM @s;", 'mysql')).toEqual([
      'alter:null@2',
    ]);
  });
  it('reads the literal names of sp_rename', () => {
    expect(found("EXEC sp_rename 'dbo.Customers.Mail', 'Email', 'COLUMN'", 'sqlserver')).toEqual([
      'alter:dbo.Customers@1',
    ]);
    expect(found("EXEC sp_rename 'dbo.Old', 'New'", 'sqlserver')).toEqual(['rename:dbo.Old>New@1']);
  });
  it('finds statements inside DO blocks and T-SQL IF blocks on their own lines', () => {
    expect(found('DO $$\nBEGIN\n  IF x THEN\n    ALTER TABLE a ADD b int;\n  END IF;\nEND $$;')).toEqual([
      'alter:a@4',
    ]);
    expect(
      found(
        "IF OBJECT_ID(N'dbo.T') IS NULL\nBEGIN\n  CREATE TABLE dbo.T (Id INT)\n  CREATE INDEX IX ON dbo.T (Id)\nEND",
        'sqlserver',
      ),
    ).toEqual(['create:dbo.T@3', 'alter:dbo.T@4']);
  });
  it('collapses a SQLite table rebuild to one change', () => {
    const sql =
      'CREATE TABLE "temporary_users" (id int);\nINSERT INTO "temporary_users" SELECT * FROM "users";\nDROP TABLE "users";\nALTER TABLE "temporary_users" RENAME TO "users";';
    expect(found(sql)).toEqual(['alter:"users"@1']);
    expect(
      found(
        'CREATE TABLE _alembic_tmp_orders (id int);\nDROP TABLE orders;\nALTER TABLE _alembic_tmp_orders RENAME TO orders;',
      ),
    ).toEqual(['alter:orders@1']);
  });
  it('reads BigQuery and Snowflake names', () => {
    expect(found('CREATE OR REPLACE TABLE `p-1.ds.t` AS SELECT 1', 'bigquery')).toEqual([
      'create:`p-1`.`ds`.`t`@1',
    ]);
    expect(found('COPY INTO raw.orders FROM @stage', 'snowflake')).toEqual(['data:raw.orders@1']);
  });
});
