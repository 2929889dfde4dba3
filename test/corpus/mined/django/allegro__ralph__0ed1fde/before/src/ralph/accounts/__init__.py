default_app_config = 'ralph.accounts.apps.AccountsConfig'
