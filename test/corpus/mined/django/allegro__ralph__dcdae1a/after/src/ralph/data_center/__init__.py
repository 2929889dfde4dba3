default_app_config = 'ralph.data_center.apps.DataCenterConfig'
