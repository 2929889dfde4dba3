defmodule Portal.Account do
  use Ecto.Schema
  import Ecto.Changeset

  @type t :: %__MODULE__{}

  @primary_key {:id, :binary_id, autogenerate: true}
  @foreign_key_type :binary_id
  @timestamps_opts [type: :utc_datetime_usec]

  schema "accounts" do
    field :name, :string
    field :slug, :string
    field :key, :string

    field :legal_name, :string

    # Per-account symmetric key used to sign and verify flow-log ingest tokens.
    # DB-generated and redacted; see Portal.FlowLogToken.
    field :ingest_signing_key, :binary, read_after_writes: true, redact: true

    # Updated by the billing subscription metadata fields
    embeds_one :features, Portal.Accounts.Features, on_replace: :delete
    embeds_one :limits, Portal.Accounts.Limits, on_replace: :delete
    embeds_one :config, Portal.Accounts.Config, on_replace: :update

    embeds_one :metadata, Portal.Account.Metadata, on_replace: :update

    # We mention all schemas here to leverage Ecto compile-time reference checks,
    # because later we will have to shard data by account_id.
    has_many :actors, Portal.Actor
    has_many :memberships, Portal.Membership
    has_many :groups, Portal.Group

    has_many :auth_providers, Portal.AuthProvider
    has_many :external_identities, Portal.ExternalIdentity
    has_many :pending_identities, Portal.PendingIdentity
    has_many :trust_anchors, Portal.TrustAnchor
    has_many :trust_anchor_certificates, Portal.TrustAnchorCertificate

    has_many :policies, Portal.Policy

    has_many :policy_authorizations, Portal.PolicyAuthorization

    has_many :resources, Portal.Resource

    has_many :devices, Portal.Device
    has_many :posture_providers, Portal.PostureProvider
    has_many :intune_posture_providers, Portal.Intune.PostureProvider
    has_many :intune_devices, Portal.Intune.Device
    has_many :iru_posture_providers, Portal.Iru.PostureProvider
    has_many :iru_devices, Portal.Iru.Device
    has_many :clients, Portal.Device, where: [type: :client]
    has_many :gateways, Portal.Device, where: [type: :gateway]
    has_many :sites, Portal.Site

    has_many :client_tokens, Portal.ClientToken
    has_many :gateway_tokens, Portal.GatewayToken
    has_many :one_time_passcodes, Portal.OneTimePasscode

    has_many :google_directories, Portal.Google.Directory
    has_many :google_auth_providers, Portal.Google.AuthProvider
    has_many :okta_directories, Portal.Okta.Directory
    has_many :okta_auth_providers, Portal.Okta.AuthProvider
    has_many :entra_directories, Portal.Entra.Directory
    has_many :entra_auth_providers, Portal.Entra.AuthProvider

    has_many :oidc_auth_providers, Portal.OIDC.AuthProvider
    has_one :email_otp_auth_provider, Portal.EmailOTP.AuthProvider
    has_one :userpass_auth_provider, Portal.Userpass.AuthProvider

    # Billing limit exceeded flags - set by CheckAccountLimits worker and Stripe event processing
    field :users_limit_exceeded, :boolean, default: false
    field :seats_limit_exceeded, :boolean, default: false
    field :service_accounts_limit_exceeded, :boolean, default: false
    field :sites_limit_exceeded, :boolean, default: false
    field :admins_limit_exceeded, :boolean, default: false

    # Tracks when the last limit exceeded email was sent (for throttling)
    field :warning_last_sent_at, :utc_datetime_usec

    field :disabled_reason, :string
    field :is_disabled, :boolean, default: false, read_after_writes: true

    field :scheduled_deletion_at, :utc_datetime_usec

    # Set by Ops Admins only. Prevents account admins from modifying account settings.
    field :lock_enabled_at, :utc_datetime_usec

    timestamps()
  end

  def changeset(changeset) do
    changeset
    |> validate_length(:name, min: 3, max: 64)
    |> validate_length(:slug, min: 3, max: 100)
    |> validate_length(:key, is: 6)
    |> validate_key_format()
    |> validate_length(:legal_name, min: 1, max: 255)
    |> unique_constraint(:slug, name: :accounts_slug_index)
    |> unique_constraint(:key, name: :accounts_key_index)
  end

  @base36 ~c"abcdefghijklmnopqrstuvwxyz0123456789"

  @doc "Generate a cryptographically random 6-character base-36 key."
  def new_key do
    for(_ <- 1..6, into: "", do: <<Enum.at(@base36, uniform(36))>>)
  end

  # Rejection sampling to avoid modulo bias.
  # Largest multiple of 36 that fits in a byte is 252 (36 * 7).
  defp uniform(n) do
    <<byte>> = :crypto.strong_rand_bytes(1)

    if byte < 252 do
      rem(byte, n)
    else
      uniform(n)
    end
  end

  defp validate_key_format(changeset) do
    validate_format(changeset, :key, ~r/^[a-z0-9]+$/, message: "must be lowercase alphanumeric")
  end

  @spec active?(t()) :: boolean()
  def active?(%__MODULE__{is_disabled: false}), do: true
  def active?(%__MODULE__{}), do: false

  @spec pending_deletion?(t()) :: boolean()
  def pending_deletion?(%__MODULE__{scheduled_deletion_at: nil}), do: false
  def pending_deletion?(%__MODULE__{}), do: true

  @spec locked?(t()) :: boolean()
  def locked?(%__MODULE__{lock_enabled_at: nil}), do: false
  def locked?(%__MODULE__{}), do: true

  # All plan entitlements except device posture are account-local. Device posture
  # additionally has a deployment-wide rollout flag in the features table.
  # sobelow_skip ["DOS.BinToAtom"]
  for feature <- Portal.Accounts.Features.__schema__(:fields), feature != :device_posture do
    def unquote(:"#{feature}_enabled?")(account) do
      account_feature_enabled?(account, unquote(feature))
    end
  end

  def device_posture_enabled?(account) do
    Portal.Features.enabled?(:device_posture) and
      account_feature_enabled?(account, :device_posture)
  end

  defp account_feature_enabled?(account, feature) do
    Map.fetch!(account.features || %Portal.Accounts.Features{}, feature) || false
  end
end

defmodule Portal.Account.Metadata do
  use Ecto.Schema
  import Ecto.Changeset

  @primary_key false
  embedded_schema do
    embeds_one :stripe, Portal.Account.Metadata.Stripe, on_replace: :update
  end

  def changeset(metadata \\ %__MODULE__{}, attrs) do
    metadata
    # No scalar fields to cast, but cast/3 is required to populate params for cast_embed.
    |> cast(attrs, [])
    |> cast_embed(:stripe, with: &Portal.Account.Metadata.Stripe.changeset/2)
  end
end

defmodule Portal.Account.Metadata.Stripe do
  use Ecto.Schema
  import Ecto.Changeset

  @primary_key false
  embedded_schema do
    field :customer_id, :string
    field :subscription_id, :string
    field :product_name, :string
    field :billing_email, :string
    field :trial_ends_at, :utc_datetime_usec
    field :support_type, :string
  end

  def changeset(stripe \\ %__MODULE__{}, attrs) do
    stripe
    |> cast(attrs, [
      :customer_id,
      :subscription_id,
      :product_name,
      :billing_email,
      :trial_ends_at,
      :support_type
    ])
  end
end
