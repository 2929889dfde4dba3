from ralph.settings.base import *  # noqa
