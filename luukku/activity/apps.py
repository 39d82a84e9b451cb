from datetime import timedelta
from typing import Any

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
        _fill_programme_hooks()


def _fill_programme_hooks() -> None:
    """Programme views report openings, removals and visits here: programmes sits below
    activity and may not import it, so activity fills programmes' slots."""
    from luukku.activity import actions, queries
    from luukku.activity.models import EventKind
    from luukku.programmes import hooks
    from luukku.programmes.models import Programme

    def viewed(programme: Programme, user_id: int, kind: str, target: str) -> None:
        actions.record_event(
            organisation_id=programme.organisation_id,
            programme_id=programme.pk,
            user_id=user_id,
            kind=EventKind(kind),
            target=target,
        )

    def member_removed(user_id: int, programme_id: int) -> None:
        actions.do_revoke_tracking(user_id=user_id, programme_id=programme_id)

    def participation(programme_id: int) -> dict[int, Any]:
        return dict(queries.participation_by_member(programme_id))

    hooks.slots.viewed["activity"] = viewed
    hooks.slots.member_removed["activity"] = member_removed
    hooks.slots.previous_visit = queries.previous_visit_ended_at
    hooks.slots.participation = participation
