# frozen_string_literal: true

require "test_helper"

class UserTest < ActiveSupport::TestCase
  should have_many(:ownerships).dependent(:destroy)
  should have_many(:unconfirmed_ownerships).dependent(:destroy)
  should have_many(:rubygems).through(:ownerships)
  should have_many(:subscribed_gems).through(:subscriptions)
  should have_many(:deletions)
  should have_many(:subscriptions).dependent(:destroy)
  should have_many(:web_hooks).dependent(:destroy)
  should have_many(:webauthn_credentials).dependent(:destroy)
  should have_one(:webauthn_verification).dependent(:destroy)

  context "validations" do
    context "handle" do
      should allow_value("CapsLOCK").for(:handle)
      should_not allow_value("1abcde").for(:handle)
      should_not allow_value("abc^%def").for(:handle)
      should_not allow_value("abc\n<script>bad").for(:handle)
      should validate_length_of(:handle).is_at_least(2).is_at_most(40)

      should "be between 2 and 40 characters" do
        user = build(:user, handle: "a")

        refute_predicate user, :valid?
        assert_contains user.errors[:handle], "is too short (minimum is 2 characters)"

        user.handle = "a" * 41

        refute_predicate user, :valid?
        assert_contains user.errors[:handle], "is too long (maximum is 40 characters)"

        user.handle = "abcdef"
        user.valid?

        assert_nil user.errors[:handle].first
      end

      should "be invalid when an empty string" do
        user = build(:user, handle: "")

        refute_predicate user, :valid?
      end

      should "be invalid with duplicate handle on create" do
        create(:user, handle: "test")
        user = build(:user, handle: "Test")

        refute_predicate user, :valid?
      end

      should "be invalid with duplicate handle on update" do
        create(:user, handle: "test")
        user = create(:user, handle: "test2")
        user.update(handle: "Test")

        assert_contains user.errors[:handle], "has already been taken"
        refute_predicate user, :valid?
      end

      should "be valid when nil and other users have a nil handle" do
        assert_predicate build(:user, handle: nil), :valid?
        assert_predicate build(:user, handle: nil), :valid?
      end

      should "show user id if no handle set" do
        user = build(:user, handle: nil, id: 13)

        assert_equal "#13", user.display_handle

        user.handle = "bills"

        assert_equal "bills", user.display_handle
      end
    end

    context "full_name" do
      should "be less than 255 characters" do
        user = build(:user, full_name: "")

        assert_predicate user, :valid?

        user.full_name = "a" * 256

        refute_predicate user, :valid?
        assert_contains user.errors[:full_name], "is too long (maximum is 255 characters)"

        user.full_name = "Name Last name"
        user.valid?

        assert_nil user.errors[:handle].first
      end
    end

    context "email" do
      should "be less than 255 characters" do
        user = build(:user, email: format("%s@rubygems-test.org", "a" * 255))

        refute_predicate user, :valid?
        assert_contains user.errors[:email], "is too long (maximum is 255 characters)"
      end

      should "be valid when it matches URI mail email regex" do
        user = build(:user, email: "mail@rubygems-test.org")

        assert_predicate user, :valid?
      end

      should "be invalid when it doesn't match URI mail email regex" do
        user = build(:user, email: "random[a..z]mdhlwqui@163.com")

        refute_predicate user, :valid?
        assert_contains user.errors[:email], "is invalid"
      end

      should "be invalid with toxic domains in email" do
        Tempfile.create("toxic_domains_whole.txt") do |f|
          f.write "thing.com"
          f.rewind
          Gemcutter::Application.config.stubs(:toxic_domains_filepath).returns(f.path)

          user = build(:user, email: "mail@thing.com")

          refute_predicate user, :valid?
          assert_contains user.errors[:email], "domain 'thing.com' has been blocked for spamming. Please use a valid personal email."
        end
      end

      should "be invalid with regexp-like email address and toxic email check enabled" do
        Tempfile.create("toxic_domains_whole.txt") do |f|
          f.write "thing.com"
          f.rewind
          Gemcutter::Application.config.stubs(:toxic_domains_filepath).returns(f.path)

          user = build(:user, email: "${10000263+9999729}")

          refute_predicate user, :valid?
          assert_contains user.errors[:email], "is not a valid email"
        end
      end

      should "be invalid with empty email and toxic check enabled" do
        Tempfile.create("toxic_domains_whole.txt") do |f|
          f.write "thing.com"
          f.rewind
          Gemcutter::Application.config.stubs(:toxic_domains_filepath).returns(f.path)

          user = build(:user, email: "")

          refute_predicate user, :valid?
          assert_contains user.errors[:email], "is not a valid email"
        end
      end

      %w[user@example.com user@example.net user@example.org
         user@mail.example.com user@deep.sub.example.org
         user@foo.test user@bar.example user@baz.invalid user@host.localhost
         user@printer.local user@silkroad.onion
         USER@Example.COM].each do |email|
        should "be invalid with reserved domain #{email}" do
          user = build(:user, email: email)

          refute_predicate user, :valid?
          domain = email.split("@").last.downcase

          assert_contains user.errors[:email],
"domain '#{domain}' is reserved and cannot be used for registration. Please use a valid personal email."
        end
      end

      should "be valid with a non-reserved domain" do
        user = build(:user, email: "user@rubygems.org")

        assert_predicate user, :valid?
      end

      should "be invalid when an existing user changes email to a reserved domain" do
        user = create(:user)
        user.email = "switched@example.com"

        refute_predicate user, :valid?
        assert_contains user.errors[:email],
          "domain 'example.com' is reserved and cannot be used for registration. Please use a valid personal email."
      end

      should "not re-run reserved domain validation on saves that do not change email" do
        user = create(:user)
        user.update_columns(email: "grandfathered@example.com")

        assert user.update(full_name: "New Name")
      end

      should "be invalid when activating an account with a reserved domain email" do
        user = create(:user, email_confirmed: false)
        user.update_columns(email: "grandfathered@example.com")

        refute user.update(email_confirmed: true)
        assert_contains user.errors[:email],
          "domain 'example.com' is reserved and cannot be used for registration. Please use a valid personal email."
      end

      context "with a disposable email domain" do
        include StatsD::Instrument::Assertions

        setup { create(:blocked_email_domain, domain: "mailinator.com") }

        should "be invalid on signup with the exact disposable domain" do
          user = build(:user, email: "spam@mailinator.com")

          refute_predicate user, :valid?
          assert_contains user.errors[:email],
            I18n.t("activerecord.errors.messages.disposable_email_domain", domain: "mailinator.com")
        end

        should "be invalid on signup with a subdomain of a disposable domain, reporting the matched parent" do
          user = build(:user, email: "spam@foo.mailinator.com")

          refute_predicate user, :valid?
          assert_contains user.errors[:email],
            I18n.t("activerecord.errors.messages.disposable_email_domain", domain: "mailinator.com")
        end

        should "be invalid when an existing user changes email to a disposable domain" do
          user = create(:user)
          user.email = "switched@mailinator.com"

          refute_predicate user, :valid?
          assert_contains user.errors[:email],
            I18n.t("activerecord.errors.messages.disposable_email_domain", domain: "mailinator.com")
        end

        should "be invalid when activating an account whose domain became disposable" do
          user = create(:user, email_confirmed: false)
          user.update_columns(email: "grandfathered@mailinator.com")

          refute user.update(email_confirmed: true)
          assert_contains user.errors[:email],
            I18n.t("activerecord.errors.messages.disposable_email_domain", domain: "mailinator.com")
        end

        should "not re-run disposable validation on saves that don't change email" do
          user = create(:user)
          user.update_columns(email: "grandfathered@mailinator.com")

          assert user.update(full_name: "New Name")
        end

        should "allow signup when the domain is on the allowlist" do
          create(:email_domain_allowlist, domain: "mailinator.com")
          user = build(:user, email: "user@mailinator.com")

          assert_predicate user, :valid?, user.errors.full_messages.inspect
        end

        should "allow signup on a subdomain when a parent is on the allowlist" do
          create(:email_domain_allowlist, domain: "mailinator.com")
          user = build(:user, email: "user@inbox.mailinator.com")

          assert_predicate user, :valid?, user.errors.full_messages.inspect
        end

        should "emit a StatsD counter tagged with the source on block" do
          assert_statsd_increment("email_domain.blocked", tags: { source: "manual" }) do
            build(:user, email: "spam@mailinator.com").valid?
          end
        end
      end
    end

    context "unconfirmed_email" do
      should "be invalid when it doesn't match URI mail email regex" do
        user = build(:user, unconfirmed_email: ">\"<script>alert(document.cookie)</script>@gmail.com")

        refute_predicate user, :valid?
        assert_contains user.errors[:unconfirmed_email], "is invalid"
      end

      should "be invalid with a reserved domain" do
        user = build(:user, unconfirmed_email: "user@example.com")

        refute_predicate user, :valid?
        assert_contains user.errors[:unconfirmed_email],
          "domain 'example.com' is reserved and cannot be used for registration. Please use a valid personal email."
      end

      should "be invalid with a disposable domain" do
        create(:blocked_email_domain, domain: "mailinator.com")
        user = build(:user, unconfirmed_email: "user@mailinator.com")

        refute_predicate user, :valid?
        assert_contains user.errors[:unconfirmed_email],
          I18n.t("activerecord.errors.messages.disposable_email_domain", domain: "mailinator.com")
      end
    end

    context "twitter_username" do
      should validate_length_of(:twitter_username).is_at_most(20)
      should allow_value("user123_32").for(:twitter_username)
      should_not allow_value("@user").for(:twitter_username)
      should_not allow_value("user 1").for(:twitter_username)
      should_not allow_value("user-1").for(:twitter_username)
      should allow_value("01234567890123456789").for(:twitter_username)
      should_not allow_value("012345678901234567890").for(:twitter_username)
    end

    context "password" do
      should "be between 10 characters and 72 bytes" do
        user = build(:user, password: "%5a&12ed/")

        refute_predicate user, :valid?
        assert_contains user.errors[:password], "is too short (minimum is 10 characters)"

        user.password = "#{'a8b5d2d451' * 20}a"

        refute_predicate user, :valid?
        assert_contains user.errors[:password], "is too long (maximum is 72 bytes)"

        user.password = "633!cdf7b3426c9%f6dd1a0b62d4ce44c4f544e%"
        user.valid?

        assert_nil user.errors[:password].first
      end

      should "be invalid when an empty string" do
        user = build(:user, password: "")

        refute_predicate user, :valid?
      end

      should "be invalid when it's found in a data breach" do
        stub_request(:get, "https://api.pwnedpasswords.com/range/01B30")
          .to_return(status: 200, body: "7ACBA4F54F55AAFC33BB06BBBF6CA803E9A:5")

        user = build(:user, password: "1234567890")

        refute_predicate user, :valid?
        assert_contains user.errors[:password], "has previously appeared in a data breach and should not be used"
      end
    end
  end

  context "with a user" do
    setup do
      @user = create(:user)
    end

    should "authenticate with email/password" do
      assert_equal @user, User.authenticate(@user.email, @user.password)
    end

    should "authenticate with handle/password" do
      assert_equal @user, User.authenticate(@user.handle, @user.password)
    end

    should "not authenticate with bad handle, good password" do
      assert_nil User.authenticate("bad", @user.password)
    end

    should "not authenticate with bad email, good password" do
      assert_nil User.authenticate("bad@rubygems-test.org", @user.password)
    end

    should "not authenticate with good email, bad password" do
      assert_nil User.authenticate(@user.email, "bad")
    end

    should "have handle on JSON" do
      json = JSON.parse(@user.to_json)
      hash = { "id" => @user.id, "handle" => @user.handle }

      assert_equal hash, json
    end

    should "have handle on XML" do
      xml = Nokogiri.parse(@user.to_xml)

      assert_equal "user", xml.root.name
      assert_equal %w[id handle], xml.root.children.select(&:element?).map(&:name)
    end

    should "have handle on YAML" do
      yaml = YAML.safe_load(@user.to_yaml)
      hash = { "id" => @user.id, "handle" => @user.handle }

      assert_equal hash, yaml
    end

    should "create api key" do
      assert_not_nil @user.api_key
    end

    should "give user if specified name is user handle or email" do
      assert_not_nil User.find_by_name(@user.handle)
      assert_equal User.find_by_name(@user.handle), User.find_by_name(@user.handle)
    end

    should "give email if handle is not set for name" do
      @user.handle = nil

      assert_nil @user.handle
      assert_equal @user.email, @user.name
    end

    should "give handle if handle is set for name" do
      @user.handle = "qrush"
      @user.save

      assert_equal @user.handle, @user.name
    end

    should "return user:handle for #flipper_id" do
      assert_equal "user:#{@user.handle}", @user.flipper_id
    end

    should "setup a field to toggle showing email with default falsš" do
      refute_predicate @user, :public_email?
    end

    should "only return rubygems" do
      my_rubygem = create(:rubygem)
      create(:ownership, user: @user, rubygem: my_rubygem)

      assert_equal [my_rubygem], @user.rubygems
    end

    context "generate_confirmation_token" do
      should "set confirmation token and token_expires_at" do
        assert_changed(@user, :confirmation_token, :token_expires_at) do
          @user.generate_confirmation_token
          @user.save!
        end
      end

      context "when user has an unconfirmed email" do
        setup do
          @user.update(unconfirmed_email: "unconfirmed@rubygems-test.org")
        end

        should "delete the unconfirmed email by default" do
          assert_changed(@user, :unconfirmed_email, :confirmation_token, :token_expires_at) do
            @user.generate_confirmation_token
            @user.save!
          end

          assert_nil @user.unconfirmed_email
        end

        should "not delete unconfirmed email when reset_unconfirmed_email is false" do
          assert_changed(@user, :confirmation_token, :token_expires_at) do
            @user.generate_confirmation_token(reset_unconfirmed_email: false)
            @user.save!
          end

          assert_equal "unconfirmed@rubygems-test.org", @user.unconfirmed_email
        end
      end

      should "generate a sufficiently long token" do
        @user.generate_confirmation_token
        @user.save!

        assert_operator @user.confirmation_token.length, :>=, 24, "Token must be at least 24 characters long"
      end
    end

    context "unconfirmed_email update" do
      should "set confirmation token and token_expires_at" do
        assert_changed(@user, :confirmation_token, :token_expires_at) do
          @user.update(unconfirmed_email: "some@one.com")
        end
      end
    end

    context "with subscribed gems" do
      setup do
        @subscribed_gem   = create(:rubygem)
        @unsubscribed_gem = create(:rubygem)
        create(:subscription, user: @user, rubygem: @subscribed_gem)
      end

      should "only fetch the subscribed gems with #subscribed_gems" do
        assert_contains @user.subscribed_gems, @subscribed_gem
        assert_does_not_contain @user.subscribed_gems, @unsubscribed_gem
      end
    end

    should "have all gems and specific gems for hooks" do
      rubygem = create(:rubygem)
      rubygem_hook = create(:web_hook, user: @user, rubygem: rubygem)
      global_hook  = create(:global_web_hook, user: @user)
      all_hooks = @user.all_hooks

      assert_equal rubygem_hook, all_hooks[rubygem.name].first
      assert_equal global_hook, all_hooks["all gems"].first
    end

    should "have all gems for hooks" do
      global_hook = create(:global_web_hook, user: @user)
      all_hooks = @user.all_hooks

      assert_equal global_hook, all_hooks["all gems"].first
      assert_equal 1, all_hooks.keys.size
    end

    should "have only specific for hooks" do
      rubygem = create(:rubygem)
      rubygem_hook = create(:web_hook, user: @user, rubygem: rubygem)
      all_hooks = @user.all_hooks

      assert_equal rubygem_hook, all_hooks[rubygem.name].first
      assert_equal 1, all_hooks.keys.size
    end

    context "#valid_confirmation_token?" do
      should "return false when email confirmation token has expired" do
        @user.update(confirmation_token: SecureRandom.hex(24), token_expires_at: 2.minutes.ago)

        refute_predicate @user, :valid_confirmation_token?
      end

      should "return false when confirmation token is nil" do
        @user.update(confirmation_token: nil, token_expires_at: 2.minutes.from_now)

        refute_predicate @user, :valid_confirmation_token?
      end

      should "reutrn true when email confirmation token has not expired" do
        two_minutes_in_future = 2.minutes.from_now
        @user.update(confirmation_token: SecureRandom.hex(24), token_expires_at: two_minutes_in_future)

        assert_predicate @user, :valid_confirmation_token?
      end
    end

    context "password reset tokens" do
      should "store only a digest and expire the token after three hours" do
        @user.update!(unconfirmed_email: "pending@rubygems-test.org")

        token = @user.issue_password_reset!

        refute_equal token, @user.reload.password_reset_token_digest
        assert_equal User.password_reset_token_digest(token), @user.password_reset_token_digest
        assert_in_delta 3.hours.from_now, @user.password_reset_token_expires_at, 2.seconds
        assert_nil @user.unconfirmed_email
        assert_equal @user, User.find_by_password_reset_token(token)
        assert @user.valid_password_reset_token?(token)
      end

      should "reject an expired password reset token" do
        token = @user.issue_password_reset!
        @user.update!(password_reset_token_expires_at: 1.second.ago)

        refute @user.valid_password_reset_token?(token)
      end

      should "reject an email confirmation token" do
        @user.update!(unconfirmed_email: "pending@rubygems-test.org")
        token = @user.confirmation_token

        assert_nil User.find_by_password_reset_token(token)
        refute @user.valid_password_reset_token?(token)
      end

      should "consume the token only after a valid password is saved" do
        token = @user.issue_password_reset!

        assert_equal :invalid_password, @user.update_password_with_token("short", token:)
        assert @user.reload.valid_password_reset_token?(token)

        assert_equal :updated, @user.update_password_with_token(PasswordHelpers::SECURE_TEST_PASSWORD, token:)
        assert_nil @user.reload.password_reset_token_digest
        assert_nil @user.password_reset_token_expires_at
        assert @user.authenticated?(PasswordHelpers::SECURE_TEST_PASSWORD)
        assert_equal :invalid_token,
          @user.update_password_with_token(PasswordHelpers::SECURE_TEST_PASSWORD, token:)
      end

      should "bind the compromised-reset authorization to the reset token" do
        token = @user.issue_password_reset!
        reason = @user.compromised_password_reset_reason_for(token)

        assert @user.valid_compromised_password_reset_reason?(reason, token:)
        refute @user.valid_compromised_password_reset_reason?("compromised", token:)
        refute @user.valid_compromised_password_reset_reason?(reason, token: "different-token")
      end
    end

    context "two factor authentication" do
      should "disable mfa by default" do
        refute_predicate @user, :mfa_enabled?
      end

      context "when enabled" do
        setup do
          @user.enable_totp!(ROTP::Base32.random_base32, :ui_only)
        end

        should "be able to use a recovery code only once" do
          code = @user.new_mfa_recovery_codes.first

          assert @user.ui_mfa_verified?(code)
          refute @user.ui_mfa_verified?(code)
        end

        should "be able to use mfa recovery codes out of order" do
          @user.new_mfa_recovery_codes.reverse_each do |code|
            assert @user.ui_mfa_verified?(code)
          end

          assert_empty @user.reload.mfa_hashed_recovery_codes
        end

        should "be able to verify correct OTP" do
          assert @user.ui_mfa_verified?(ROTP::TOTP.new(@user.totp_seed).now)
        end

        should "return true for mfa status check" do
          assert_predicate @user, :mfa_enabled?
          refute_predicate @user, :mfa_disabled?
        end

        should "return true for otp in last interval" do
          last_otp = ROTP::TOTP.new(@user.totp_seed).at(Time.current - 30)

          assert @user.ui_mfa_verified?(last_otp)
        end

        should "return true for otp in next interval" do
          next_otp = ROTP::TOTP.new(@user.totp_seed).at(Time.current + 30)

          assert @user.ui_mfa_verified?(next_otp)
        end

        context "blocking user with api key" do
          setup do
            api_key = create(:api_key, owner: @user)
            # simulate gem pushed using api key to ensure
            # user with pushed gems can be blocked
            create(:version, pusher: @user, pusher_api_key: api_key)
          end

          should "reset email and mfa" do
            assert_changed(@user, :email, :password, :api_key, :totp_seed, :remember_token) do
              @user.block!
            end

            assert @user.email.start_with?("security+locked-")
            assert @user.email.end_with?("@rubygems.org")
            assert_empty @user.mfa_hashed_recovery_codes
            assert_predicate @user, :mfa_disabled?
          end

          should "reset api key" do
            @user.block!

            assert_nil @user.api_key
            assert_predicate @user.api_keys, :any?
            @user.api_keys.each do |api_key|
              assert_predicate api_key, :expired?
            end
          end
        end
      end

      context "when disabled" do
        setup do
          @user.disable_totp!
        end

        should "return false for verifying OTP" do
          refute @user.ui_mfa_verified?("")
        end

        should "return false for mfa status check" do
          refute_predicate @user, :mfa_enabled?
          assert_predicate @user, :mfa_disabled?
        end
      end
    end

    context "recommend or require mfa from downloads" do
      setup do
        @rubygem = create(:rubygem)
        create(:ownership, user: @user, rubygem: @rubygem)

        assert_equal [@rubygem], @user.rubygems
      end

      context "when a user doesn't own a gem with more downloads than the recommended threshold" do
        setup do
          GemDownload.increment(
            Rubygem::MFA_RECOMMENDED_THRESHOLD,
            rubygem_id: @rubygem.id
          )
        end

        should "return false for mfa_recommended_not_yet_enabled?" do
          refute_predicate @user, :mfa_recommended_not_yet_enabled?
        end

        should "return false for mfa_recommended_weak_level_enabled?" do
          refute_predicate @user, :mfa_recommended_weak_level_enabled?
        end

        should "return false for mfa_required?" do
          refute_predicate @user, :mfa_required?
        end
      end

      context "when mfa disabled user owns a gem with more downloads than the recommended threshold but less than the required threshold" do
        setup do
          GemDownload.increment(
            Rubygem::MFA_RECOMMENDED_THRESHOLD + 1,
            rubygem_id: @rubygem.id
          )
        end

        should "return true for mfa_recommended_not_yet_enabled?" do
          assert_predicate @user, :mfa_recommended_not_yet_enabled?
        end

        should "return false for mfa_recommended_weak_level_enabled?" do
          refute_predicate @user, :mfa_recommended_weak_level_enabled?
        end

        should "return false for mfa_required?" do
          refute_predicate @user, :mfa_required?
        end
      end

      context "when mfa disabled user owns a gem with more downloads than the required threshold" do
        setup do
          GemDownload.increment(
            Rubygem::MFA_REQUIRED_THRESHOLD + 1,
            rubygem_id: @rubygem.id
          )
        end

        should "return false for mfa_recommended?" do
          refute_predicate @user, :mfa_recommended?
        end

        should "return true for mfa_required?" do
          assert_predicate @user, :mfa_required?
        end
      end

      context "when mfa `ui_only` user owns a gem with more downloads than the recommended threshold but less than the required threshold" do
        setup do
          @user.enable_totp!(ROTP::Base32.random_base32, :ui_only)

          GemDownload.increment(
            Rubygem::MFA_RECOMMENDED_THRESHOLD + 1,
            rubygem_id: @rubygem.id
          )
        end

        should "return false for mfa_recommended_not_yet_enabled?" do
          refute_predicate @user, :mfa_recommended_not_yet_enabled?
        end

        should "return true for mfa_recommended_weak_level_enabled?" do
          assert_predicate @user, :mfa_recommended_weak_level_enabled?
        end

        should "return false for mfa_required?" do
          refute_predicate @user, :mfa_required?
        end
      end

      context "when mfa `ui_only` user owns a gem with more downloads than the required threshold" do
        setup do
          @user.enable_totp!(ROTP::Base32.random_base32, :ui_only)

          GemDownload.increment(
            Rubygem::MFA_REQUIRED_THRESHOLD + 1,
            rubygem_id: @rubygem.id
          )
        end

        should "return false for mfa_recommended?" do
          refute_predicate @user, :mfa_recommended?
        end

        should "return true for mfa_required?" do
          assert_predicate @user, :mfa_required?
        end
      end

      context "when strong user owns a gem with more downloads than the recommended threshold but less than the required threshold" do
        setup do
          @user.enable_totp!(ROTP::Base32.random_base32, :ui_and_api)

          GemDownload.increment(
            Rubygem::MFA_RECOMMENDED_THRESHOLD + 1,
            rubygem_id: @rubygem.id
          )
        end

        should "return false for mfa_recommended_not_yet_enabled?" do
          refute_predicate @user, :mfa_recommended_not_yet_enabled?
        end

        should "return false for mfa_recommended_weak_level_enabled?" do
          refute_predicate @user, :mfa_recommended_weak_level_enabled?
        end

        should "return false for mfa_required?" do
          refute_predicate @user, :mfa_required?
        end
      end

      context "when strong user owns a gem with more downloads than the required threshold" do
        setup do
          @user.enable_totp!(ROTP::Base32.random_base32, :ui_and_api)

          GemDownload.increment(
            Rubygem::MFA_REQUIRED_THRESHOLD + 1,
            rubygem_id: @rubygem.id
          )
        end

        should "return false for mfa_recommended?" do
          refute_predicate @user, :mfa_recommended?
        end

        should "return false for mfa_required?" do
          refute_predicate @user, :mfa_required?
        end
      end
    end

    should "ignore the token column" do
      assert_includes @user.class.ignored_columns, "token"
    end
  end

  context ".without_mfa" do
    setup do
      create(:user, handle: "has_mfa").enable_totp!(ROTP::Base32.random_base32, :ui_and_api)
      create(:user, handle: "no_mfa")
    end

    should "return only users without mfa" do
      users_without_mfa = User.without_mfa

      assert_equal 1, users_without_mfa.size
      assert_equal "no_mfa", users_without_mfa.first.handle
    end
  end

  context "rubygems" do
    setup do
      @user     = create(:user)
      @rubygems = [2000, 1000, 3000].map do |download|
        create(:rubygem, downloads: download).tap do |rubygem|
          create(:ownership, rubygem: rubygem, user: @user)
          create(:version, rubygem: rubygem)
        end
      end
    end

    should "sort by downloads method" do
      assert_equal @rubygems.values_at(2, 0, 1), @user.rubygems_downloaded
    end

    should "not include gem if all versions have been yanked" do
      @rubygems.first.versions.first.update! indexed: false

      assert_equal 2, @user.rubygems_downloaded.count
    end

    should "total their number of pushed rubygems except yanked gems" do
      @rubygems.first.versions.first.update! indexed: false

      assert_equal(2, @user.total_rubygems_count)
    end

    should "not include gems with more than one owner" do
      create(:ownership, rubygem: @rubygems.first)

      assert_equal 2, @user.only_owner_gems.count
    end
  end

  context "yaml" do
    setup do
      @user = create(:user)
    end

    should "return its payload" do
      assert_equal @user.payload, YAML.safe_load(@user.to_yaml)
    end

    should "nest properly" do
      assert_equal [@user.payload], YAML.safe_load([@user].to_yaml)
    end
  end

  context "destroy" do
    setup do
      @user = create(:user)
      @rubygem = create(:rubygem)
      create(:ownership, rubygem: @rubygem, user: @user)
      @version1 = create(:version, rubygem: @rubygem)
      @version2 = create(:version, rubygem: @rubygem)
      GemDownload.increment(100_001, rubygem_id: @rubygem.id, version_id: @version1.id)
    end

    context "user is only owner of gem" do
      should "record deletion" do
        assert_difference "Deletion.count", 1 do
          @user.destroy
        end
      end
      should "preserve ineligible deletion version" do
        @user.destroy

        assert_predicate @version1.reload, :indexed?

        assert_event Events::RubygemEvent::VERSION_YANK_FORBIDDEN, {
          number: @version1.number,
          platform: "ruby",
          yanked_by: @user.handle,
          version_gid: @version1.to_gid_param,
          actor_gid: @user.to_gid.to_s,
          reason: "Versions with more than 100,000 downloads cannot be deleted."
        }, @rubygem.reload.events.where(tag: Events::RubygemEvent::VERSION_YANK_FORBIDDEN).sole
      end
      should "mark rubygem unowned" do
        @user.destroy

        assert_predicate @rubygem, :unowned?
      end
    end

    context "user has co-owner of gem" do
      setup do
        create(:ownership, rubygem: @rubygem, user: create(:user))
      end

      should "not record deletion" do
        assert_no_difference "Deletion.count" do
          @user.destroy
        end
      end
      should "not mark rubygem unowned" do
        @user.destroy

        refute_predicate @rubygem, :unowned?
      end
    end
  end

  context "#remember_me!" do
    setup do
      @user = create(:user)
      @user.remember_me!
    end

    should "set remember_token" do
      assert_not_nil @user.remember_token
    end

    should "set expiry of remember_token to two weeks from now" do
      expected_expiry = Gemcutter::REMEMBER_FOR.from_now

      assert_in_delta expected_expiry, @user.remember_token_expires_at, 1.second
    end
  end

  context "#remember_me?" do
    setup { @user = create(:user) }

    should "return false when remember_token_expires_at is not set" do
      refute_predicate @user, :remember_me?
    end

    should "return false when remember_token has expired" do
      @user.update_attribute(:remember_token_expires_at, 1.second.ago)

      refute_predicate @user, :remember_me?
    end

    should "return true when remember_token has not expired" do
      @user.update_attribute(:remember_token_expires_at, 1.second.from_now)

      assert_predicate @user, :remember_me?
    end
  end

  context ".find_by_slug" do
    setup do
      @user = create(:user, handle: "findable")
      @nohandle = create(:user, handle: nil)
    end

    should "return nil if using a falsy value" do
      refute User.find_by_slug(nil)
      refute User.find_by_slug("")
      refute User.find_by_slug(" ")
    end

    should "return an user when founded by id" do
      assert_equal User.find_by_slug(@user.id), @user
    end

    should "return an user when founded by handle" do
      assert_equal User.find_by_slug(@user.handle), @user
    end

    should "return nil when using id" do
      refute User.find_by_slug(-9999)
    end

    should "return nil when not founded by handle" do
      refute User.find_by_slug("notfoundable")
    end
  end

  context ".find_by_slug!" do
    setup do
      @dorian = create(:user, handle: "dorianmariefr")
      @nohandle = create(:user, handle: nil)
    end

    should "return an user if the slug matches" do
      assert_equal @dorian, User.find_by_slug!("dorianmariefr")
    end

    should "raise error if not found" do
      assert_raises ActiveRecord::RecordNotFound do
        User.find_by_slug!(SecureRandom.hex)
      end
    end

    should "be able to find by id" do
      assert_equal @dorian, User.find_by_slug!(@dorian.id)
      assert_equal @nohandle, User.find_by_slug!(@nohandle.id)
    end

    should "not return an user with nil handle if searching for nil" do
      assert_raises ActiveRecord::RecordNotFound do
        User.find_by_slug!(nil)
      end
    end

    should "not return an user with nil handle if searching for blank" do
      assert_raises ActiveRecord::RecordNotFound do
        User.find_by_slug!("")
      end
    end
  end

  context ".find_by_name" do
    setup do
      @dorian = create(:user, handle: "dorianmariefr")
      @nohandle = create(:user, handle: nil)
    end

    should "return an user if the slug matches" do
      assert_equal @dorian, User.find_by_name("dorianmariefr")
    end

    should "raise error if not found" do
      assert_nil User.find_by_name(SecureRandom.hex)
    end

    should "not return an user with nil handle if searching for nil" do
      assert_nil User.find_by_name(nil)
    end

    should "not return an user with nil handle if searching for blank" do
      assert_nil User.find_by_name("")
    end
  end

  context ".find_by_blocked" do
    setup do
      @dorian = create(:user, handle: "dorianmariefr")
      @nohandle = create(:user, handle: nil)
    end

    should "return an user if the slug matches" do
      assert_equal @dorian, User.find_by_blocked("dorianmariefr")
    end

    should "raise error if not found" do
      assert_nil User.find_by_blocked(SecureRandom.hex)
    end

    should "not return an user with nil handle if searching for nil" do
      assert_nil User.find_by_blocked(nil)
    end

    should "not return an user with nil handle if searching for blank" do
      assert_nil User.find_by_blocked("")
    end
  end

  context "block when handle has uppercase" do
    setup { @user = create(:user, handle: "MikeJudge") }

    should "not raise ActiveRecord::RecordInvalid for email address already taken" do
      assert_changed(@user, :email, :password, :api_key, :remember_token) do
        @user.block!
      end
    end
  end

  context "block invalid legacy user" do
    setup do
      @user = create(:user, handle: "MikeJudge")
      @api_key = create(:api_key, owner: @user)

      # simulate legacy invalid api key
      @api_key.update_columns(scopes: @api_key.scopes + %i[show_dashboard add_owner])

      refute_predicate @api_key, :valid?
    end

    should "block user anyway" do
      assert_changed(@user, :email, :password, :api_key, :remember_token) do
        @user.block!
      end
    end
  end

  context "#unblock!" do
    setup do
      @user = create(:user, :blocked)
      @original_email = @user.blocked_email
      @user.unblock!
    end

    should "restore the email field" do
      assert_equal @original_email, @user.email
    end

    should "make the blocked email field nil" do
      assert_nil @user.blocked_email
    end

    context "when the user is not currently blocked" do
      setup do
        @user = create(:user)
      end

      should "raise an error" do
        assert_raises(ArgumentError) do
          @user.unblock!
        end
      end
    end
  end

  context "#blocked?" do
    setup do
      @blocked_user = build(:user, :blocked)
      @unblocked_user = build(:user)
    end

    should "be true when the user has a blocked email" do
      assert_predicate @blocked_user, :blocked?
    end

    should "be false when the user does not have a blocked email" do
      refute_predicate @unblocked_user, :blocked?
    end
  end

  context ".normalize_email" do
    should "return the normalized email" do
      assert_equal "UsEr@example.COM", User.normalize_email(:"UsEr@\texample . COM")
    end

    should "preserve valid characters so that the format error can be returned" do
      # UTF-8 "香" character, which is valid UTF-8, but we reject utf-8 in email addresses
      assert_equal "香@rubygems-test.org", User.normalize_email(String.new("\u9999@rubygems-test.org", encoding: "utf-8"))

      # ISO-8859-1 "Å" character (valid in ISO-8859-1)
      encoded_email = String.new("myem\xC5il@rubygems-test.org", encoding: "ISO-8859-1")

      assert_equal encoded_email, User.normalize_email(encoded_email)
    end

    should "return an empty string on invalid inputs" do
      # bad encoding when sent as ASCII-8BIT
      assert_equal "", User.normalize_email(String.new("\u9999@rubygems-test.org", encoding: "ascii"))

      # ISO-8859-1 "Å" character (invalid in UTF-8, which uses \xC385 for this character)
      assert_equal "", User.normalize_email(String.new("myem\xC5il@rubygems-test.org", encoding: "UTF-8"))
    end

    should "return an empty string for nil" do
      assert_equal "", User.normalize_email(nil)
    end
  end

  context "#policies_acknowledged_at" do
    should "log an event when the policies is acknowledged" do
      user = create(:user)
      user.acknowledge_policies!

      assert_event Events::UserEvent::POLICIES_ACKNOWLEDGED, {}, user.reload.events.where(tag: Events::UserEvent::POLICIES_ACKNOWLEDGED).sole
    end
  end

  context "#policies_acknowledged?" do
    should "return true when policies_acknowledged_at is set" do
      user = create(:user, policies_acknowledged_at: Time.current)

      assert_predicate user, :policies_acknowledged?
    end

    should "return false when policies_acknowledged_at is not set" do
      user = create(:user, policies_acknowledged_at: nil)

      refute_predicate user, :policies_acknowledged?
    end
  end
end
