import { describe, expect, it } from 'vitest';
import { railsExtractor } from '../../../src/detect/extractors/rails.js';
import { schemaRbExtractor } from '../../../src/detect/extractors/schema-rb.js';
import { staticRepoContext } from '../../../src/detect/changes/repo-context.js';
import { fileChange, run, summary } from './change.js';
import { checkMigration, codes } from './drop-column-cli.js';
import type { TableChange } from '../../../src/detect/types.js';

const migration = `class ReshapeOrders < ActiveRecord::Migration[7.1]
  def up
    create_table :orders do |t|
      t.string :status
    end
    add_column "shop.customers", :tier, :string
    execute "UPDATE payments SET state = 'x'"
    Order.where(status: nil).update_all(status: "new")
  end

  def down
    drop_table :orders
  end
end
`;

describe('rails extractor', () => {
  it('claims migrations only, not app code or test folders', () => {
    expect(railsExtractor.matches('db/migrate/20240101000000_x.rb', '')).toBe(true);
    expect(railsExtractor.matches('engines/billing/db/migrate/1_x.rb', '')).toBe(true);
    expect(railsExtractor.matches('app/models/order.rb', '')).toBe(false);
    expect(railsExtractor.matches('spec/dummy/db/migrate/1_x.rb', '')).toBe(false);
  });

  it('reports the up operations of an added migration with line and evidence', () => {
    const changes = run(railsExtractor, 'db/migrate/1_x.rb', undefined, migration);
    expect(summary(changes)).toEqual([
      'orders create',
      'orders data',
      'payments data',
      'shop.customers alter',
    ]);
    expect(changes[0]).toMatchObject({
      table: 'orders',
      kind: 'create',
      line: 3,
      evidence: 'create_table :orders do |t|',
    });
  });

  it('in a modified migration reports only the operation around the changed line, noting the edit', () => {
    const after = migration.replace('t.string :status', 't.string :status, null: false');
    const changes = run(railsExtractor, 'db/migrate/1_x.rb', migration, after);
    expect(changes).toEqual([
      {
        table: 'orders',
        kind: 'create',
        line: 4,
        evidence: 'create_table :orders do |t| … t.string :status, null: false',
        note: expect.stringContaining('existing migration'),
      },
    ]);
  });

  it('ignores edits of the down method and of comments', () => {
    const after = migration
      .replace('drop_table :orders', 'drop_table :orders, if_exists: true')
      .replace('  def up', '  # drop_table :x\n  def up');
    expect(run(railsExtractor, 'db/migrate/1_x.rb', migration, after)).toEqual([]);
  });

  it('reports a removed operation on the before side', () => {
    const after = migration.replace(`    add_column "shop.customers", :tier, :string\n`, '');
    expect(run(railsExtractor, 'db/migrate/1_x.rb', migration, after)).toMatchObject([
      { table: 'shop.customers', kind: 'alter', side: 'before', line: 6 },
    ]);
  });

  it('resolves join tables and renames', () => {
    const text =
      'class X < ActiveRecord::Migration[7.1]\n  def change\n    create_join_table :users, :admin_roles\n    rename_table :a, :b\n  end\nend\n';
    expect(summary(run(railsExtractor, 'db/migrate/1_x.rb', undefined, text))).toEqual([
      'a rename -> b',
      'admin_roles_users create',
    ]);
  });
});

describe('schema.rb extractor', () => {
  const schema = `ActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do
  create_table "accounts", force: :cascade do |t|
    t.string "name"
  end

  create_table "users", force: :cascade do |t|
    t.string "email"
  end

  add_foreign_key "users", "accounts"
end
`;
  it('turns a changed column line into an alter of its table, and ignores the version line', () => {
    const after = schema
      .replace('2024_01_01_000000', '2024_02_01_000000')
      .replace('t.string "email"', 't.string "email", null: false');
    expect(run(schemaRbExtractor, 'db/schema.rb', schema, after)).toMatchObject([
      { table: 'users', kind: 'alter', line: 7 },
    ]);
  });

  it('diffs the table sets: added and removed blocks, and top-level foreign keys', () => {
    const after = schema
      .replace('2024_01_01_000000', '2024_02_01_000000')
      .replace('  create_table "accounts", force: :cascade do |t|\n    t.string "name"\n  end\n\n', '')
      .replace(
        '  add_foreign_key "users", "accounts"\n',
        '  create_table "teams" do |t|\n  end\n\n  add_foreign_key "users", "teams"\n',
      );
    expect(summary(run(schemaRbExtractor, 'db/schema.rb', schema, after))).toEqual([
      'accounts drop',
      'teams create',
      'users alter',
    ]);
  });
});

describe('schema.rb by content', () => {
  const dump = (version: string, users: string) => `ActiveRecord::Schema[7.1].define(version: ${version}) do
  create_table "users", force: :cascade do |t|
${users}
  end
end
`;
  const cols = '    t.string "email"\n    t.string "name"';
  const reordered = '    t.string "name"\n    t.string "email"';

  it('a reordered re-dump is no change; an unchanged version is a re-dump, not a migration', () => {
    expect(
      run(
        schemaRbExtractor,
        'db/schema.rb',
        dump('2024_01_01_000000', cols),
        dump('2024_02_01_000000', reordered),
      ),
    ).toEqual([]);
    expect(
      run(
        schemaRbExtractor,
        'db/schema.rb',
        dump('2024_01_01_000000', cols),
        dump('2024_01_01_000000', `${cols}\n    t.string "x"`),
      ),
    ).toEqual([]);
  });

  it('a new version whose migrations are in the repository leaves the table changes to them', () => {
    const before = dump('2024_01_01_000000', cols);
    const after = dump('2024_02_01_000000', `${cols}\n    t.string "x"`);
    const repo = staticRepoContext({ after: { 'db/migrate/20240201000000_add_x.rb': '' } });
    expect(schemaRbExtractor.extract(fileChange('db/schema.rb', before, after), { repo })).toEqual([]);
    expect(summary(schemaRbExtractor.extract(fileChange('db/schema.rb', before, after), {}))).toEqual([
      'users alter',
    ]);
  });
});

const reshape = `class ReshapeOrders < ActiveRecord::Migration[7.1]
  def change
    add_column :orders, :note, :string
    remove_column :orders, :legacy, :string
    remove_columns :orders, :a, :b, type: :string
    rename_column :orders, :amount, :total
    change_column :orders, :qty, :bigint
    change_column_null :orders, :qty, false
    change_column_default :orders, :state, from: nil, to: "new"
    add_index :orders, :state, unique: true
    add_reference :orders, :customer, foreign_key: true
    add_belongs_to :orders, :owner, polymorphic: true
    remove_reference :orders, :seller, index: true
    add_timestamps :orders, null: true
    add_foreign_key :orders, :customers
    remove_column :orders, column_name
    change_table :line_items, bulk: true do |t|
      t.string :sku, :label, null: false
      t.column :weight, :decimal
      t.remove :old_a, :old_b
      t.rename :price, :unit_price
      t.change :qty, :bigint, null: false
      t.change_default :qty, from: nil, to: 1
      t.change_null :qty, false
      t.references :order, foreign_key: true
      t.remove_references :cart
      t.remove_timestamps
      t.remove name
    end
    change_table :carts do |t|
      t.timestamps
    end
    add_check_constraint :shipments, "weight > 0", name: "weight_positive"
    remove_index :refunds, :order_id
    reversible do |dir|
      dir.up { add_column :invoices, :paid, :boolean }
      dir.down { remove_column :invoices, :paid }
    end
  end

  def down
    remove_column :orders, :note
  end
end
`;

const detailOf = (c: TableChange): string =>
  `${c.line} ${c.table} ${c.kind} ${c.detail ?? '-'} ${c.column ?? '-'}`;

describe('rails extractor: what each alter changes', () => {
  it('gives every schema statement its detail and column, one change per column', () => {
    const changes = run(railsExtractor, 'db/migrate/1_x.rb', undefined, reshape);
    expect(changes.map(detailOf)).toEqual([
      '3 orders alter add-column note',
      '4 orders alter drop-column legacy',
      '5 orders alter drop-column a',
      '5 orders alter drop-column b',
      '6 orders alter rename-column amount',
      '7 orders alter column-type qty',
      '8 orders alter nullability qty',
      '9 orders alter default state',
      '10 orders alter index -',
      '11 orders alter add-column customer_id',
      '12 orders alter add-column owner_id',
      '12 orders alter add-column owner_type',
      '13 orders alter drop-column seller_id',
      '14 orders alter add-column created_at',
      '14 orders alter add-column updated_at',
      '15 orders alter constraint -',
      // A column name held in a variable: an alter dcr cannot tell.
      '16 orders alter - -',
      '18 line_items alter add-column sku',
      '18 line_items alter add-column label',
      '19 line_items alter add-column weight',
      '20 line_items alter drop-column old_a',
      '20 line_items alter drop-column old_b',
      '21 line_items alter rename-column price',
      '22 line_items alter column-type qty',
      '23 line_items alter default qty',
      '24 line_items alter nullability qty',
      '25 line_items alter add-column order_id',
      '26 line_items alter drop-column cart_id',
      '27 line_items alter drop-column created_at',
      '27 line_items alter drop-column updated_at',
      '28 line_items alter - -',
      '31 carts alter add-column created_at',
      '31 carts alter add-column updated_at',
      '33 shipments alter constraint -',
      '34 refunds alter index -',
      '36 invoices alter add-column paid',
    ]);
  });

  it('in an edited change_table block reports the changed call; a changed table name, all of them', () => {
    const one = reshape.replace('t.rename :price, :unit_price', 't.rename :price, :price_cents');
    expect(run(railsExtractor, 'db/migrate/1_x.rb', reshape, one).map(detailOf)).toEqual([
      '21 line_items alter rename-column price',
    ]);
    const other = reshape.replace('change_table :carts do |t|', 'change_table :baskets do |t|');
    expect(run(railsExtractor, 'db/migrate/1_x.rb', reshape, other).map(detailOf)).toEqual([
      '30 baskets alter add-column created_at',
      '30 baskets alter add-column updated_at',
      '30 carts alter add-column created_at',
      '30 carts alter add-column updated_at',
    ]);
  });

  it('reads a change_table block written on one line', () => {
    const text =
      'class X < ActiveRecord::Migration[7.1]\n  def change\n    change_table(:orders) { |t| t.remove :note, :memo }\n  end\nend\n';
    expect(run(railsExtractor, 'db/migrate/1_x.rb', undefined, text).map(detailOf)).toEqual([
      '3 orders alter drop-column note',
      '3 orders alter drop-column memo',
    ]);
  });

  it('through dcr check: a removed column is DCR-B108, and blocks when the contract lists it', async () => {
    const text = `class DropNote < ActiveRecord::Migration[7.1]
  def change
    remove_column :orders, :note, :string
  end
end
`;
    const open = await checkMigration('db/migrate/20240101000000_drop_note.rb', text, 'orders');
    expect(open.stderr).toBe('');
    expect(open.code).toBe(0);
    expect(codes(open)).toEqual(['DCR-B108 drop-column note']);
    const listed = await checkMigration('db/migrate/20240101000000_drop_note.rb', text, 'orders', [
      'id',
      'note',
    ]);
    expect(codes(listed)).toEqual(['DCR-B103 drop-column note']);
    expect(listed.result.blocking).toBe(true);
    expect(listed.code).toBe(1);
  });
});
