import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../../src/detect/sql/split.js';
import { tokenize } from '../../../src/detect/sql/tokenize.js';

const texts = (sql: string, d?: Parameters<typeof splitStatements>[1]) =>
  splitStatements(sql, d).map((s) => s.text);

describe('tokenize', () => {
  it('keeps quotes, comments and dollar bodies whole', () => {
    const t = tokenize(`SELECT 'a;b', "x""y", $f$ ; $f$ -- c;\n/* d /* nested */ ; */ 1`, 'postgres');
    expect(t.map((k) => k.type)).toEqual([
      'word',
      'string',
      'punct',
      'ident',
      'punct',
      'string',
      'comment',
      'comment',
      'number',
    ]);
    expect(t[3]!.value).toBe('x"y');
  });
  it('reads T-SQL brackets as identifiers but not subscripts', () => {
    expect(
      tokenize('[dbo].[Orders]', 'sqlserver')
        .filter((k) => k.type === 'ident')
        .map((k) => k.value),
    ).toEqual(['dbo', 'Orders']);
    expect(tokenize('a[1]', 'generic').some((k) => k.type === 'ident')).toBe(false);
  });
  it('honours MySQL backslash escapes and # comments', () => {
    const t = tokenize("INSERT INTO t VALUES ('it\\'s; fine') # x;", 'mysql');
    expect(t.filter((k) => k.type === 'punct' && k.text === ';')).toHaveLength(0);
  });
});

describe('splitStatements', () => {
  it('splits at semicolons outside quotes, comments and dollar quotes', () => {
    const sql =
      "CREATE TABLE a (x text DEFAULT ';');\n-- DROP TABLE b;\nDO $$ BEGIN PERFORM 1; END $$;\nSELECT 1";
    expect(texts(sql, 'postgres')).toEqual([
      "CREATE TABLE a (x text DEFAULT ';')",
      'DO $$ BEGIN PERFORM 1; END $$',
      'SELECT 1',
    ]);
  });
  it('splits T-SQL at GO and keeps BEGIN...END blocks together', () => {
    const sql =
      'IF 1 = 1\nBEGIN\n  CREATE TABLE a (x INT);\n  CREATE TABLE b (y INT);\nEND\nGO\nSELECT 1\ngo 2\n';
    expect(texts(sql, 'sqlserver')).toHaveLength(2);
  });
  it('follows MySQL DELIMITER, also glued to END', () => {
    const sql = 'DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END//\nDELIMITER ;\nCALL p();';
    expect(texts(sql, 'mysql')).toEqual(['CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END', 'CALL p()']);
  });
  it('records lines and the code lines without comments', () => {
    const [s] = splitStatements('\n-- note\nALTER TABLE a\n  -- why\n  ADD b int;\n');
    expect([s!.line, s!.endLine, [...s!.codeLines]]).toEqual([3, 5, [3, 5]]);
  });
  it('treats BEGIN; as a transaction, not a block', () => {
    expect(texts('BEGIN;\nALTER TABLE a ADD b int;\nCOMMIT;')).toHaveLength(3);
  });
});
