defmodule Containers do
  alias Extensions.PostgresCdcRls
  alias Realtime.Tenants.Connect
  alias Containers.Container
  alias Realtime.Database
  alias Realtime.Tenants
  alias Realtime.Tenants.Migrations

  use GenServer

  defp image, do: System.get_env("POSTGRES_IMAGE", "supabase/postgres:17.6.1.127")

  # Pull image if not available
  def pull do
    case System.cmd("docker", ["image", "inspect", image()]) do
      {_, 0} ->
        :ok

      _ ->
        IO.puts("Pulling image #{image()}. This might take a while...")
        {_, 0} = System.cmd("docker", ["pull", image()])
    end
  end

  def start_container(), do: GenServer.call(__MODULE__, :start_container, 10_000)
  def port(), do: GenServer.call(__MODULE__, :port, 10_000)

  def start_link(max_cases), do: GenServer.start_link(__MODULE__, max_cases, name: __MODULE__)

  def init(max_cases) do
    existing_containers = existing_containers("realtime-test-*")
    ports = for {_, port} <- existing_containers, do: port

    partition = System.get_env("MIX_TEST_PARTITION", "1") |> String.to_integer()
    total_partitions = System.get_env("MIX_TEST_TOTAL_PARTITIONS", "4") |> String.to_integer()
    all_ports = 5501..9000
    range_size = div(Enum.count(all_ports), total_partitions)

    available_ports =
      all_ports |> Enum.slice((partition - 1) * range_size, range_size) |> Enum.shuffle() |> Kernel.--(ports)

    {:ok, %{existing_containers: existing_containers, ports: available_ports}, {:continue, {:pool, max_cases}}}
  end

  def handle_continue({:pool, max_cases}, state) do
    {:ok, _pid} =
      :poolboy.start_link(
        [
          strategy: :fifo,
          name: {:local, Containers.Pool},
          size: max_cases + 2,
          max_overflow: 0,
          worker_module: Containers.Container
        ],
        []
      )

    {:noreply, state}
  end

  def handle_call(:port, _from, state) do
    [port | ports] = state.ports
    {:reply, port, %{state | ports: ports}}
  end

  def handle_call(:start_container, _from, state) do
    case state.existing_containers do
      [{name, port} | rest] ->
        {:reply, {:ok, name, port}, %{state | existing_containers: rest}}

      [] ->
        {name, port, ports} = start_available_container(state.ports)
        {:reply, {:ok, name, port}, %{state | ports: ports}}
    end
  end

  defp start_available_container(ports, attempts \\ 5)

  defp start_available_container([], _attempts), do: raise("Containers: no ports left to start a container")
  defp start_available_container(_ports, 0), do: raise("Containers: exhausted retries starting a container")

  defp start_available_container([port | ports], attempts) do
    name = "realtime-test-#{random_string(12)}"

    case docker_run(name, port) do
      {_, 0} -> {name, port, ports}
      {_output, _code} -> start_available_container(ports, attempts - 1)
    end
  end

  defp random_string(length) do
    :crypto.strong_rand_bytes(length)
    |> Base.url_encode64()
    |> binary_part(0, length)
  end

  def initialize(external_id) do
    name = "realtime-tenant-test-#{external_id}"

    port =
      case existing_containers(name) do
        [{^name, port}] ->
          port

        [] ->
          port = 5500
          docker_run!(name, port)
          port
      end

    check_container_ready(name)

    opts = %{external_id: external_id, name: external_id, port: port, jwt_secret: "secure_jwt_secret"}
    tenant = Generators.tenant_fixture(opts)

    Migrations.run_migrations(tenant)
    {:ok, pid} = Database.connect(tenant, "realtime_test", :stop)
    :ok = Tenants.create_messages_partitions(pid)
    Process.exit(pid, :normal)

    tenant
  end

  @doc "Return port for a container that can be used"
  def checkout() do
    with container when is_pid(container) <- :poolboy.checkout(Containers.Pool, true, 5_000),
         port <- Container.port(container) do
      # Automatically checkin the container at the end of the test
      ExUnit.Callbacks.on_exit(fn -> :poolboy.checkin(Containers.Pool, container) end)

      {:ok, port}
    else
      _ -> {:error, "failed to checkout a container"}
    end
  end

  defp storage_up!(tenant) do
    {:ok, db_settings} = Database.from_tenant(tenant, "realtime_test", :stop)

    settings =
      db_settings
      |> Map.from_struct()
      |> Keyword.new()

    case Ecto.Adapters.Postgres.storage_up(settings) do
      :ok -> :ok
      {:error, :already_up} -> :ok
      _ -> raise "Failed to create database"
    end
  end

  def checkout_tenant(opts \\ []), do: do_checkout_tenant(opts, :sandbox)
  def checkout_tenant_unboxed(opts \\ []), do: do_checkout_tenant(opts, :unboxed)

  defp do_checkout_tenant(opts, mode) do
    with container when is_pid(container) <- :poolboy.checkout(Containers.Pool, true, 5_000),
         port <- Container.port(container) do
      tenant = repo_run(mode, fn -> Generators.tenant_fixture(%{port: port, migrations_ran: 0}) end)

      # TODO: REAL-818 - remove when Project Migrations v2 is done
      Realtime.FeatureFlags.Cache.update_cache(%Realtime.Api.FeatureFlag{
        name: "use_supabase_realtime_admin",
        enabled: true
      })

      run_migrations? = Keyword.get(opts, :run_migrations, false)

      {:ok, settings} = Database.from_tenant(tenant, "realtime_test", :stop)
      settings = %{settings | max_restarts: 0, ssl: false}
      {:ok, conn} = Database.connect_db(settings)

      try do
        reset_realtime_schema!(settings)
        storage_up!(tenant)

        RateCounterHelper.stop(tenant.external_id)

        ExUnit.Callbacks.on_exit(fn ->
          if connect_pid = Connect.whereis(tenant.external_id) do
            supervisor = {:via, PartitionSupervisor, {Realtime.Tenants.Connect.DynamicSupervisor, tenant.external_id}}

            DynamicSupervisor.terminate_child(supervisor, connect_pid)
          end

          try do
            PostgresCdcRls.handle_stop(tenant.external_id, 5_000)
          catch
            _, _ -> :ok
          end

          if mode == :unboxed do
            repo_run(:unboxed, fn -> Realtime.Api.delete_tenant_by_external_id(tenant.external_id) end)
          end

          :poolboy.checkin(Containers.Pool, container)
        end)

        if run_migrations? do
          case run_migrations(tenant) do
            {:ok, count} ->
              :ok = Tenants.create_messages_partitions(conn)

              {:ok, tenant} =
                repo_run(mode, fn ->
                  Realtime.Api.update_tenant_by_external_id(tenant.external_id, %{migrations_ran: count})
                end)

              if mode == :sandbox, do: Realtime.Tenants.Cache.invalidate_tenant_cache(tenant.external_id)

              tenant

            error ->
              raise "Failed to run migrations: #{inspect(error)}"
          end
        else
          tenant
        end
      after
        GenServer.stop(conn)
      end
    else
      _ -> {:error, "failed to checkout a container"}
    end
  end

  defp repo_run(:unboxed, fun), do: Ecto.Adapters.SQL.Sandbox.unboxed_run(Realtime.Repo, fun)
  defp repo_run(:sandbox, fun), do: fun.()

  defp reset_realtime_schema!(settings) do
    {:ok, admin_conn} =
      Postgrex.start_link(
        hostname: settings.hostname,
        port: settings.port,
        database: settings.database,
        username: "supabase_admin",
        password: settings.password
      )

    Postgrex.query!(admin_conn, "DROP PUBLICATION IF EXISTS supabase_realtime_test", [])
    Postgrex.query!(admin_conn, "DROP SCHEMA IF EXISTS realtime CASCADE", [])
    Postgrex.query!(admin_conn, "CREATE SCHEMA realtime", [])
    Postgrex.query!(admin_conn, "GRANT USAGE ON SCHEMA realtime TO postgres, anon, authenticated, service_role", [])
    Postgrex.query!(admin_conn, "GRANT ALL ON SCHEMA realtime TO supabase_realtime_admin WITH GRANT OPTION", [])
  end

  def stop_containers() do
    {list, 0} = System.cmd("docker", ["ps", "-a", "--format", "{{.Names}}", "--filter", "name=realtime-test-*"])

    for name <- String.split(list, "\n", trim: true) do
      System.cmd("docker", ["rm", "-f", name])
    end
  end

  def stop_container(external_id) do
    name = "realtime-tenant-test-#{external_id}"
    System.cmd("docker", ["rm", "-f", name])
  end

  defp existing_containers(pattern) do
    {containers, 0} = System.cmd("docker", ["ps", "--format", "{{json .}}", "--filter", "name=#{pattern}"])

    containers
    |> String.split("\n", trim: true)
    |> Enum.map(fn container ->
      container = Jason.decode!(container)
      # Ports" => "0.0.0.0:6445->5432/tcp, [::]:6445->5432/tcp"
      regex = ~r/(?<=:)\d+(?=->)/

      [port] =
        Regex.scan(regex, container["Ports"])
        |> List.flatten()
        |> Enum.uniq()

      {container["Names"], String.to_integer(port)}
    end)
  end

  defp check_container_ready(name, attempts \\ 50)
  defp check_container_ready(name, 0), do: raise("Container #{name} is not ready")

  defp check_container_ready(name, attempts) do
    case System.cmd("docker", ["exec", name, "pg_isready", "-p", "5432", "-h", "localhost"]) do
      {_, 0} ->
        :ok

      {_, _} ->
        Process.sleep(500)
        check_container_ready(name, attempts - 1)
    end
  end

  # This exists so we avoid using an external process on Realtime.Tenants.Migrations
  defp run_migrations(tenant) do
    %{extensions: [%{settings: settings} | _]} = tenant
    {:ok, settings} = Database.from_settings(settings, "realtime_migrations", :stop)

    [
      hostname: settings.hostname,
      port: settings.port,
      database: settings.database,
      password: settings.password,
      username: settings.username,
      pool_size: settings.pool_size,
      backoff_type: settings.backoff_type,
      socket_options: settings.socket_options,
      parameters: [application_name: settings.application_name],
      ssl: settings.ssl
    ]
    |> Realtime.Repo.with_dynamic_repo(fn repo ->
      try do
        opts = [all: true, prefix: "realtime", dynamic_repo: repo, log: false]
        migrations = Realtime.Tenants.Migrations.migrations()
        Ecto.Migrator.run(Realtime.Repo, migrations, :up, opts)

        {:ok, length(migrations)}
      rescue
        error ->
          {:error, error}
      end
    end)
  end

  defp docker_run!(name, port) do
    {_, 0} = docker_run(name, port)
  end

  defp docker_run(name, port) do
    initdb_sh = Path.expand("../../dev/postgres/za-permit-supabase-admin.sh", __DIR__)
    initdb_sql = Path.expand("../../dev/postgres/zb-supabase-schema.sql", __DIR__)

    System.cmd(
      "docker",
      [
        "run",
        "-d",
        "--rm",
        "--name",
        name,
        "-e",
        "POSTGRES_HOST=/var/run/postgresql",
        "-e",
        "POSTGRES_PASSWORD=postgres",
        "-v",
        "#{initdb_sh}:/docker-entrypoint-initdb.d/za-permit-supabase-admin.sh",
        "-v",
        "#{initdb_sql}:/docker-entrypoint-initdb.d/zb-supabase-schema.sql",
        "-p",
        "#{port}:5432",
        image(),
        "postgres",
        "-c",
        "config_file=/etc/postgresql/postgresql.conf",
        "-c",
        "wal_keep_size=32MB",
        "-c",
        "max_wal_size=32MB",
        "-c",
        "max_slot_wal_keep_size=32MB"
      ],
      stderr_to_stdout: true
    )
  end
end
