import { describe, expect, it } from 'vitest';
import { liquibaseExtractor } from '../../../src/detect/extractors/liquibase.js';
import type { TableChange } from '../../../src/detect/types.js';
import { run } from './change.js';
import { checkMigration } from './drop-column-cli.js';

const rows = (changes: TableChange[]) => changes.map((c) => [c.table, c.kind, c.detail, c.column, c.line]);

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="7" author="ana">
    <addColumn tableName="orders">
      <column name="note" type="text"/>
      <column name="channel" type="varchar(20)" defaultValue="web"/>
    </addColumn>
    <dropColumn tableName="orders" columnName="amount"/>
    <dropColumn tableName="orders">
      <column name="legacy_a"/>
      <column name="legacy_b"/>
    </dropColumn>
    <renameColumn tableName="orders" oldColumnName="state" newColumnName="status" columnDataType="varchar(20)"/>
    <modifyDataType tableName="orders" columnName="total" newDataType="numeric(12,2)"/>
    <addNotNullConstraint tableName="orders" columnName="placed_at" columnDataType="timestamp"/>
    <dropNotNullConstraint tableName="orders" columnName="memo"/>
    <addDefaultValue tableName="orders" columnName="priority" defaultValueNumeric="0"/>
    <dropDefaultValue tableName="orders" columnName="region"/>
    <createIndex tableName="orders" indexName="ix_orders_status">
      <column name="status"/>
    </createIndex>
    <dropIndex tableName="orders" indexName="ix_orders_old"/>
    <addForeignKeyConstraint baseTableName="orders" baseColumnNames="customer_id" constraintName="fk_orders_customer"
        referencedTableName="customers" referencedColumnNames="id"/>
    <dropForeignKeyConstraint baseTableName="orders" constraintName="fk_orders_coupon"/>
    <addUniqueConstraint tableName="orders" columnNames="reference" constraintName="uq_orders_reference"/>
    <dropUniqueConstraint tableName="orders" constraintName="uq_orders_old"/>
    <addPrimaryKey tableName="orders" columnNames="id" constraintName="pk_orders"/>
    <dropPrimaryKey tableName="orders"/>
    <addCheckConstraint tableName="orders" constraintName="ck_total" checkConstraint="total >= 0"/>
    <dropColumn tableName="orders" columnName="\${dropped.column}"/>
    <rollback>
      <dropColumn tableName="refunds" columnName="reason"/>
    </rollback>
  </changeSet>
</databaseChangeLog>
`;

const yaml = `databaseChangeLog:
  - changeSet:
      id: 7
      author: ana
      changes:
        - addColumn:
            tableName: orders
            columns:
              - column:
                  name: note
                  type: text
              - column:
                  name: channel
                  type: varchar(20)
        - dropColumn:
            tableName: orders
            columnName: amount
        - dropColumn:
            tableName: orders
            columns:
              - column:
                  name: legacy_a
              - column:
                  name: legacy_b
        - renameColumn:
            tableName: orders
            oldColumnName: state
            newColumnName: status
        - modifyDataType:
            tableName: orders
            columnName: total
            newDataType: numeric(12,2)
        - addNotNullConstraint:
            tableName: orders
            columnName: placed_at
        - dropNotNullConstraint:
            tableName: orders
            columnName: memo
        - addDefaultValue:
            tableName: orders
            columnName: priority
            defaultValueNumeric: 0
        - dropDefaultValue:
            tableName: orders
            columnName: region
        - createIndex:
            tableName: orders
            indexName: ix_orders_status
            columns:
              - column:
                  name: status
        - dropIndex:
            tableName: orders
            indexName: ix_orders_old
        - addForeignKeyConstraint:
            baseTableName: orders
            baseColumnNames: customer_id
            constraintName: fk_orders_customer
            referencedTableName: customers
            referencedColumnNames: id
        - dropForeignKeyConstraint:
            baseTableName: orders
            constraintName: fk_orders_coupon
        - addUniqueConstraint:
            tableName: orders
            columnNames: reference
        - dropUniqueConstraint:
            tableName: orders
            constraintName: uq_orders_old
        - addPrimaryKey:
            tableName: orders
            columnNames: id
        - dropPrimaryKey:
            tableName: orders
        - dropColumn:
            tableName: orders
            columnName: \${dropped.column}
      rollback:
        - dropColumn:
            tableName: refunds
            columnName: reason
`;

describe('liquibase alter details', () => {
  it('XML: says what each change does, one change per nested column', () => {
    expect(rows(run(liquibaseExtractor, 'db/changelog/007-orders.xml', undefined, xml))).toEqual([
      ['orders', 'alter', 'add-column', 'note', 4],
      ['orders', 'alter', 'add-column', 'channel', 4],
      ['orders', 'alter', 'drop-column', 'amount', 8],
      ['orders', 'alter', 'drop-column', 'legacy_a', 9],
      ['orders', 'alter', 'drop-column', 'legacy_b', 9],
      ['orders', 'alter', 'rename-column', 'state', 13],
      ['orders', 'alter', 'column-type', 'total', 14],
      ['orders', 'alter', 'nullability', 'placed_at', 15],
      ['orders', 'alter', 'nullability', 'memo', 16],
      ['orders', 'alter', 'default', 'priority', 17],
      ['orders', 'alter', 'default', 'region', 18],
      ['orders', 'alter', 'index', undefined, 19],
      ['orders', 'alter', 'index', undefined, 22],
      ['orders', 'alter', 'constraint', undefined, 23],
      ['orders', 'alter', 'constraint', undefined, 25],
      ['orders', 'alter', 'constraint', undefined, 26],
      ['orders', 'alter', 'constraint', undefined, 27],
      ['orders', 'alter', 'constraint', undefined, 28],
      ['orders', 'alter', 'constraint', undefined, 29],
      ['orders', 'alter', 'constraint', undefined, 30],
      ['orders', 'alter', undefined, undefined, 31],
    ]);
  });

  it('YAML: the same changes', () => {
    const found = rows(run(liquibaseExtractor, 'db/changelog/007-orders.yaml', undefined, yaml));
    expect(found.map(([t, k, d, c]) => [t, k, d, c])).toEqual([
      ['orders', 'alter', 'add-column', 'note'],
      ['orders', 'alter', 'add-column', 'channel'],
      ['orders', 'alter', 'drop-column', 'amount'],
      ['orders', 'alter', 'drop-column', 'legacy_a'],
      ['orders', 'alter', 'drop-column', 'legacy_b'],
      ['orders', 'alter', 'rename-column', 'state'],
      ['orders', 'alter', 'column-type', 'total'],
      ['orders', 'alter', 'nullability', 'placed_at'],
      ['orders', 'alter', 'nullability', 'memo'],
      ['orders', 'alter', 'default', 'priority'],
      ['orders', 'alter', 'default', 'region'],
      ['orders', 'alter', 'index', undefined],
      ['orders', 'alter', 'index', undefined],
      ['orders', 'alter', 'constraint', undefined],
      ['orders', 'alter', 'constraint', undefined],
      ['orders', 'alter', 'constraint', undefined],
      ['orders', 'alter', 'constraint', undefined],
      ['orders', 'alter', 'constraint', undefined],
      ['orders', 'alter', 'constraint', undefined],
      ['orders', 'alter', undefined, undefined],
    ]);
  });

  it('JSON: nested columns too', () => {
    const json = JSON.stringify(
      {
        databaseChangeLog: [
          {
            changeSet: {
              id: '7',
              author: 'ana',
              changes: [
                {
                  dropColumn: {
                    tableName: 'orders',
                    columns: [{ column: { name: 'legacy_a' } }, { column: { name: 'legacy_b' } }],
                  },
                },
              ],
            },
          },
        ],
      },
      null,
      2,
    );
    expect(rows(run(liquibaseExtractor, 'db/changelog/007-orders.json', undefined, json))).toEqual([
      ['orders', 'alter', 'drop-column', 'legacy_a', 8],
      ['orders', 'alter', 'drop-column', 'legacy_b', 8],
    ]);
  });

  it('an edited nested column counts alone', () => {
    const after = xml.replace('<column name="legacy_b"/>', '<column name="legacy_c"/>');
    const changes = run(liquibaseExtractor, 'db/changelog/007-orders.xml', xml, after);
    expect(changes.map((c) => [c.detail, c.column, c.side ?? 'after', c.evidence])).toEqual([
      ['drop-column', 'legacy_c', 'after', '<dropColumn tableName="orders"> … <column name="legacy_c"/>'],
      ['drop-column', 'legacy_b', 'before', '<dropColumn tableName="orders"> … <column name="legacy_b"/>'],
    ]);
  });
});

describe('liquibase: a dropped column through dcr check', () => {
  const files = {
    path: 'db/changelog/008-drop-amount.xml',
    text: `<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="8" author="ana">
    <dropColumn tableName="orders" columnName="amount"/>
  </changeSet>
</databaseChangeLog>
`,
  };

  it('is DCR-B108 when the contract lists no columns', async () => {
    const r = await checkMigration(files.path, files.text, 'public.orders');
    expect(r.result.findings).toMatchObject([
      { code: 'DCR-B108', kind: 'drop-column', column: 'amount', table: 'public.orders' },
    ]);
  });

  it('blocks under block: breaking when the contract lists the column', async () => {
    const r = await checkMigration(files.path, files.text, 'public.orders', ['id', 'amount']);
    expect(r.result.findings.map((f) => [f.code, f.kind, f.column])).toEqual([
      ['DCR-B103', 'drop-column', 'amount'],
    ]);
    expect(r.code).toBe(1);
  });
});

describe('liquibase: SQL in a changeset', () => {
  it('says what an ALTER does, action by action', () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="9" author="ana">
    <sql>ALTER TABLE orders
      DROP COLUMN amount,
      ADD COLUMN total numeric;</sql>
  </changeSet>
</databaseChangeLog>
`;
    expect(rows(run(liquibaseExtractor, 'db/changelog/009.xml', undefined, text))).toEqual([
      ['orders', 'alter', 'drop-column', 'amount', 4],
      ['orders', 'alter', 'add-column', 'total', 4],
    ]);
  });
});
