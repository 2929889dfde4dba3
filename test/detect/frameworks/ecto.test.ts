import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { staticRepoContext } from '../../../src/detect/changes/repo-context.js';
import { ectoExtractor } from '../../../src/detect/extractors/ecto.js';
import { fileChange, run, summary } from './change.js';
import { detectFixtureCommit, tablesOf } from './commit-fixture.js';
import { checkMigration } from './drop-column-cli.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./ecto/${name}`, import.meta.url));

const migration = `defmodule App.Repo.Migrations.X do
  use Ecto.Migration
  @table "ledger_entries"

  def change do
    create table(@table, prefix: "finance") do
      add :amount, :integer
    end

    create unique_index(:accounts, [:iban])
    rename table(:wallets), to: table(:purses)
  end
end
`;

describe('ecto extractor', () => {
  it('reads create/alter/rename with module attributes and prefix:', () => {
    expect(summary(run(ectoExtractor, 'priv/repo/migrations/1_x.exs', undefined, migration))).toEqual([
      'accounts alter',
      'finance.ledger_entries create',
      'wallets rename -> purses',
    ]);
  });

  it('reports a changed line inside a create block on that table only', () => {
    const after = migration.replace('add :amount, :integer', 'add :amount, :bigint');
    expect(run(ectoExtractor, 'priv/repo/migrations/1_x.exs', migration, after)).toMatchObject([
      { table: 'finance.ledger_entries', kind: 'create', line: 7 },
    ]);
  });

  it('diffs schema blocks of Ecto.Schema modules', () => {
    const schema =
      'defmodule App.Post do\n  use Ecto.Schema\n  schema "posts" do\n    field :title, :string\n  end\nend\n';
    expect(
      summary(run(ectoExtractor, 'lib/app/post.ex', schema, schema.replace(':string', ':text'))),
    ).toEqual(['posts alter']);
  });

  it('knows the tables a for comprehension binds from a module attribute', () => {
    const text = `defmodule M do
  use Ecto.Migration
  @indexes [
    {:session_logs, :timestamp},
    {"api_request_logs", :inserted_at}
  ]
  @fks [%{table: "groups", fks: [{"memberships", "m_fkey"}, {"policies", "p_fkey"}]}]

  def up do
    for {table, column} <- @indexes do
      create index(table, [column, :account_id])
    end

    for %{fks: fks} <- @fks, {table, name} <- fks do
      execute("ALTER TABLE #{table} VALIDATE CONSTRAINT #{name}")
    end
  end

  def down do
    for {table, column} <- @indexes, do: drop(index(table, [column]))
  end
end
`;
    expect(summary(run(ectoExtractor, 'priv/repo/migrations/1_x.exs', undefined, text))).toEqual([
      'api_request_logs alter',
      'memberships alter',
      'policies alter',
      'session_logs alter',
    ]);
  });

  it('reads SQL handed to execute through a variable holding a heredoc', () => {
    const text = `defmodule M do
  use Ecto.Migration
  @schema "billing"

  def change do
    sql = """
    UPDATE #{@schema}.invoices SET status = 'open' WHERE status IS NULL
    """
    execute(sql)
    execute "ALTER TABLE #{unknown()} ADD c int", "SELECT 1"
  end
end
`;
    expect(summary(run(ectoExtractor, 'priv/repo/migrations/1_x.exs', undefined, text))).toEqual([
      'billing.invoices data',
      'null alter',
    ]);
  });

  it('claims migrations by use Ecto.Migration, also .ex files outside priv/', () => {
    const text =
      'defmodule T.M do\n  use Ecto.Migration\n  def change do\n    execute("truncate realtime.subscription;")\n  end\nend\n';
    expect(ectoExtractor.matches('lib/app/tenants/repo/migrations/1_x.ex', text)).toBe(true);
    expect(summary(run(ectoExtractor, 'lib/app/tenants/repo/migrations/1_x.ex', undefined, text))).toEqual([
      'realtime.subscription data',
    ]);
    expect(ectoExtractor.matches('lib/app/worker.ex', 'defmodule W do\n  def run, do: :ok\nend\n')).toBe(
      false,
    );
  });

  it('counts nothing for a migration that was only reformatted', () => {
    const before =
      'defmodule M do\n  use Ecto.Migration\n  def change do\n    create table(:slots) do\n      add :db_id, references(:dbs, with: [a: :a], prefix: "x"), null: false\n    end\n  end\nend\n';
    const after = before.replace(
      'references(:dbs, with: [a: :a], prefix: "x")',
      'references(:dbs,\n        with: [a: :a],\n        prefix: "x"\n      )',
    );
    expect(run(ectoExtractor, 'priv/repo/migrations/1_x.exs', before, after)).toEqual([]);
    expect(
      summary(
        run(
          ectoExtractor,
          'priv/repo/migrations/1_x.exs',
          before,
          after.replace('null: false', 'null: true'),
        ),
      ),
    ).toEqual(['slots create']);
  });

  // Real commits: firezone/firezone 4260dd9c (Apache-2.0), supabase/realtime eef79be1 (Apache-2.0),
  // sequinstream/sequin 7e1ebcd2 (MIT); see ecto/SOURCES.md.
  it('in a real repository: an edited migration creating indexes over a module attribute list', async () => {
    expect(tablesOf(await detectFixtureCommit(fixture('firezone-4260dd9')))).toEqual([
      'api_request_logs',
      'change_logs',
      'session_logs',
    ]);
  });

  it('in a real repository: a tenant migration (.ex under lib/) rewritten to execute SQL', async () => {
    const changes = await detectFixtureCommit(fixture('realtime-eef79be'));
    expect(tablesOf(changes).filter((t) => t.endsWith('messages')).length).toBeGreaterThan(0);
    expect(changes.map((c) => c.kind)).toContain('data');
  });

  it('in a real repository: a mix format reflow of an applied migration changes no table', async () => {
    expect(await detectFixtureCommit(fixture('sequin-7e1ebcd'))).toEqual([]);
  });

  it('takes prefixes from the application config: compile_env attributes, migration_default_prefix', () => {
    const config = `import Config
config_schema = "app_config"
config :app, App.Repo,
  config_schema_prefix: config_schema,
  migration_default_prefix: config_schema,
  pool_size: 10
`;
    const text = `defmodule App.Repo.Migrations.X do
  use Ecto.Migration
  @schema Application.compile_env(:app, [App.Repo, :config_schema_prefix])

  def change do
    execute "UPDATE #{@schema}.consumers SET kind = 'http'", ""
    alter table(:health_snapshots) do
      add :entity_name, :text
    end
    create index(:events, [:at], prefix: "audit")
  end
end
`;
    const path = 'priv/repo/migrations/1_x.exs';
    const repo = staticRepoContext({
      after: { 'config/config.exs': config },
      before: { 'config/config.exs': config },
    });
    expect(summary(ectoExtractor.extract(fileChange(path, undefined, text), { repo }))).toEqual([
      'app_config.consumers data',
      'app_config.health_snapshots alter',
      'audit.events alter',
    ]);
    // Without the repository: names as written, an unknown schema left unknown.
    expect(summary(ectoExtractor.extract(fileChange(path, undefined, text), {}))).toEqual([
      'audit.events alter',
      'consumers data',
      'health_snapshots alter',
    ]);
  });

  it('in a real repository: a schema interpolated from the app config', async () => {
    expect(tablesOf(await detectFixtureCommit(fixture('sequin-2ce5393')))).toEqual([
      'sequin_config.sink_consumers',
    ]);
  });

  it('a schema module counts only when a column changes, not for associations or virtual fields', () => {
    const before = `defmodule App.Post do
  use Ecto.Schema
  schema "posts" do
    field :title, :string
    belongs_to :author, App.User
    timestamps()
  end

  def changeset(post, attrs), do: cast(post, attrs, [:title])
end
`;
    const path = 'lib/app/post.ex';
    const noColumn = before
      .replace(
        '    timestamps()',
        '    has_many :comments, App.Comment,\n      foreign_key: :post_id\n    field :score, :integer, virtual: true\n    timestamps()',
      )
      .replace('[:title]', '[:title, :score]');
    expect(run(ectoExtractor, path, before, noColumn)).toEqual([]);
    const column = before.replace('    timestamps()', '    field :slug, :string\n    timestamps()');
    expect(summary(run(ectoExtractor, path, before, column))).toEqual(['posts alter']);
  });
});

describe('ecto alter details', () => {
  const migration = `defmodule Shop.Repo.Migrations.ReshapeOrders do
  use Ecto.Migration

  def change do
    alter table(:orders) do
      add :note, :text
      add :customer_id, references(:customers, on_delete: :nothing)
      add_if_not_exists :channel, :string, default: "web"
      remove :amount
      remove_if_exists :legacy_code, :string
      modify :total, :decimal, precision: 12, scale: 2
      modify :status, :string, null: false, from: {:string, null: true}
      modify :coupon_id, references(:coupons, on_delete: :delete_all), from: references(:coupons)
      timestamps(type: :utc_datetime)
      add_audit_fields()
      execute "ALTER TABLE orders DROP COLUMN tmp_flag"
    end

    alter table(:events, prefix: "audit") do
      timestamps(inserted_at: :created_at, updated_at: false)
      for col <- [:source, :medium] do
        add col, :string
      end
    end

    rename table(:orders), :state, to: :status_code
    create index(:orders, [:customer_id])
    create unique_index(:orders, [:reference])
    drop index(:orders, [:old_field])
    create constraint(:orders, :total_must_be_positive, check: "total > 0")
    drop constraint(:orders, "orders_coupon_id_fkey")
  end
end
`;

  it('says what each statement changes, and in which column', () => {
    const changes = run(ectoExtractor, 'priv/repo/migrations/20240101_reshape.exs', undefined, migration);
    expect(changes.map((c) => [c.table, c.kind, c.detail, c.column, c.line])).toEqual([
      ['orders', 'alter', 'add-column', 'note', 6],
      ['orders', 'alter', 'add-column', 'customer_id', 7],
      ['orders', 'alter', 'add-column', 'channel', 8],
      ['orders', 'alter', 'drop-column', 'amount', 9],
      ['orders', 'alter', 'drop-column', 'legacy_code', 10],
      ['orders', 'alter', 'column-type', 'total', 11],
      ['orders', 'alter', 'nullability', 'status', 12],
      ['orders', 'alter', 'constraint', 'coupon_id', 13],
      ['orders', 'alter', 'add-column', 'inserted_at', 14],
      ['orders', 'alter', 'add-column', 'updated_at', 14],
      ['orders', 'alter', undefined, undefined, 15],
      ['audit.events', 'alter', 'add-column', 'created_at', 20],
      ['audit.events', 'alter', 'add-column', 'source', 22],
      ['audit.events', 'alter', 'add-column', 'medium', 22],
      ['orders', 'alter', 'rename-column', 'state', 26],
      ['orders', 'alter', 'index', undefined, 27],
      ['orders', 'alter', 'constraint', undefined, 30],
      // execute's SQL, read on its own
      ['orders', 'alter', 'drop-column', 'tmp_flag', 16],
    ]);
  });

  it('leaves a column held in an unbound variable without detail, and ignores def down', () => {
    const text = `defmodule Shop.Repo.Migrations.Dyn do
  use Ecto.Migration

  def up do
    column = Application.get_env(:shop, :extra_column)
    alter table(:orders) do
      remove column
    end
  end

  def down do
    alter table(:invoices) do
      remove :paid
    end
  end
end
`;
    const changes = run(ectoExtractor, 'priv/repo/migrations/20240102_dyn.exs', undefined, text);
    expect(changes.map((c) => [c.table, c.kind, c.detail, c.column, c.line])).toEqual([
      ['orders', 'alter', undefined, undefined, 7],
    ]);
  });

  it('a changed alter header reports what its block does; an edited statement only itself', () => {
    const renamed = migration.replace('alter table(:events, prefix: "audit")', 'alter table(:events)');
    const header = run(ectoExtractor, 'priv/repo/migrations/20240101_reshape.exs', migration, renamed);
    expect(
      header.filter((c) => c.side !== 'before').map((c) => [c.table, c.detail, c.column, c.line]),
    ).toEqual([
      ['events', 'add-column', 'created_at', 19],
      ['events', 'add-column', 'source', 19],
      ['events', 'add-column', 'medium', 19],
    ]);
    const edited = migration.replace('remove :amount', 'remove :amount_cents');
    const one = run(ectoExtractor, 'priv/repo/migrations/20240101_reshape.exs', migration, edited);
    expect(one.map((c) => [c.table, c.detail, c.column, c.side ?? 'after'])).toEqual([
      ['orders', 'drop-column', 'amount_cents', 'after'],
      ['orders', 'drop-column', 'amount', 'before'],
    ]);
  });
});

describe('ecto: a dropped column through dcr check', () => {
  const files = {
    path: 'priv/repo/migrations/20240103_drop_amount.exs',
    text: `defmodule Shop.Repo.Migrations.DropAmount do
  use Ecto.Migration

  def change do
    alter table(:orders) do
      remove :amount, :integer
    end
  end
end
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
