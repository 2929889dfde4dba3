defmodule Sequin.Repo.Migrations.AddEntityNameToHealthSnapshots do
  use Ecto.Migration

  def change do
  end
end
