from ralph.admin.sites import ralph_site
from ralph.admin.mixins import (
    RalphAdmin,
    RalphAdminForm,
    RalphMPTTAdmin,
    RalphStackedInline,
    RalphTabularInline,
)
from ralph.admin.decorators import register

default_app_config = 'ralph.admin.apps.RalphAdminConfig'

__all__ = [
    'ralph_site',
    'default_app_config',
    'register',
    'RalphAdmin',
    'RalphAdminForm',
    'RalphMPTTAdmin',
    'RalphStackedInline',
    'RalphTabularInline',
]
