import { describe, expect, it } from 'vitest';
import { dbtExtractor } from '../../../src/detect/extractors/dbt.js';
import { liquibaseExtractor } from '../../../src/detect/extractors/liquibase.js';
import { sqlExtractor } from '../../../src/detect/extractors/sql.js';
import { extractorFor } from '../../../src/detect/extractors/index.js';
import { changedLines } from '../../../src/detect/line-diff.js';
import type { Extractor, FileChange } from '../../../src/detect/types.js';

function change(path: string, before: string | undefined, after: string | undefined): FileChange {
  const status = before === undefined ? 'added' : after === undefined ? 'deleted' : 'modified';
  const c: FileChange = { path, status, ...changedLines(before, after) };
  if (before !== undefined) c.before = before;
  if (after !== undefined) c.after = after;
  return c;
}
const run = (e: Extractor, c: FileChange) => e.extract(c, {});

describe('sql extractor', () => {
  const v1 = 'ALTER TABLE a ADD x int;\n\nALTER TABLE b ADD y int;\n';
  it('keeps only statements on changed lines, with line, evidence and a note for edited migrations', () => {
    const out = run(sqlExtractor, change('db/migration/V1__x.sql', v1, v1.replace('y int', 'y bigint')));
    expect(out).toEqual([
      {
        table: 'b',
        kind: 'alter',
        detail: 'add-column',
        column: 'y',
        line: 3,
        evidence: 'ALTER TABLE b ADD y int;'.replace('int', 'bigint'),
        note: 'edits an existing migration, which may already have run',
      },
    ]);
  });
  it('reports a removed statement from the before-image', () => {
    const out = run(sqlExtractor, change('schema.sql', v1, 'ALTER TABLE a ADD x int;\n'));
    expect(out.map((c) => [c.table, c.side, c.line])).toEqual([['b', 'before', 3]]);
  });
  it('reports every statement of a deleted file, kind as written', () => {
    const out = run(sqlExtractor, change('m/0001_init.up.sql', 'DROP TABLE legacy;\n', undefined));
    expect(out.map((c) => [c.table, c.kind, c.side])).toEqual([['legacy', 'drop', 'before']]);
  });
  it('ignores down migrations, Sqitch revert/verify and Flyway undo files', () => {
    for (const p of ['m/0001_x.down.sql', 'revert/x.sql', 'verify/x.sql', 'db/U2__x.sql']) {
      expect(run(sqlExtractor, change(p, undefined, 'DROP TABLE t;\n'))).toEqual([]);
    }
  });
  it('notes repeatable Flyway migrations', () => {
    const out = run(
      sqlExtractor,
      change('db/R__views.sql', undefined, 'CREATE OR REPLACE VIEW v AS SELECT 1;\n'),
    );
    expect(out[0]?.note).toMatch(/repeatable/);
  });
  it('skips the down section of dbmate and goose files', () => {
    const text = '-- migrate:up\nCREATE TABLE p (id int);\n-- migrate:down\nDROP TABLE p;\n';
    expect(run(sqlExtractor, change('db/migrations/1_p.sql', undefined, text)).map((c) => c.kind)).toEqual([
      'create',
    ]);
  });
});

describe('liquibase extractor', () => {
  const head = '<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">\n';
  const cs =
    '  <changeSet id="1" author="a">\n    <createTable tableName="person" schemaName="hr">\n      <column name="id" type="int"/>\n    </createTable>\n  </changeSet>\n';
  it('is chosen for changelogs only', () => {
    expect(extractorFor('db/changelog.xml', head)).toBe(liquibaseExtractor);
    expect(extractorFor('pom.xml', '<project/>')).toBeUndefined();
  });
  it('reads XML change types, qualifies with schemaName and ignores rollbacks', () => {
    const after = `${head}${cs}  <changeSet id="2" author="a">\n    <renameTable oldTableName="dept" newTableName="department"/>\n    <rollback><dropTable tableName="x"/></rollback>\n  </changeSet>\n</databaseChangeLog>\n`;
    const out = run(liquibaseExtractor, change('db/changelog.xml', undefined, after));
    expect(out.map((c) => [c.table, c.kind, c.line, c.renamedTo])).toEqual([
      ['hr.person', 'create', 3, undefined],
      ['dept', 'rename', 8, 'department'],
    ]);
  });
  it('counts a changed column line inside createTable', () => {
    const before = `${head}${cs}</databaseChangeLog>\n`;
    const out = run(
      liquibaseExtractor,
      change('db/changelog.xml', before, before.replace('type="int"', 'type="bigint"')),
    );
    expect(out.map((c) => c.table)).toEqual(['hr.person']);
  });
  it('reads YAML changelogs and their sql changes', () => {
    const y =
      'databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: a\n      changes:\n        - addColumn:\n            tableName: employee\n            columns: []\n        - sql:\n            sql: |\n              UPDATE employee_flags SET x = 1;\n';
    const out = run(liquibaseExtractor, change('db/changelog.yaml', undefined, y));
    expect(out.map((c) => [c.table, c.kind, c.line])).toEqual([
      ['employee', 'alter', 6],
      ['employee_flags', 'data', 11],
    ]);
  });
});

describe('dbt extractor', () => {
  const model = "select * from {{ ref('stg_orders') }}\n";
  it('claims models before the SQL extractor', () => {
    expect(extractorFor('models/marts/fct_orders.sql', model)).toBe(dbtExtractor);
    expect(extractorFor('db/migrate/x.sql', 'ALTER TABLE a ADD b int;')).toBe(sqlExtractor);
  });
  it('names the relation after the file, or its alias, and treats ref() as a read', () => {
    expect(
      run(dbtExtractor, change('models/fct_orders.sql', undefined, model)).map((c) => [c.table, c.kind]),
    ).toEqual([['fct_orders', 'create']]);
    const aliased = "{{ config(alias='orders') }}\n" + model;
    expect(run(dbtExtractor, change('models/fct_orders.sql', model, aliased))[0]).toMatchObject({
      table: 'fct_orders',
      kind: 'rename',
      renamedTo: 'orders',
    });
  });
  it('reports a changed source table as schema.identifier', () => {
    const y =
      'version: 2\nsources:\n  - name: shop\n    schema: raw\n    tables:\n      - name: orders\n      - name: customers\n';
    const out = run(
      dbtExtractor,
      change(
        'models/src.yml',
        y,
        y.replace('- name: customers', '- name: customers\n        identifier: clients'),
      ),
    );
    expect(out.map((c) => c.table)).toEqual(['raw.clients']);
  });
});
