import { describe, expect, it } from 'vitest';
import { contractMatches, parseDsn, scrub } from '../../src/verify/dsn.js';
import { parsePgType, typeMatches } from '../../src/verify/pg-type.js';
import type { Contract } from '../../src/contract/types.js';

describe('PostgreSQL type names', () => {
  it.each([
    ['int4', 'integer'],
    ['INT', 'integer'],
    ['serial', 'integer'],
    ['int8', 'bigint'],
    ['bigserial', 'bigint'],
    ['int2', 'smallint'],
    ['float8', 'double precision'],
    ['float4', 'real'],
    ['bool', 'boolean'],
    ['timestamptz', 'timestamp with time zone'],
    ['timestamp', 'timestamp without time zone'],
    ['timetz', 'time with time zone'],
    ['varchar(64)', 'character varying(64)'],
    ['VARCHAR ( 64 )', 'character varying(64)'],
    ['decimal(12, 2)', 'numeric(12,2)'],
    ['timestamptz(3)', 'timestamp(3) with time zone'],
    ['char', 'character(1)'],
    ['_int4', 'integer[]'],
    ['int[]', 'integer[]'],
    ['text', 'text'],
    ['jsonb', 'jsonb'],
    ['pg_catalog.uuid', 'uuid'],
  ])('%s is %s as format_type() prints it', (stated, actual) => {
    expect(typeMatches(stated, actual)).toBe(true);
  });

  it.each([
    ['bigint', 'integer'],
    ['varchar(64)', 'character varying(128)'],
    ['timestamp', 'timestamp with time zone'],
    ['integer', 'integer[]'],
    ['json', 'jsonb'],
    ['numeric(12,2)', 'numeric(10,2)'],
  ])('%s is not %s', (stated, actual) => {
    expect(typeMatches(stated, actual)).toBe(false);
  });

  it('leaves a length the contract does not state uncompared', () => {
    expect(typeMatches('varchar', 'character varying(200)')).toBe(true);
    expect(typeMatches('numeric', 'numeric(12,2)')).toBe(true);
    expect(parsePgType('character varying(200)')).toEqual({
      base: 'character varying',
      modifier: '200',
      array: false,
    });
  });
});

describe('DSNs', () => {
  it('says where it connects without the password or the query string', () => {
    const t = parseDsn('postgresql://reader:s3cr%40t@db.internal:6432/shop?sslmode=require&password=x')!;
    expect(t).toEqual({
      host: 'db.internal',
      port: 6432,
      database: 'shop',
      user: 'reader',
      display: 'postgres://reader@db.internal:6432/shop',
    });
    expect(JSON.stringify(t)).not.toContain('s3cr');
  });
  it('refuses what is not a postgres URL', () => {
    expect(parseDsn('mysql://u:p@h/db')).toBeUndefined();
    expect(parseDsn('host=db user=u password=p')).toBeUndefined();
  });
  it('scrubs a secret, plain and URL-encoded, from a driver message', () => {
    expect(scrub('auth failed for s3cr@t (s3cr%40t)', ['s3cr@t', undefined])).toBe(
      'auth failed for *** (***)',
    );
  });
  it('matches contracts by host (any case, port ignored), database and a postgres source type', () => {
    const c = { sourceHost: 'DB.internal:5432', sourceDb: 'shop', sourceType: 'postgres' } as Contract;
    expect(contractMatches(c, 'db.internal', 'shop')).toBe(true);
    expect(contractMatches(c, 'db.internal', 'Shop')).toBe(false);
    expect(contractMatches({ ...c, sourceType: 'mysql' }, 'db.internal', 'shop')).toBe(false);
    expect(contractMatches({ ...c, sourceType: undefined } as Contract, 'db.internal', 'shop')).toBe(true);
    expect(contractMatches(c, 'db.internal', undefined)).toBe(false);
  });
});
