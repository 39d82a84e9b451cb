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
        from luukku.outreach.actions.outbox import register_builders

        register_sweep("outreach.automations", every=timedelta(days=1), run=sweeps.automations)
        # Sending is the core outbox's; its minute sweep wakes the sender.
        register_builders()
