# frozen_string_literal: true

class SessionsController < Clearance::SessionsController
  include MfaExpiryMethods
  include RequireMfa
  include WebauthnVerifiable
  include SessionVerifiable

  before_action :redirect_to_signin, unless: :signed_in?, only: %i[verify webauthn_authenticate authenticate]
  before_action :redirect_to_new_mfa, if: :mfa_required_not_yet_enabled?, only: %i[verify webauthn_authenticate authenticate]
  before_action :redirect_to_settings_strong_mfa_required, if: :mfa_required_weak_level_enabled?, only: %i[verify webauthn_authenticate authenticate]
  before_action :webauthn_new_setup, only: :new

  before_action :clear_compromised_password_session_state, only: %i[create webauthn_full_create]
  before_action :ensure_not_blocked, only: %i[create]
  before_action :find_user, only: %i[create]
  before_action :check_password_compromised, only: %i[create]
  before_action :require_mfa, only: %i[create]
  before_action :find_mfa_user, only: %i[webauthn_create otp_create]
  before_action :validate_otp, only: %i[otp_create]
  before_action :validate_webauthn, only: %i[webauthn_create]
  after_action :delete_mfa_session, only: %i[webauthn_create webauthn_full_create otp_create]
  after_action :delete_session_verification, only: :destroy

  def create
    do_login(two_factor_label: nil, two_factor_method: nil, authentication_method: "password")
  end

  def webauthn_create
    record_mfa_login_duration(mfa_type: "webauthn")
    do_login(two_factor_label: user_webauthn_credential.nickname, two_factor_method: "webauthn", authentication_method: "password")
  end

  def webauthn_full_create
    return login_failure(@webauthn_error) unless webauthn_credential_verified?

    @user = user_webauthn_credential.user

    if @user.blocked_email
      flash.now.alert = t("sessions.create.account_blocked")
      webauthn_new_setup
      render template: "sessions/new", status: :unauthorized
    else
      do_login(two_factor_label: user_webauthn_credential.nickname, two_factor_method: nil, authentication_method: "webauthn")
    end
  end

  def otp_create
    record_mfa_login_duration(mfa_type: @mfa_method)
    do_login(two_factor_label: @mfa_label, two_factor_method: @mfa_method, authentication_method: "password")
  end

  def verify
    @user = current_user
    setup_webauthn_authentication(form_url: webauthn_authenticate_session_path)
  end

  def authenticate
    @user = current_user
    if user_verified?
      mark_verified
    else
      flash.now[:alert] = t("profiles.request_denied")
      setup_webauthn_authentication(form_url: webauthn_authenticate_session_path)
      render :verify, status: :unauthorized
    end
  end

  def webauthn_authenticate
    @user = current_user
    if webauthn_credential_verified?
      mark_verified
    else
      flash.now[:alert] = @webauthn_error
      setup_webauthn_authentication(form_url: webauthn_authenticate_session_path)
      render :verify, status: :unauthorized
    end
  end

  def development_log_in_as
    user = User.find(params.expect(:user_id))
    sign_in(user)
    redirect_back_or_to dashboard_path
  end

  private

  def mark_verified
    session_verified
    redirect_to session.delete(:redirect_uri) || root_path
  end

  def user_verified?
    current_user.authenticated? verify_password_params[:password]
  end

  def verify_password_params
    params.expect(verify_password: :password)
  end

  def do_login(two_factor_label:, two_factor_method:, authentication_method:)
    sign_in(@user) do |status|
      if status.success?
        StatsD.increment "login.success"
        current_user.record_event!(Events::UserEvent::LOGIN_SUCCESS, request:,
          two_factor_method:, two_factor_label:, authentication_method:)
        Datadog::Kit::AppSec::Events::V2.track_user_login_success(
          Digest::SHA256.hexdigest(current_user.handle || current_user.email),
          current_user.id.to_s
        )
        set_login_flash
        redirect_to(url_after_create)
      else
        attempted_user = begin
          User.find_by_email(who) || User.find_by(handle: who)
        rescue Encoding::UndefinedConversionError
          nil
        end
        login = attempted_user ? (attempted_user.handle || attempted_user.email) : who.to_s
        metadata = attempted_user ? { "usr.id": attempted_user.id.to_s } : {}
        Datadog::Kit::AppSec::Events::V2.track_user_login_failure(
          Digest::SHA256.hexdigest(login), attempted_user.present?, metadata
        )
        login_failure(status.failure_message)
      end
    end
  end

  def login_failure(message)
    StatsD.increment "login.failure"
    flash.now.alert = message
    webauthn_new_setup
    render "sessions/new", status: :unauthorized
  end

  def webauthn_failure
    invalidate_mfa_session(@webauthn_error)
  end

  def mfa_failure(message)
    login_failure(message)
  end

  def find_user
    password = params.expect(session: :password).fetch(:password, nil)
    @user = User.authenticate(who, password) if password.is_a?(String) && who
  end

  def find_mfa_user
    @user = User.find_by(id: session[:mfa_user]) if mfa_session_active? && session[:mfa_user]
    return if @user
    delete_mfa_session
    login_failure t("multifactor_auths.session_expired")
  end

  def who
    who_param = params.expect(session: :who).fetch(:who, nil)
    who_param if who_param.is_a?(String)
  end

  def set_login_flash
    if current_user.mfa_recommended_not_yet_enabled?
      flash[:notice] = t("multifactor_auths.setup_recommended")
    elsif current_user.mfa_recommended_weak_level_enabled?
      flash[:notice] = t("multifactor_auths.strong_mfa_level_recommended")
    elsif !current_user.webauthn_enabled?
      flash[:notice_html] = t("multifactor_auths.setup_webauthn_html")
    end
  end

  def url_after_create(_authentication_method: nil)
    if session.delete(:password_compromised)
      user = current_user
      initiate_compromised_password_reset!(user)
      sign_out
      reset_session
      session[:compromised_password_user_id] = user.id
      compromised_password_path
    elsif current_user.mfa_recommended_not_yet_enabled?
      new_totp_path
    elsif current_user.mfa_recommended_weak_level_enabled?
      edit_settings_path
    else
      dashboard_path
    end
  end

  def check_password_compromised
    return unless @user

    checker = PasswordBreachChecker.new(params.dig(:session, :password))
    return unless checker.breached?

    StatsD.increment "login.password_compromised"

    if @user.mfa_enabled?
      handle_compromised_password_with_mfa
    else
      handle_compromised_password_without_mfa
    end
  end

  def handle_compromised_password_with_mfa
    StatsD.increment "login.password_compromised.with_mfa"
    @user.record_event!(Events::UserEvent::PASSWORD_COMPROMISED,
      request:, mfa_enabled: true, action_taken: "password_reset_redirect")
    session[:password_compromised] = true
  end

  def handle_compromised_password_without_mfa
    StatsD.increment "login.password_compromised.without_mfa"
    @user.record_event!(Events::UserEvent::PASSWORD_COMPROMISED,
      request:, mfa_enabled: false, action_taken: "email_reset_required")

    initiate_compromised_password_reset!(@user)

    sign_out
    reset_session

    session[:compromised_password_user_id] = @user.id

    redirect_to compromised_password_path
  end

  def ensure_not_blocked
    user = User.find_by_blocked(who)
    return unless user&.blocked_email

    flash.now.alert = t(".account_blocked")
    webauthn_new_setup
    render template: "sessions/new", status: :unauthorized
  end

  def clear_compromised_password_session_state
    session.delete(:password_compromised)
    session.delete(:compromised_password_user_id)
  end

  def initiate_compromised_password_reset!(user)
    user.forgot_password!
    PasswordMailer.compromised_password_reset(user).deliver_later
  end

  def record_mfa_login_duration(mfa_type:)
    started_at = Time.zone.parse(session[:mfa_login_started_at]).utc
    duration = Time.now.utc - started_at

    StatsD.distribution("login.mfa.#{mfa_type}.duration", duration)
  end

  def webauthn_new_setup
    @webauthn_options = WebAuthn::Credential.options_for_get(
      user_verification: "discouraged"
    )

    @webauthn_verification_url = webauthn_full_create_session_path

    session[:webauthn_authentication] = {
      "challenge" => @webauthn_options.challenge
    }
  end

  def delete_session_verification
    session[:verified_user] = session[:verification] = nil
  end

  def otp_verification_url
    otp_create_session_path
  end

  def webauthn_verification_url
    webauthn_create_session_path
  end

  def incorrect_otp
    delete_mfa_session
    super
  end
end
