import { describe, expect, it } from 'vitest';
import { ectoExtractor } from '../../../src/detect/extractors/ecto.js';
import { run, summary } from './change.js';

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
});
