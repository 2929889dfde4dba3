# This Source Code Form is subject to the terms of the Mozilla Public
# License, v. 2.0. If a copy of the MPL was not distributed with this
# file, You can obtain one at http://mozilla.org/MPL/2.0/.

chevron-alt = Exposure details

exposure-card-exposure-type = Exposure type
exposure-card-date-found = Date of the exposure

# Status Pill

status-pill-action-needed = Action needed
status-pill-progress = In progress
status-pill-fixed = Fixed

# Exposure Card

exposure-card-family-members = Family members
exposure-card-email = Email
exposure-card-phone-number = Phone number
exposure-card-address = Address
exposure-card-credit-card = Credit Card
exposure-card-password = Password
exposure-card-ip-address = IP Address
exposure-card-other = Other
# Variables:
# $data_breach_company is the company associated with the data breach.
# $data_breach_date is the date of the data breach.
exposure-card-description-data-breach-action-needed = Your information was exposed in the <data_breach_link>{ $data_breach_company } data breach on { $data_breach_date }.</data_breach_link> We’ll walk you through the steps to fix it.
exposure-card-description-data-breach-fixed = You’ve taken the steps needed to fix <data_breach_link>this breach</data_breach_link>. We’ll continually monitor for data breaches and alert you of any new exposures.
exposure-card-your-exposed-info = Your exposed info:
exposure-card-found-the-following-data = { -brand-monitor } found the following exposed data:
exposure-card-exposure-type-data-broker = Info for sale
exposure-card-exposure-type-data-breach = Data breach
exposure-card-resolve-exposures-cta = Resolve exposures
exposure-card-label-company-logo = Company logo
exposure-card-label-company = Company
# Status of the exposure card, could be In Progress, Fixed or Action Needed
exposure-card-label-status = Status
# Variables:
# $category_label is the data breach exposure type that was leaked. Eg. Email, IP Address.
# $count is the number of times that the data type was leaked.
exposure-card-label-and-count = { $category_label }: { $count }
exposure-card-manual-resolution-praise = <b>Great job!</b> You resolved this exposure.
