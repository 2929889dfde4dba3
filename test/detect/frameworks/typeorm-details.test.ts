import { describe, expect, it } from 'vitest';
import { typeormExtractor } from '../../../src/detect/extractors/typeorm.js';
import type { TableChange } from '../../../src/detect/types.js';
import { run } from './change.js';
import { checkMigration } from './drop-column-cli.js';

const rows = (changes: TableChange[]) => changes.map((c) => [c.table, c.kind, c.detail, c.column, c.line]);

const migration = `import {
  MigrationInterface,
  QueryRunner,
  TableCheck,
  TableColumn,
  TableForeignKey,
  TableIndex,
  TableUnique,
} from "typeorm";

const LEGACY = "legacy_code";

export class ReshapeOrders1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("orders", new TableColumn({ name: "note", type: "text", isNullable: true }));
    await queryRunner.addColumns("orders", [
      new TableColumn({ name: "channel", type: "varchar", default: "'web'" }),
      new TableColumn({ name: "customer_id", type: "int" }),
    ]);
    await queryRunner.dropColumn("orders", "amount");
    await queryRunner.dropColumns("orders", ["legacy_a", "legacy_b"]);
    await queryRunner.dropColumn("orders", LEGACY);
    await queryRunner.renameColumn("orders", "state", "status");
    await queryRunner.changeColumn(
      "orders",
      "total",
      new TableColumn({ name: "total", type: "numeric", precision: 12, scale: 2, isNullable: false }),
    );
    await queryRunner.changeColumns("orders", [
      {
        oldColumn: new TableColumn({ name: "ref", type: "varchar" }),
        newColumn: new TableColumn({ name: "reference", type: "varchar" }),
      },
    ]);
    await queryRunner.createIndex("orders", new TableIndex({ name: "IDX_orders_status", columnNames: ["status"] }));
    await queryRunner.dropIndex("orders", "IDX_orders_old");
    await queryRunner.createForeignKey(
      "orders",
      new TableForeignKey({ columnNames: ["customer_id"], referencedTableName: "customers", referencedColumnNames: ["id"] }),
    );
    await queryRunner.createForeignKeys("orders", []);
    await queryRunner.dropForeignKey("orders", "FK_orders_coupon");
    await queryRunner.createUniqueConstraint("orders", new TableUnique({ columnNames: ["reference"] }));
    await queryRunner.createCheckConstraint("orders", new TableCheck({ expression: "total >= 0" }));
    await queryRunner.createPrimaryKey("orders", ["id"]);
    const column = process.env.EXTRA_COLUMN!;
    await queryRunner.dropColumn("invoices", column);
    const payments = await queryRunner.getTable("payments");
    const fk = payments!.foreignKeys.find((k) => k.columnNames.includes("invoice_id"))!;
    await queryRunner.dropForeignKey(payments!, fk);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("refunds", "reason");
  }
}
`;

describe('typeorm queryRunner details', () => {
  it('says what each call changes, one change per column of a multi-column call', () => {
    expect(
      rows(run(typeormExtractor, 'src/migrations/1700000000000-ReshapeOrders.ts', undefined, migration)),
    ).toEqual([
      ['orders', 'alter', 'add-column', 'note', 15],
      ['orders', 'alter', 'add-column', 'channel', 16],
      ['orders', 'alter', 'add-column', 'customer_id', 16],
      ['orders', 'alter', 'drop-column', 'amount', 20],
      ['orders', 'alter', 'drop-column', 'legacy_a', 21],
      ['orders', 'alter', 'drop-column', 'legacy_b', 21],
      ['orders', 'alter', 'drop-column', 'legacy_code', 22],
      ['orders', 'alter', 'rename-column', 'state', 23],
      ['orders', 'alter', 'column-type', 'total', 24],
      ['orders', 'alter', 'rename-column', 'ref', 29],
      ['orders', 'alter', 'index', undefined, 35],
      ['orders', 'alter', 'constraint', undefined, 37],
      ['invoices', 'alter', undefined, undefined, 47],
      ['payments', 'alter', 'constraint', undefined, 50],
    ]);
  });
});

describe('typeorm: a dropped column through dcr check', () => {
  const files = {
    path: 'src/migrations/1700000000001-DropAmount.ts',
    text: `import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class DropAmount1700000000001 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("orders", "amount");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("orders", new TableColumn({ name: "amount", type: "int" }));
  }
}
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
