from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "luukku.core"
    label = "core"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from luukku.core.outbox.sweeps import wake_for_due_messages
        from luukku.core.sweeps import register_sweep

        # Scheduled and retried rows fall due between task runs; this wakes the sender.
        register_sweep("core.outbox", every=timedelta(minutes=1), run=wake_for_due_messages)
