defmodule PortalWeb.PoliciesTest do
  use PortalWeb.ConnCase, async: true

  alias Portal.{Policy, Repo}
  alias Portal.Changes.Change

  import Portal.AccountFixtures
  import Portal.ActorFixtures
  import Portal.AuthProviderFixtures
  import Portal.GroupFixtures
  import Portal.MembershipFixtures
  import Portal.PolicyAuthorizationFixtures
  import Portal.PolicyFixtures
  import Portal.ResourceFixtures
  import Portal.SiteFixtures

  setup do
    account = account_fixture()
    actor = admin_actor_fixture(account: account)
    %{account: account, actor: actor}
  end

  describe "unauthorized" do
    test "redirects to sign-in when not authenticated", %{conn: conn, account: account} do
      path = ~p"/#{account}/policies"

      assert live(conn, path) ==
               {:error,
                {:redirect,
                 %{
                   to: ~p"/#{account}/sign_in?#{%{redirect_to: path}}",
                   flash: %{"error" => "You must sign in to access that page."}
                 }}}
    end
  end

  describe "index (default action)" do
    test "renders policy list page", %{conn: conn, account: account, actor: actor} do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      _policy = policy_fixture(group: group, resource: resource)

      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies")

      assert html =~ "Policies"
      assert html =~ group.name
      assert html =~ resource.name
    end

    test "opens new policy panel from list and closes it", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      {:ok, lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies")

      assert html =~ "New Policy"

      render_click(lv, "open_new_policy_form")
      assert_patch(lv, ~p"/#{account}/policies/new")
      assert render(lv) =~ "Add Policy"

      render_click(lv, "cancel_policy_form")
      assert_patch(lv, ~p"/#{account}/policies")
    end
  end

  describe ":new action" do
    test "renders add policy form", %{conn: conn, account: account, actor: actor} do
      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/new")

      assert html =~ "Add Policy"
      assert html =~ "Group"
      assert html =~ "Resource"
    end

    test "creates a policy on submit", %{conn: conn, account: account, actor: actor} do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/new")

      html =
        lv
        |> form("[phx-submit='submit_policy_form']",
          policy: %{
            group_id: group.id,
            resource_id: resource.id,
            description: "Allow group access"
          }
        )
        |> render_submit()

      assert html =~ "created successfully"

      policy =
        Repo.get_by!(Policy,
          group_id: group.id,
          resource_id: resource.id,
          description: "Allow group access"
        )

      assert policy
    end

    test "shows blurred upgrade state for starter accounts without policy conditions", %{
      conn: conn
    } do
      account =
        starter_account_fixture(
          features: %{
            internet_resource: false,
            policy_conditions: false,
            idp_sync: true
          }
        )

      actor = admin_actor_fixture(account: account)

      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/new")

      assert html =~ "Upgrade your plan to unlock policy conditions."
      assert html =~ "Upgrade to Unlock"
      assert html =~ ~s(href="/#{account.slug}/settings/account")
      assert html =~ ~s(data-locked-section="policy-conditions")
      assert html =~ "blur-[2px]"
      assert html =~ "ri-lock-2-line"
      refute html =~ "Add condition"
      refute html =~ ~s(phx-click="remove_condition")
    end

    test "does not list Internet Resource in policy creation for starter accounts", %{conn: conn} do
      account =
        starter_account_fixture(
          features: %{
            internet_resource: false,
            policy_conditions: true,
            idp_sync: true
          }
        )

      actor = admin_actor_fixture(account: account)
      _internet_resource = internet_resource_fixture(account: account, name: "Starter Internet")
      _resource = resource_fixture(account: account, name: "Starter DNS")

      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/new")

      assert html =~ "Starter DNS"
      refute html =~ "Starter Internet"
    end

    test "rejects manual Internet Resource submission for starter accounts", %{conn: conn} do
      account =
        starter_account_fixture(
          features: %{
            internet_resource: false,
            policy_conditions: true,
            idp_sync: true
          }
        )

      actor = admin_actor_fixture(account: account)
      group = group_fixture(account: account)
      internet_resource = internet_resource_fixture(account: account, name: "Blocked Internet")

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/new")

      html =
        lv
        |> form("[phx-submit='submit_policy_form']",
          policy: %{
            group_id: group.id,
            resource_id: internet_resource.id,
            description: "Blocked by plan"
          }
        )
        |> render_submit()

      assert html =~ "Internet Resource is not available on your plan"

      refute Repo.get_by(Policy,
               group_id: group.id,
               resource_id: internet_resource.id,
               description: "Blocked by plan"
             )
    end

    test "creates a policy with flow log reporting disabled on submit", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)

      {:ok, lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/new")

      assert html =~ "Flow log reporting"
      assert has_element?(lv, "[data-flow-logs-new-badge]", "NEW")

      html =
        lv
        |> form("[phx-submit='submit_policy_form']",
          policy: %{
            group_id: group.id,
            resource_id: resource.id,
            flow_log_uploads_enabled: false
          }
        )
        |> render_submit()

      assert html =~ "created successfully"

      policy = Repo.get_by!(Policy, group_id: group.id, resource_id: resource.id)
      assert policy.flow_log_uploads_enabled == false
    end

    test "defaults flow log reporting to enabled on submit", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/new")

      lv
      |> form("[phx-submit='submit_policy_form']",
        policy: %{group_id: group.id, resource_id: resource.id}
      )
      |> render_submit()

      policy = Repo.get_by!(Policy, group_id: group.id, resource_id: resource.id)
      assert policy.flow_log_uploads_enabled == true
    end

    test "defaults flow log reporting off for Internet Resource policies", %{conn: conn} do
      account = account_fixture(features: %{internet_resource: true})
      actor = admin_actor_fixture(account: account)
      group = group_fixture(account: account)
      internet_resource = internet_resource_fixture(account: account)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/new")

      lv
      |> form("[phx-change='change_policy_form']",
        policy: %{
          group_id: group.id,
          resource_id: internet_resource.id
        }
      )
      |> render_change()

      html =
        lv
        |> form("[phx-submit='submit_policy_form']",
          policy: %{
            group_id: group.id,
            resource_id: internet_resource.id
          }
        )
        |> render_submit()

      assert html =~ "created successfully"

      policy = Repo.get_by!(Policy, group_id: group.id, resource_id: internet_resource.id)
      assert policy.flow_log_uploads_enabled == false
    end

    test "allows flow log reporting for Internet Resource policies and shows a volume warning",
         %{conn: conn} do
      account = account_fixture(features: %{internet_resource: true})
      actor = admin_actor_fixture(account: account)
      group = group_fixture(account: account)
      internet_resource = internet_resource_fixture(account: account)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/new")

      lv
      |> form("[phx-change='change_policy_form']",
        policy: %{
          group_id: group.id,
          resource_id: internet_resource.id
        }
      )
      |> render_change()

      html =
        lv
        |> form("[phx-change='change_policy_form']",
          policy: %{
            group_id: group.id,
            resource_id: internet_resource.id,
            flow_log_uploads_enabled: true
          }
        )
        |> render_change()

      assert html =~
               "Enabling flow log collection for the internet resource can result in substantial log volume."

      html =
        lv
        |> form("[phx-submit='submit_policy_form']",
          policy: %{
            group_id: group.id,
            resource_id: internet_resource.id,
            flow_log_uploads_enabled: true
          }
        )
        |> render_submit()

      assert html =~ "created successfully"

      policy = Repo.get_by!(Policy, group_id: group.id, resource_id: internet_resource.id)
      assert policy.flow_log_uploads_enabled == true
    end
  end

  describe ":show action" do
    test "renders policy detail panel with group and resource names", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}")

      assert html =~ group.name
      assert html =~ resource.name
    end

    test "closes panel, opens edit form, disables, enables, and cancels delete", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}")

      render_click(lv, "open_edit_form")
      assert_patch(lv, ~p"/#{account}/policies/#{policy.id}/edit")

      render_click(lv, "cancel_policy_form")
      assert_patch(lv, ~p"/#{account}/policies/#{policy.id}")

      html = render_click(lv, "confirm_disable_policy")
      assert html =~ "Disable this policy?"

      render_click(lv, "cancel_disable_policy")
      refute render(lv) =~ "Disable this policy?"

      render_click(lv, "confirm_disable_policy")
      render_click(lv, "disable_policy")

      policy = Repo.get_by!(Policy, id: policy.id, account_id: account.id)
      assert policy.is_disabled

      render_click(lv, "enable_policy")

      policy = Repo.get_by!(Policy, id: policy.id, account_id: account.id)
      refute policy.is_disabled

      html = render_click(lv, "confirm_delete_policy")
      assert html =~ "Delete this policy?"

      render_click(lv, "cancel_delete_policy")
      refute render(lv) =~ "Delete this policy?"

      render_click(lv, "close_panel")
      assert_patch(lv, ~p"/#{account}/policies")
    end

    test "ignores a tab switch queued while the policy panel is closing", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}")

      render_click(lv, "close_panel")
      assert_patch(lv, ~p"/#{account}/policies")

      render_click(lv, "switch_policy_tab", %{"tab" => "authorizations"})

      refute has_element?(lv, "#policy-panel > div")
    end

    test "patches to policies index with flash when policy does not exist", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      missing_id = Ecto.UUID.generate()
      path = ~p"/#{account}/policies/#{missing_id}"

      assert {:error, {:live_redirect, %{to: to, flash: flash}}} =
               conn
               |> authorize_conn(actor)
               |> live(path)

      assert to == ~p"/#{account}/policies"
      assert flash["error"] =~ "Policy does not exist"
    end

    test "preserves filter query params when redirecting from missing policy", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      site = site_fixture(account: account)
      missing_id = Ecto.UUID.generate()

      assert {:error, {:live_redirect, %{to: to}}} =
               conn
               |> authorize_conn(actor)
               |> live(
                 ~p"/#{account}/policies/#{missing_id}?#{[policies_filter: %{site_id: site.id}]}"
               )

      assert to =~ "policies_filter"
      assert to =~ site.id
    end
  end

  describe ":edit action" do
    test "renders edit policy form", %{conn: conn, account: account, actor: actor} do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      assert html =~ "Edit Policy"
      assert html =~ "Group"
      assert html =~ "Resource"
    end

    test "does not render saved policy conditions for starter accounts without the feature", %{
      conn: conn
    } do
      account =
        starter_account_fixture(
          features: %{
            policy_conditions: false,
            idp_sync: true
          }
        )

      actor = admin_actor_fixture(account: account)
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)

      policy =
        policy_fixture(
          group: group,
          resource: resource,
          conditions: [
            %{
              property: :remote_ip,
              operator: :is_in_cidr,
              values: ["10.10.0.0/16"]
            }
          ]
        )

      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      refute html =~ "10.10.0.0/16"
      refute html =~ ~s(phx-click="remove_condition")
    end

    test "shows flow log reporting checkbox when editing an Internet Resource policy", %{
      conn: conn
    } do
      account = account_fixture(features: %{internet_resource: true})
      actor = admin_actor_fixture(account: account)
      group = group_fixture(account: account)
      resource = internet_resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      assert html =~ "Flow log reporting"
      assert html =~ "policy[flow_log_uploads_enabled]"
      assert html =~
               "Enabling flow log collection for the internet resource can result in substantial log volume."
    end

    test "warns when changing flow log reporting on an existing policy", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      refute html =~ "a few seconds of interrupted connectivity"

      html =
        lv
        |> form("[phx-submit='submit_policy_form']",
          policy: %{
            group_id: group.id,
            resource_id: resource.id,
            flow_log_uploads_enabled: false
          }
        )
        |> render_change()

      assert html =~ "a few seconds of interrupted connectivity"
    end

    test "moving a policy onto the Internet Resource disables flow log reporting", %{
      conn: conn
    } do
      account = account_fixture(features: %{internet_resource: true})
      actor = admin_actor_fixture(account: account)
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      internet_resource = internet_resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource, flow_log_uploads_enabled: true)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      lv
      |> form("[phx-change='change_policy_form']",
        policy: %{
          group_id: group.id,
          resource_id: internet_resource.id
        }
      )
      |> render_change()

      html =
        lv
        |> form("[phx-submit='submit_policy_form']",
          policy: %{
            group_id: group.id,
            resource_id: internet_resource.id
          }
        )
        |> render_submit()

      assert html =~ "updated successfully"

      reloaded = Repo.get_by!(Policy, id: policy.id, account_id: account.id)
      assert reloaded.flow_log_uploads_enabled == false
    end

    test "renders existing Internet Resource policy on edit after feature loss", %{conn: conn} do
      account =
        starter_account_fixture(
          features: %{
            internet_resource: false,
            policy_conditions: true,
            idp_sync: true
          }
        )

      actor = admin_actor_fixture(account: account)
      group = group_fixture(account: account)
      resource = internet_resource_fixture(account: account, name: "Existing Internet Resource")
      policy = policy_fixture(group: group, resource: resource)

      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      assert html =~ "Edit Policy"
      assert html =~ "Existing Internet Resource"
    end

    test "blocks saving an existing Internet Resource policy on starter accounts",
         %{conn: conn} do
      account =
        starter_account_fixture(
          features: %{
            internet_resource: false,
            policy_conditions: true,
            idp_sync: true
          }
        )

      actor = admin_actor_fixture(account: account)
      group = group_fixture(account: account)
      resource = internet_resource_fixture(account: account, name: "Existing Internet Resource")
      policy = policy_fixture(group: group, resource: resource, description: "Original")

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      html =
        lv
        |> form("[phx-submit='submit_policy_form']",
          policy: %{
            group_id: group.id,
            resource_id: resource.id,
            description: "Updated Description"
          }
        )
        |> render_submit()

      assert html =~ "Internet Resource is not available on your plan"

      reloaded = Repo.get_by!(Policy, id: policy.id, account_id: account.id)
      assert reloaded.description == "Original"
    end

    test "rejects manual Internet Resource assignment when editing for starter accounts",
         %{conn: conn} do
      account =
        starter_account_fixture(
          features: %{
            internet_resource: false,
            policy_conditions: true,
            idp_sync: true
          }
        )

      actor = admin_actor_fixture(account: account)
      group = group_fixture(account: account)
      resource = resource_fixture(account: account, name: "Starter DNS")
      internet_resource = internet_resource_fixture(account: account, name: "Blocked Internet")
      policy = policy_fixture(group: group, resource: resource, description: "Original")

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      html =
        lv
        |> form("[phx-submit='submit_policy_form']",
          policy: %{
            group_id: group.id,
            resource_id: internet_resource.id,
            description: "Switched to Internet"
          }
        )
        |> render_submit()

      assert html =~ "Internet Resource is not available on your plan"

      reloaded = Repo.get_by!(Policy, id: policy.id, account_id: account.id)
      assert reloaded.resource_id == resource.id
      assert reloaded.description == "Original"
    end

    test "updates policy description and condition state", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource, description: "Old Description")

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      render_click(lv, "toggle_conditions_dropdown")
      assert render_click(lv, "add_condition", %{"type" => "remote_ip"}) =~ "IP Range"

      html =
        lv
        |> element("input[name='_ip_range_input']")
        |> render_change(%{"_ip_range_input" => "10.10.0.0/16"})

      assert html =~ "10.10.0.0/16"

      html = render_click(lv, "add_ip_range_value")
      assert html =~ "10.10.0.0/16"

      html = render_click(lv, "remove_ip_range_value", %{"range" => "10.10.0.0/16"})
      refute html =~ "10.10.0.0/16"

      lv
      |> element("input[name='_ip_range_input']")
      |> render_change(%{"_ip_range_input" => "10.10.0.0/16"})

      render_click(lv, "add_ip_range_value")

      html =
        lv
        |> form("[phx-submit='submit_policy_form']",
          policy: %{
            group_id: group.id,
            resource_id: resource.id,
            description: "Updated Description"
          }
        )
        |> render_submit()

      assert html =~ "updated successfully"

      policy = Repo.get_by!(Policy, id: policy.id, account_id: account.id)
      assert policy.description == "Updated Description"

      assert Enum.any?(
               policy.conditions,
               &(&1.property == :remote_ip and &1.values == ["10.10.0.0/16"])
             )
    end
  end

  describe ":conditions" do
    test "saves time-of-day condition to DB", %{conn: conn, account: account, actor: actor} do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      render_click(lv, "toggle_conditions_dropdown")
      render_click(lv, "add_condition", %{"type" => "current_utc_datetime"})
      render_click(lv, "start_add_tod_range")

      lv
      |> element("input[name='_tod_on']")
      |> render_change(%{"_tod_on" => "09:00"})

      lv
      |> element("input[name='_tod_off']")
      |> render_change(%{"_tod_off" => "17:00"})

      render_click(lv, "toggle_tod_pending_day", %{"day" => "M"})
      render_click(lv, "toggle_tod_pending_day", %{"day" => "T"})
      render_click(lv, "confirm_tod_range")

      html =
        lv
        |> form("[phx-submit='submit_policy_form']",
          policy: %{
            group_id: group.id,
            resource_id: resource.id,
            description: "With TOD condition"
          }
        )
        |> render_submit()

      assert html =~ "updated successfully"

      policy = Repo.get_by!(Policy, id: policy.id, account_id: account.id)

      assert Enum.any?(
               policy.conditions,
               &(&1.property == :current_utc_datetime and
                   "M/09:00-17:00/UTC" in &1.values and
                   "T/09:00-17:00/UTC" in &1.values)
             )
    end

    test "removes a condition from edit form", %{conn: conn, account: account, actor: actor} do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      render_click(lv, "toggle_conditions_dropdown")
      html = render_click(lv, "add_condition", %{"type" => "remote_ip"})
      assert html =~ "IP Range"

      html = render_click(lv, "remove_condition", %{"type" => "remote_ip"})
      refute html =~ "IP Range"
    end

    test "manages auth provider conditions", %{conn: conn, account: account, actor: actor} do
      auth_provider = email_otp_provider_fixture(account: account)
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn_with_provider(actor, auth_provider)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      render_click(lv, "toggle_conditions_dropdown")
      html = render_click(lv, "add_condition", %{"type" => "auth_provider_id"})
      assert html =~ "Authentication Provider"

      html = render_click(lv, "toggle_auth_provider_value", %{"id" => auth_provider.id})
      assert html =~ auth_provider.name

      html = render_click(lv, "change_auth_provider_operator", %{"operator" => "is_not_in"})
      assert html =~ "is not in"
    end

    test "manages time-of-day conditions via add range form", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      render_click(lv, "toggle_conditions_dropdown")
      html = render_click(lv, "add_condition", %{"type" => "current_utc_datetime"})

      assert html =~ "Add range"
      refute html =~ ~s(type="time")

      html = render_click(lv, "start_add_tod_range")
      assert html =~ ~s(type="time")
      assert html =~ ~s(name="_tod_on")
      assert html =~ ~s(name="_tod_off")

      for code <- ["M", "T", "W", "R", "F", "S", "U"] do
        assert html =~ ~s(phx-value-day="#{code}")
      end
    end

    test "keeps selected timezone when toggling tod day buttons", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      render_click(lv, "toggle_conditions_dropdown")
      render_click(lv, "add_condition", %{"type" => "current_utc_datetime"})

      lv
      |> element("select[name='policy[conditions][current_utc_datetime][timezone]']")
      |> render_change(%{
        "policy" => %{
          "conditions" => %{"current_utc_datetime" => %{"timezone" => "America/New_York"}}
        }
      })

      render_click(lv, "start_add_tod_range")
      html = render_click(lv, "toggle_tod_pending_day", %{"day" => "M"})

      assert html =~ ~s(value="America/New_York" selected)
      refute html =~ ~s(value="UTC" selected)
    end

    test "renders time-of-day condition from saved policy", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)

      policy =
        policy_fixture(
          group: group,
          resource: resource,
          conditions: [
            %{
              property: :current_utc_datetime,
              operator: :is_in_day_of_week_time_ranges,
              values: ["M/09:30-17:45/America/New_York"]
            }
          ]
        )

      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      assert html =~ ~s(value="09:30")
      assert html =~ ~s(value="17:45")
    end

    test "manages location conditions", %{conn: conn, account: account, actor: actor} do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      render_click(lv, "toggle_conditions_dropdown")
      html = render_click(lv, "add_condition", %{"type" => "remote_ip_location_region"})
      assert html =~ "Search countries"

      html =
        lv
        |> element("input[name='_location_search']")
        |> render_change(%{"_location_search" => "United"})

      assert html =~ "United States"

      html = render_click(lv, "toggle_location_value", %{"code" => "US"})
      assert html =~ "US"

      html = render_click(lv, "toggle_location_value", %{"code" => "US"})
      refute html =~ ">US<"
    end

    test "saves location condition to DB", %{conn: conn, account: account, actor: actor} do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      render_click(lv, "toggle_conditions_dropdown")
      render_click(lv, "add_condition", %{"type" => "remote_ip_location_region"})

      lv
      |> element("input[name='_location_search']")
      |> render_change(%{"_location_search" => "United"})

      render_click(lv, "toggle_location_value", %{"code" => "US"})

      html =
        lv
        |> form("[phx-submit='submit_policy_form']",
          policy: %{
            group_id: group.id,
            resource_id: resource.id,
            description: "With location condition"
          }
        )
        |> render_submit()

      assert html =~ "updated successfully"

      policy = Repo.get_by!(Policy, id: policy.id, account_id: account.id)

      assert Enum.any?(
               policy.conditions,
               &(&1.property == :remote_ip_location_region and "US" in &1.values)
             )
    end

    test "renders location condition from saved policy", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)

      policy =
        policy_fixture(
          group: group,
          resource: resource,
          conditions: [
            %{
              property: :remote_ip_location_region,
              operator: :is_in,
              values: ["US"]
            }
          ]
        )

      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      assert html =~ "United States"
    end

    test "saves auth_provider condition to DB", %{conn: conn, account: account, actor: actor} do
      auth_provider = email_otp_provider_fixture(account: account)
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn_with_provider(actor, auth_provider)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      render_click(lv, "toggle_conditions_dropdown")
      render_click(lv, "add_condition", %{"type" => "auth_provider_id"})
      render_click(lv, "toggle_auth_provider_value", %{"id" => auth_provider.id})

      html =
        lv
        |> form("[phx-submit='submit_policy_form']",
          policy: %{
            group_id: group.id,
            resource_id: resource.id,
            description: "With auth provider condition"
          }
        )
        |> render_submit()

      assert html =~ "updated successfully"

      policy = Repo.get_by!(Policy, id: policy.id, account_id: account.id)

      assert Enum.any?(
               policy.conditions,
               &(&1.property == :auth_provider_id and auth_provider.id in &1.values)
             )
    end

    test "renders auth_provider condition from saved policy", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      auth_provider = email_otp_provider_fixture(account: account)
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)

      policy =
        policy_fixture(
          group: group,
          resource: resource,
          conditions: [
            %{
              property: :auth_provider_id,
              operator: :is_in,
              values: [auth_provider.id]
            }
          ]
        )

      {:ok, _lv, html} =
        conn
        |> authorize_conn_with_provider(actor, auth_provider)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      assert html =~ auth_provider.name
    end

    test "renders ip_range condition from saved policy", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)

      policy =
        policy_fixture(
          group: group,
          resource: resource,
          conditions: [
            %{
              property: :remote_ip,
              operator: :is_in_cidr,
              values: ["192.168.0.0/24"]
            }
          ]
        )

      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      assert html =~ "192.168.0.0/24"
    end

    test "changes ip_range operator", %{conn: conn, account: account, actor: actor} do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      render_click(lv, "toggle_conditions_dropdown")
      render_click(lv, "add_condition", %{"type" => "remote_ip"})

      refute html =~ ~s(value="is_not_in_cidr")

      html = render_click(lv, "change_ip_range_operator", %{"operator" => "is_not_in_cidr"})
      assert html =~ ~s(value="is_not_in_cidr")
    end

    test "manages client_verified condition", %{conn: conn, account: account, actor: actor} do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      render_click(lv, "toggle_conditions_dropdown")
      html = render_click(lv, "add_condition", %{"type" => "client_verified"})
      assert html =~ "Require Verified Client"
    end

    test "saves client_verified condition to DB", %{conn: conn, account: account, actor: actor} do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      render_click(lv, "toggle_conditions_dropdown")
      render_click(lv, "add_condition", %{"type" => "client_verified"})

      html =
        lv
        |> form("[phx-submit='submit_policy_form']",
          policy: %{
            group_id: group.id,
            resource_id: resource.id,
            description: "With client verified condition"
          }
        )
        |> render_submit()

      assert html =~ "updated successfully"

      policy = Repo.get_by!(Policy, id: policy.id, account_id: account.id)

      assert Enum.any?(
               policy.conditions,
               &(&1.property == :client_verified and &1.values == ["true"])
             )
    end

    test "renders client_verified condition from saved policy", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)

      policy =
        policy_fixture(
          group: group,
          resource: resource,
          conditions: [
            %{
              property: :client_verified,
              operator: :is,
              values: ["true"]
            }
          ]
        )

      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}/edit")

      assert html =~ "Require Verified Client"
    end
  end

  describe ":show action authorizations tab" do
    test "tab bar shows Overview and Authorizations tabs", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}")

      assert html =~ "Overview"
      assert html =~ "Authorizations"
    end

    test "switching to Authorizations tab patches URL", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}")

      render_click(lv, "switch_policy_tab", %{"tab" => "authorizations"})
      assert_patch(lv, ~p"/#{account}/policies/#{policy.id}?tab=authorizations")
    end

    test "switching back to Overview tab patches URL", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}?tab=authorizations")

      render_click(lv, "switch_policy_tab", %{"tab" => "overview"})
      assert_patch(lv, ~p"/#{account}/policies/#{policy.id}?tab=overview")
    end

    test "Authorizations tab shows empty state when no authorizations exist", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}?tab=authorizations")

      assert html =~ "No recent authorizations"

      assert has_element?(
               lv,
               "[data-authorization-flow-logs-notice] a[href='#{~p"/#{account}/logs/flow_logs"}']",
               "flow logs"
             )
    end

    test "Authorizations tab renders actor name", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      site = site_fixture(account: account)
      named_actor = actor_fixture(account: account, name: "Bob Jones")
      group = group_fixture(account: account)
      resource = resource_fixture(account: account, site: site)
      membership = membership_fixture(account: account, actor: named_actor, group: group)
      policy = policy_fixture(account: account, group: group, resource: resource)

      policy_authorization_fixture(
        account: account,
        actor: named_actor,
        resource: resource,
        group: group,
        policy: policy,
        membership: membership
      )

      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}?tab=authorizations")

      assert html =~ "Bob Jones"
    end

    test "Overview tab still renders correctly as default (regression)", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, _lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}")

      assert html =~ group.name
      assert html =~ resource.name
    end
  end

  describe "delete" do
    test "shows confirm delete then deletes policy", %{conn: conn, account: account, actor: actor} do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      policy = policy_fixture(group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies/#{policy.id}")

      html = render_click(lv, "confirm_delete_policy")
      assert html =~ "Delete"

      render_click(lv, "delete_policy")
      assert_patch(lv, ~p"/#{account}/policies")
    end
  end

  describe "count badge" do
    test "shows total policy count after async load", %{conn: conn, account: account, actor: actor} do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      _policy = policy_fixture(account: account, group: group, resource: resource)

      {:ok, lv, html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies")

      assert html =~ "Loading..."

      html = render_async(lv)

      assert html =~ "1"
      assert html =~ "Total"
      refute html =~ "Loading..."
    end

    test "increments count on policy insert change", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies")

      render_async(lv)

      send(lv.pid, %Change{op: :insert, struct: %Policy{}})

      html = render(lv)
      assert html =~ "1"
      assert html =~ "Total"
    end

    test "decrements count on policy delete change", %{
      conn: conn,
      account: account,
      actor: actor
    } do
      group = group_fixture(account: account)
      resource = resource_fixture(account: account)
      _policy = policy_fixture(account: account, group: group, resource: resource)

      {:ok, lv, _html} =
        conn
        |> authorize_conn(actor)
        |> live(~p"/#{account}/policies")

      render_async(lv)

      send(lv.pid, %Change{op: :delete, old_struct: %Policy{}})

      html = render(lv)
      assert html =~ "0"
      assert html =~ "Total"
    end
  end
end
