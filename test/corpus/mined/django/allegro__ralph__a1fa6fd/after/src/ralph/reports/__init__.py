default_app_config = 'ralph.reports.apps.ReportsConfig'
