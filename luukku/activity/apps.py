from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The sweep runs every minute and stops after this many seconds; the rest waits a minute.
ROLLUP_SWEEP_SECONDS = 40


def _sweep_rollups() -> int:
    from luukku.activity.rollups import roll_up_new_events

    return roll_up_new_events(time_budget=ROLLUP_SWEEP_SECONDS)


class ActivityConfig(AppConfig):
    name = "luukku.activity"
    label = "activity"
    verbose_name = _("Activity")

    def ready(self) -> None:
        from luukku.core.sweeps import register_sweep

        register_sweep("activity.rollups", every=timedelta(minutes=1), run=_sweep_rollups)
