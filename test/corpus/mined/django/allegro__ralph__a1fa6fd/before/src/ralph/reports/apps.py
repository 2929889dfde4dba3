# -*- coding: utf-8 -*-
from ralph.apps import RalphAppConfig


class ReportsConfig(RalphAppConfig):
    name = 'ralph.reports'
    verbose_name = 'Reports'
