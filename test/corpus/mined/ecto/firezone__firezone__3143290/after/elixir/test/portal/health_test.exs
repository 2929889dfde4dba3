defmodule Portal.HealthTest do
  use Portal.DataCase, async: true
  import Plug.Test

  setup do
    draining_file_path =
      Path.join(
        System.tmp_dir!(),
        "firezone-draining-test-#{:erlang.unique_integer([:positive])}"
      )

    Portal.Config.put_env_override(:portal, Portal.Health, draining_file_path: draining_file_path)

    File.rm(draining_file_path)
    on_exit(fn -> File.rm(draining_file_path) end)

    {:ok, draining_file_path: draining_file_path}
  end

  describe "PortalWeb.Endpoint integration" do
    test "GET /readyz returns 200 when ready" do
      conn =
        Plug.Test.conn(:get, "/readyz")
        |> PortalWeb.Endpoint.call([])

      assert conn.status == 200
      assert %{"status" => "ready", "version" => version} = JSON.decode!(conn.resp_body)
      assert is_binary(version)
    end
  end

  describe "PortalAPI.Endpoint integration" do
    test "GET /readyz returns 200 when ready" do
      conn =
        Plug.Test.conn(:get, "/readyz")
        |> PortalAPI.Endpoint.call([])

      assert conn.status == 200
      assert %{"status" => "ready", "version" => version} = JSON.decode!(conn.resp_body)
      assert is_binary(version)
    end
  end

  describe "GET /readyz" do
    test "returns 200 with status ready when endpoints are up" do
      conn =
        :get
        |> conn("/readyz")
        |> Portal.Health.call([])

      assert conn.status == 200
      assert %{"status" => "ready", "version" => version} = JSON.decode!(conn.resp_body)
      assert is_binary(version)
    end

    test "returns 503 with status draining when draining file exists", %{
      draining_file_path: draining_file_path
    } do
      File.write!(draining_file_path, "")

      conn =
        :get
        |> conn("/readyz")
        |> Portal.Health.call([])

      assert conn.status == 503
      assert %{"status" => "draining", "version" => version} = JSON.decode!(conn.resp_body)
      assert is_binary(version)
    end

    test "returns 503 when repo check query raises", %{
      draining_file_path: draining_file_path
    } do
      Portal.Config.put_env_override(:portal, Portal.Health,
        draining_file_path: draining_file_path,
        repo_check_query: "INVALID SQL"
      )

      conn =
        :get
        |> conn("/readyz")
        |> Portal.Health.call([])

      assert conn.status == 503

      assert %{"status" => "database_unavailable", "version" => _} =
               JSON.decode!(conn.resp_body)
    end

    test "returns 200 when all configured repos are reachable", %{
      draining_file_path: draining_file_path
    } do
      Portal.Config.put_env_override(:portal, Portal.Health,
        draining_file_path: draining_file_path,
        repos: [
          Portal.Repo,
          Portal.Repo.Web,
          Portal.Repo.Api,
          Portal.Repo.Job
        ]
      )

      conn =
        :get
        |> conn("/readyz")
        |> Portal.Health.call([])

      assert conn.status == 200
      assert %{"status" => "ready"} = JSON.decode!(conn.resp_body)
    end

    test "checks repos in parallel", %{draining_file_path: draining_file_path} do
      Portal.Config.put_env_override(:portal, Portal.Health,
        draining_file_path: draining_file_path,
        repos: [
          Portal.Repo,
          Portal.Repo.Web,
          Portal.Repo.Api,
          Portal.Repo.Job
        ],
        repo_check_query: "SELECT 1 FROM pg_sleep(0.25)"
      )

      {duration_us, conn} =
        :timer.tc(fn ->
          :get
          |> conn("/readyz")
          |> Portal.Health.call([])
        end)

      assert conn.status == 200
      assert div(duration_us, 1_000) < 900
    end

    test "returns 503 with status starting when an endpoint is not ready", %{
      draining_file_path: draining_file_path
    } do
      Portal.Config.put_env_override(:portal, Portal.Health,
        draining_file_path: draining_file_path,
        api_endpoint: :nonexistent_endpoint
      )

      conn =
        :get
        |> conn("/readyz")
        |> Portal.Health.call([])

      assert conn.status == 503
      assert %{"status" => "starting", "version" => version} = JSON.decode!(conn.resp_body)
      assert is_binary(version)
    end
  end

  describe "unknown routes" do
    test "passes through when used as plug" do
      conn =
        :get
        |> conn("/unknown")
        |> Portal.Health.call([])

      # Portal.Health passes through unknown routes (doesn't halt)
      refute conn.halted
      assert conn.status == nil
    end
  end
end
