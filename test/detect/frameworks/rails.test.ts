import { describe, expect, it } from 'vitest';
import { railsExtractor } from '../../../src/detect/extractors/rails.js';
import { schemaRbExtractor } from '../../../src/detect/extractors/schema-rb.js';
import { staticRepoContext } from '../../../src/detect/changes/repo-context.js';
import { fileChange, run, summary } from './change.js';

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
