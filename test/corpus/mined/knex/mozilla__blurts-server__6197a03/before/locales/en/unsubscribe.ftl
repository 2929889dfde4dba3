# This Source Code Form is subject to the terms of the Mozilla Public
# License, v. 2.0. If a copy of the MPL was not distributed with this
# file, You can obtain one at http://mozilla.org/MPL/2.0/.

# Confirm Unsubscription State

unsubscribe-from-monthly-report-header = Unsubscribe from this email?
unsubscribe-from-monthly-report-body = You’ll no longer receive the monthly { -brand-monitor } report, which tells you how many new exposures you’ve had each month and how many are fixed.
unsubscribe-cta = Unsubscribe

# Success Unsubscription State

unsubscribe-success-from-monthly-report-header = You’re now unsubscribed
unsubscribe-success-from-monthly-report-body = You can resubscribe or update your email preferences anytime from your { -brand-monitor } settings.
unsubscribe-success-cta = Sign in to { -brand-monitor }

# Error warning

unsubscription-failed = Unsubscribe failed. <try_again_link>Try again.</try_again_link>
unsubscription-failed-2 = Unsubscribe failed.
