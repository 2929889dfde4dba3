# frozen_string_literal: true

require "test_helper"

class OrganizationOnboardingTest < ActiveSupport::TestCase
  include ActiveJob::TestHelper

  setup do
    @owner = create(:user)
    @maintainer = create(:user)
    @rubygem = create(:rubygem, owners: [@owner], maintainers: [@maintainer])

    @onboarding = create(
      :organization_onboarding,
      organization_name: "My Super Sick Organization",
      organization_handle: "super_sick_org",
      created_by: @owner,
      rubygems: [@rubygem]
    )

    maintainer_invite = @onboarding.invites.first
    maintainer_invite.update(role: :maintainer)
  end

  context "validations" do
    context "when the created_by field is blank" do
      setup do
        @onboarding.created_by = nil
      end

      should "require a onboarded by user" do
        assert_predicate @onboarding, :invalid?
        assert_equal ["must exist"], @onboarding.errors[:created_by]
      end
    end

    context "A user creates an organization without gems" do
      setup do
        @onboarding = build(
          :organization_onboarding,
          organization_name: "Test Organization",
          organization_handle: "test-organization",
          created_by: @owner
        )
      end

      should "create a valid organization" do
        assert_predicate(@onboarding, :valid?)
        @onboarding.save!

        @onboarding.onboard!

        @onboarding.reload

        organization = @onboarding.organization

        assert_equal("test-organization", organization.handle)
        assert_equal("Test Organization", organization.name)
      end
    end

    context "when the user does not have the required gem roles" do
      setup do
        @onboarding.created_by = @maintainer
      end

      should "be invalid" do
        assert_predicate @onboarding, :invalid?
      end

      should "add an error to the rubygems attribute" do
        @onboarding.valid?

        assert_equal ["must be an owner of the #{@rubygem.name} gem"], @onboarding.errors[:created_by]
      end
    end

    context "when the user specifies a gem they do not own" do
      setup do
        @other_user = create(:user)
        @other_rubygem = create(:rubygem, owners: [@other_user])
        @onboarding.rubygems = [@other_rubygem.id]
      end

      should "be invalid" do
        assert_predicate @onboarding, :invalid?
      end

      should "add an error to the rubygems attribute" do
        @onboarding.valid?

        assert_equal ["must be an owner of the #{@other_rubygem.name} gem"], @onboarding.errors[:created_by]
      end

      should "not add an invite for the users on the gem" do
        @onboarding.save
        @onboarding.reload

        assert_nil @onboarding.invites.find_by(user_id: @other_user.id)
      end
    end

    context "organization_handle" do
      should allow_value("CapsLOCK").for(:organization_handle)
      should_not allow_value(nil).for(:organization_handle)
      should_not allow_value("1abcde").for(:organization_handle)
      should_not allow_value("abc^%def").for(:organization_handle)
      should_not allow_value("abc\n<script>bad").for(:organization_handle)

      should "be between 2 and 40 characters" do
        @onboarding.organization_handle = "a" * 41
        @onboarding.valid?

        refute_predicate @onboarding, :valid?
        assert_contains @onboarding.errors[:organization_handle], "is too long (maximum is 40 characters)"

        @onboarding.organization_handle = "a"
        @onboarding.valid?

        refute_predicate @onboarding, :valid?
        assert_contains @onboarding.errors[:organization_handle], "is too short (minimum is 2 characters)"

        @onboarding.organization_handle = "abcdef"
        @onboarding.valid?

        assert_predicate @onboarding, :valid?
        assert_nil @onboarding.errors[:organization_handle].first
      end

      should "be invalid when an empty string" do
        @onboarding.update(organization_handle: "")

        refute_predicate @onboarding, :valid?
      end
    end

    context "when the organization handle is reserved" do
      should "be invalid" do
        @onboarding.organization_handle = "admin"

        assert_predicate @onboarding, :invalid?
        assert_includes @onboarding.errors[:organization_handle], "is reserved and cannot be used"
      end
    end

    context "when the organization handle is reserved (case insensitive)" do
      should "be invalid" do
        @onboarding.organization_handle = "ADMIN"

        assert_predicate @onboarding, :invalid?
        assert_includes @onboarding.errors[:organization_handle], "is reserved and cannot be used"
      end
    end

    context "when the organization handle is reserved under another spelling" do
      should "be invalid" do
        @onboarding.organization_handle = "sign-in"

        assert_predicate @onboarding, :invalid?
        assert_includes @onboarding.errors[:organization_handle], "is reserved and cannot be used"
      end
    end

    context "when an existing organization already owns the handle" do
      should "be invalid" do
        create(:organization, handle: "takenhandle")
        @onboarding.organization_handle = "TakenHandle"

        assert_predicate @onboarding, :invalid?
        assert_includes @onboarding.errors[:organization_handle], "has already been taken"
      end
    end

    context "when a user already owns the handle" do
      should "be invalid" do
        create(:user, handle: "takenhandle")
        @onboarding.organization_handle = "TakenHandle"

        assert_predicate @onboarding, :invalid?
        assert_includes @onboarding.errors[:organization_handle], "has already been taken"
      end
    end
  end

  context "#save" do
    should "not create invites for rubygems owned by the owner but not selected" do
      other_owner = create(:user)
      create(:rubygem, owners: [@owner, other_owner])

      @onboarding = create(
        :organization_onboarding,
        organization_handle: @rubygem.name,
        created_by: @owner,
        rubygems: [@rubygem]
      )

      assert_equal @onboarding.users, [@maintainer]
    end
  end

  context "#available_rubygems" do
    should "exclude gems that already have an organization" do
      create(:rubygem, owners: [@owner], organization: create(:organization))

      assert_equal [@rubygem], @onboarding.available_rubygems
    end
  end

  context "#rubygems=" do
    should "exclude gems that already have an organization" do
      other_rubygem = create(:rubygem, owners: [@owner], organization: create(:organization))
      @onboarding.rubygems = [@rubygem.id, other_rubygem.id]

      assert_equal [@rubygem.id], @onboarding.rubygems
    end

    should "add invites for the owners and maintainers of the specified rubygems" do
      owner = create(:user)
      maintainer = create(:user)

      existing_rubygem = create(:rubygem, owners: [owner], maintainers: [maintainer])

      onboarding = create(
        :organization_onboarding,
        organization_name: "My Super Sick Organization",
        organization_handle: "super_sick_organization",
        rubygems: [existing_rubygem],
        created_by: owner
      )

      other_user = create(:user)
      rubygem = create(:rubygem, owners: [owner, other_user])

      onboarding.rubygems = [rubygem.id]
      onboarding.save!

      onboarding.reload

      assert_equal([other_user], onboarding.users)
    end
  end

  context "#invites_attributes=" do
    should "allow upding the role of an existing invite" do
      invite = @onboarding.invites.find_by(user_id: @maintainer.id)

      assert_equal "maintainer", invite.role

      @onboarding.invites_attributes = {
        "0" => { id: invite.id, role: "admin" }
      }

      @onboarding.save

      invite.reload

      assert_equal "admin", invite.role
    end

    should "prevent adding users that are not already invited" do
      other_user = create(:user)
      @onboarding.invites_attributes = {
        "0" => { user_id: other_user.id, role: "maintainer" }
      }

      assert_equal 1, @onboarding.invites.count
      assert_nil @onboarding.invites.find_by(user_id: other_user.id)
    end
  end

  context "#onboard!" do
    setup do
      # Setup for "when a user is marked as an Outside Contributor" context
      @contributor = create(:user)
      @ownership = create(:ownership, user: @contributor, rubygem: @rubygem, role: "owner")
      @onboarding.invites << create(:organization_invite, user: @contributor, role: :outside_contributor)

      # Setup for "when outside contributor has maintainer ownership role" context
      @maintainer_contributor = create(:user)
      @maintainer_ownership = create(:ownership, user: @maintainer_contributor, rubygem: @rubygem, role: "maintainer")
      @onboarding.invites << create(:organization_invite, user: @maintainer_contributor, role: :outside_contributor)

      @onboarding.onboard!
    end

    should "mark the onboarding as completed" do
      assert_predicate @onboarding, :completed?
    end

    should "create an organization with the specified name and handle" do
      assert_not_nil @onboarding.organization
      assert_equal @onboarding.organization_name, @onboarding.organization.name
      assert_equal @onboarding.organization_handle, @onboarding.organization.handle
    end

    should "create a confirmed owner membership for the person that onboarded the organization" do
      membership = @onboarding.organization.memberships.find_by(user_id: @onboarding.created_by)

      assert_predicate membership, :owner?
      assert_predicate membership, :confirmed?
    end

    should "create unconfirmed memberships for each invitee" do
      membership = @onboarding.organization.unconfirmed_memberships.find_by(user_id: @maintainer.id)

      assert_predicate membership, :maintainer?
      assert_not_predicate membership, :confirmed?
    end

    should "set the organization_id for each specified rubygem" do
      assert_equal @onboarding.organization.id, @rubygem.reload.organization_id
    end

    should "remove Ownership records that have been migrated to Memberships" do
      assert_nil Ownership.find_by(user: @owner, rubygem: @rubygem)
      assert_nil Ownership.find_by(user: @maintainer, rubygem: @rubygem)
    end

    context "when a user is marked as an Outside Contributor" do
      should "not remove the Ownership record" do
        assert_not_nil Ownership.find_by(user: @contributor, rubygem: @rubygem)
      end

      should "demote the ownership from owner to maintainer role" do
        ownership = Ownership.find_by(user: @contributor, rubygem: @rubygem)

        assert_equal "maintainer", ownership.role
      end

      should "not create an organization membership for the outside contributor" do
        membership = @onboarding.organization.memberships.find_by(user: @contributor)

        assert_nil membership
      end

      should "not affect regular membership users' ownerships" do
        assert_nil Ownership.find_by(user: @owner, rubygem: @rubygem)
        assert_nil Ownership.find_by(user: @maintainer, rubygem: @rubygem)
      end

      context "when outside contributor has maintainer ownership role" do
        should "keep maintainer ownership role unchanged" do
          ownership = Ownership.find_by(user: @maintainer_contributor, rubygem: @rubygem)

          assert_equal "maintainer", ownership.role
        end

        should "not create an organization membership" do
          membership = @onboarding.organization.memberships.find_by(user: @maintainer_contributor)

          assert_nil membership
        end
      end
    end

    context "when onboarding encounters an error" do
      setup do
        @onboarding = create(:organization_onboarding, created_by: @owner)
        @onboarding.stubs(:create_organization!).raises(ActiveRecord::ActiveRecordError, "stubbed error")
      end

      should "mark the onboarding as failed" do
        assert_raises ActiveRecord::ActiveRecordError, "stubbed error" do
          @onboarding.onboard!
        end

        assert_predicate @onboarding, :failed?
      end

      should "record the error message" do
        assert_raises ActiveRecord::ActiveRecordError, "stubbed error" do
          @onboarding.onboard!
        end

        assert_equal "stubbed error", @onboarding.error
      end
    end

    context "when the onboarding is already completed" do
      setup do
        @onboarding = create(:organization_onboarding, :completed, created_by: @owner)
      end

      should "raise an error" do
        assert_raises StandardError, "onboard has already been completed" do
          @onboarding.onboard!
        end
      end
    end
  end

  should "should schedule an email to be sent to each user that was onboarded" do
    @onboarding.onboard!

    assert_enqueued_jobs @onboarding.users.size
  end

  context "#available_rubygems" do
    should "return the rubygems that the user owns" do
      assert_equal [@rubygem], @onboarding.available_rubygems
    end
  end
end
