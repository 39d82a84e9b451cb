from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "luukku.outreach"
    label = "outreach"
    verbose_name = _("Activation messages")

    def ready(self) -> None:
        from luukku.core.sweeps import register_sweep
        from luukku.outreach import sweeps

        register_sweep("outreach.automations", every=timedelta(days=1), run=sweeps.automations)
        # Scheduled messages fall due between task runs; this wakes the sender each minute.
        register_sweep("outreach.outbox", every=timedelta(minutes=1), run=sweeps.outbox)
