require "test_helper"
require "capybara/cuprite"

Capybara.default_max_wait_time = 5

Capybara.register_driver(:cuprite) do |app|
  Capybara::Cuprite::Driver.new(app, window_size: [1400, 1400], process_timeout: 30)
end

class ApplicationSystemTestCase < ActionDispatch::SystemTestCase
  driven_by :cuprite

  parallelize(workers: 1)

  def login_as(user)
    visit login_path
    fill_in "Email", with: user.email
    fill_in "Password", with: default_password
    click_button "Sign In"
  end

  def show_article_setup
    @user = users(:ben)
    @feed = create_feeds(@user, 1).first
    @entries = @user.entries
  end

  def show_article
    show_article_setup

    login_as(@user)

    click_link(@entries.first.title)
  end

  def wait_for_ajax(duration: 0.1)
    sleep duration
  end

  def finished_all_ajax_requests?
    page.evaluate_script("jQuery.active").zero?
  end
end
