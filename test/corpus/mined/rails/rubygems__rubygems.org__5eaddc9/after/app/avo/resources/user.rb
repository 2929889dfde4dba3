# frozen_string_literal: true

class Avo::Resources::User < Avo::BaseResource
  self.title = :name
  self.includes = []
  self.search = {
    query: lambda {
             search_term = "%#{ActiveRecord::Base.sanitize_sql_like(params[:q])}%"
             query.where("email LIKE ? OR handle LIKE ? OR blocked_email LIKE ?", search_term, search_term, search_term)
           }
  }

  class ApiKeyNameFilter < Avo::Filters::TextFilter
    self.name = "API key name"
    self.button_label = "Filter by API key name"

    def apply(_request, query, value)
      return query if value.blank?

      api_keys = ApiKey.where(owner_type: "User")
        .where("name ILIKE ?", "%#{ActiveRecord::Base.sanitize_sql_like(value)}%")
      query.where(id: api_keys.select(:owner_id))
    end
  end

  class CreatedAtFilter < Avo::Filters::DateTimeFilter
    self.name = "Account creation time (UTC)"
    self.button_label = "Filter by creation time"

    def apply(_request, query, value)
      return query if value.blank?

      start_value, end_value = value.split(" to ", 2)
      return query.none if start_value.blank? || end_value.blank?

      start_at = Time.zone.strptime(start_value, "%Y-%m-%d %H:%M:%S")
      end_at = Time.zone.strptime(end_value, "%Y-%m-%d %H:%M:%S")
      return query.none if start_at > end_at

      query.where(created_at: start_at..end_at)
    rescue ArgumentError
      query.none
    end
  end

  def actions
    action Avo::Actions::BlockUser
    action Avo::Actions::CreateUser
    action Avo::Actions::ChangeUserEmail
    action Avo::Actions::DeleteUser
    action Avo::Actions::ResetApiKey
    action Avo::Actions::ResetUser2fa
    action Avo::Actions::UnblockUser
    action Avo::Actions::YankRubygemsForUser
    action Avo::Actions::YankUser
  end

  def filters
    filter ApiKeyNameFilter
    filter CreatedAtFilter
  end

  def fields # rubocop:disable Metrics
    field :id, as: :id
    field :created_at, as: :date_time, readonly: true, only_on: :show

    field :email, as: :text
    field :gravatar,
      as: :gravatar,
      rounded: true,
      size: 48 do |_, _, _|
        record.email
      end

    field :email_confirmed, as: :boolean

    field :email_reset, as: :boolean
    field :handle, as: :text
    field :public_email, as: :boolean
    field :twitter_username, as: :text, as_html: true, format_using: -> { link_to value, "https://twitter.com/#{value}", target: :_blank, rel: :noopener if value.present? }
    field :unconfirmed_email, as: :text

    field :mail_fails, as: :number
    field :blocked_email, as: :text

    field :policies_acknowledged_at, as: :date_time

    tabs style: :pills do
      tab "Auth" do
        field :encrypted_password, as: :password, visible: -> { false }
        field :totp_seed, as: :text, visible: -> { false }
        field :mfa_seed, as: :text, visible: -> { false } # legacy field
        field :mfa_level, as: :select, enum: ::User.mfa_levels
        field :mfa_recovery_codes, as: :text, visible: -> { false }
        field :mfa_hashed_recovery_codes, as: :text, visible: -> { false }
        field :webauthn_id, as: :text
        field :remember_token_expires_at, as: :date_time
        field :api_key, as: :text, visible: -> { false }
        field :confirmation_token, as: :text, visible: -> { false }
        field :remember_token, as: :text, visible: -> { false }
        field :salt, as: :text, visible: -> { false }
        field :token, as: :text, visible: -> { false }
        field :token_expires_at, as: :date_time
      end
      field :ownerships, as: :has_many
      field :rubygems, as: :has_many, through: :ownerships
      field :subscriptions, as: :has_many
      field :subscribed_gems, as: :has_many, through: :subscriptions
      field :deletions, as: :has_many
      field :web_hooks, as: :has_many
      field :unconfirmed_ownerships, as: :has_many
      field :api_keys, as: :has_many, name: "API Keys"
      field :pushed_versions, as: :has_many
      field :oidc_api_key_roles, as: :has_many
      field :webauthn_credentials, as: :has_many
      field :webauthn_verification, as: :has_one

      field :audits, as: :has_many
      field :events, as: :has_many
    end
  end
end
