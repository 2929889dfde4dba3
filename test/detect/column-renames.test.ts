import { describe, expect, it } from 'vitest';
import { colorsFor } from '../../src/cli/output/color.js';
import { formatCheckText } from '../../src/cli/output/check-report.js';
import { alembicExtractor } from '../../src/detect/extractors/alembic.js';
import { djangoExtractor } from '../../src/detect/extractors/django.js';
import { ectoExtractor } from '../../src/detect/extractors/ecto.js';
import { efcoreExtractor } from '../../src/detect/extractors/efcore.js';
import { knexExtractor } from '../../src/detect/extractors/knex.js';
import { laravelExtractor } from '../../src/detect/extractors/laravel.js';
import { liquibaseExtractor } from '../../src/detect/extractors/liquibase.js';
import { railsExtractor } from '../../src/detect/extractors/rails.js';
import { sequelizeExtractor } from '../../src/detect/extractors/sequelize.js';
import { sqlExtractor } from '../../src/detect/extractors/sql.js';
import { typeormExtractor } from '../../src/detect/extractors/typeorm.js';
import type { Extractor } from '../../src/detect/types.js';
import { run } from './frameworks/change.js';

// One column rename per framework, written as its documentation writes it.
const CASES: [Extractor, string, string][] = [
  [sqlExtractor, 'db/V2__rename.sql', 'ALTER TABLE orders RENAME COLUMN total TO total_cents;\n'],
  [sqlExtractor, 'db/V3__rename.sql', 'ALTER TABLE orders CHANGE `total` `total_cents` int;\n'],
  [
    railsExtractor,
    'db/migrate/20260101000000_rename.rb',
    'class Rename < ActiveRecord::Migration[7.1]\n  def change\n    rename_column :orders, :total, :total_cents\n  end\nend\n',
  ],
  [
    railsExtractor,
    'db/migrate/20260101000001_rename.rb',
    'class Rename < ActiveRecord::Migration[7.1]\n  def change\n    change_table :orders do |t|\n      t.rename :total, :total_cents\n    end\n  end\nend\n',
  ],
  [
    knexExtractor,
    'migrations/20260101_rename.js',
    "exports.up = (knex) => knex.schema.alterTable('orders', (t) => {\n  t.renameColumn('total', 'total_cents');\n});\nexports.down = () => {};\n",
  ],
  [
    laravelExtractor,
    'database/migrations/2026_01_01_000000_rename.php',
    "<?php\nuse Illuminate\\Database\\Migrations\\Migration;\nreturn new class extends Migration {\n  public function up(): void {\n    Schema::table('orders', function (Blueprint $table) {\n      $table->renameColumn('total', 'total_cents');\n    });\n  }\n};\n",
  ],
  [
    sequelizeExtractor,
    'migrations/20260101-rename.js',
    "module.exports = {\n  async up(queryInterface) {\n    await queryInterface.renameColumn('orders', 'total', 'total_cents');\n  },\n};\n",
  ],
  [
    alembicExtractor,
    'alembic/versions/abc_rename.py',
    "revision = 'abc'\ndown_revision = None\nfrom alembic import op\ndef upgrade():\n    op.alter_column('orders', 'total', new_column_name='total_cents')\n",
  ],
  [
    djangoExtractor,
    'orders/migrations/0002_rename.py',
    "from django.db import migrations\nclass Migration(migrations.Migration):\n    dependencies = [('orders', '0001_initial')]\n    operations = [\n        migrations.RenameField(model_name='order', old_name='total', new_name='total_cents'),\n    ]\n",
  ],
  [
    efcoreExtractor,
    'Migrations/20260101000000_Rename.cs',
    'using Microsoft.EntityFrameworkCore.Migrations;\npublic partial class Rename : Migration {\n  protected override void Up(MigrationBuilder migrationBuilder) {\n    migrationBuilder.RenameColumn(name: "total", table: "orders", newName: "total_cents");\n  }\n}\n',
  ],
  [
    ectoExtractor,
    'priv/repo/migrations/20260101000000_rename.exs',
    'defmodule Rename do\n  use Ecto.Migration\n  def change do\n    rename table(:orders), :total, to: :total_cents\n  end\nend\n',
  ],
  [
    typeormExtractor,
    'src/migrations/1700000000000-Rename.ts',
    'import { MigrationInterface, QueryRunner } from "typeorm";\nexport class Rename1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.renameColumn("orders", "total", "total_cents");\n  }\n  public async down(): Promise<void> {}\n}\n',
  ],
  [
    liquibaseExtractor,
    'db/changelog/rename.xml',
    '<databaseChangeLog>\n  <changeSet id="1" author="a">\n    <renameColumn tableName="orders" oldColumnName="total" newColumnName="total_cents"/>\n  </changeSet>\n</databaseChangeLog>\n',
  ],
];

describe('a column rename says the new name', () => {
  it.each(CASES.map(([x, path, text]) => [x.id, path, x, text] as const))('%s: %s', (_id, path, x, text) => {
    const changes = run(x, path, undefined, text).filter((c) => c.detail === 'rename-column');
    expect(changes.map((c) => [c.column, c.columnTo])).toEqual([['total', 'total_cents']]);
  });

  it('in the text report, after the old name', () => {
    const text = formatCheckText(
      {
        ok: true,
        blocking: false,
        notices: [],
        findings: [
          {
            contract: 'orders_job',
            table: 'orders',
            file: 'db/V2__rename.sql',
            line: 1,
            change: 'alter',
            kind: 'rename-column',
            column: 'total',
            columnTo: 'total_cents',
            confidence: 'certain',
            evidence: 'ALTER TABLE orders RENAME COLUMN total TO total_cents;',
            owners: { source: ['a@example.com'], ingestion: ['b@example.com'] },
            code: 'DCR-B109',
            severity: 'breaking',
            reason: '`total` is renamed',
            policy: 'warn',
          },
        ],
      },
      colorsFor({ isTTY: false }, {}),
    );
    expect(text).toContain('db/V2__rename.sql:1  rename-column total → total_cents orders');
  });
});
