from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpdeskConfig(AppConfig):
    name = "luukku.helpdesk"
    label = "helpdesk"
    verbose_name = _("Helpdesk")

    def ready(self) -> None:
        from luukku.core.sweeps import register_sweep
        from luukku.helpdesk.actions import do_close_resolved_requests
        from luukku.helpdesk.outbox import register_builders

        register_sweep(
            "helpdesk.close_resolved", every=timedelta(hours=1), run=do_close_resolved_requests
        )
        register_builders()
