"""The members page's participation figures: rollups plus the events not yet rolled up.

Re-exported by activity.queries, where the other apps read them.
"""

import zoneinfo
from datetime import datetime, timedelta
from typing import TypedDict

from django.db.models import Sum
from django.utils import timezone

from luukku.activity.models import (
    ACTIVE_PING_SECONDS,
    NOT_VISIT_KINDS,
    Event,
    MemberDayRollup,
    MemberRollupState,
    ProgrammeRollup,
    RollupCursor,
)
from luukku.activity.rollups.counting import visit_start_changes
from luukku.activity.visits import ping_bucket


class MemberParticipation(TypedDict):
    last_seen_at: datetime | None
    visits: int
    active_seconds: int
    active_minutes: int


# Events not yet rolled up that the members page adds on top of the rollups (the sweep runs
# every minute, so this is normally a minute's worth; capped if the worker is down).
TAIL_LIMIT = 5000


def _add_unrolled_tail(programme_id: int, summary: dict[int, "MemberParticipation"]) -> None:
    """Add events newer than the rollup cursor, so a visit shows at once, not a minute later.

    Visits are counted against each member's rolled-up watermark; an event arriving out
    of order can be off by one visit until the sweep has run.
    """
    cursor = RollupCursor.objects.filter(name="events").values_list("last_event_id", flat=True)
    rows = (
        Event.objects.filter(programme_id=programme_id, id__gt=cursor.first() or 0)
        .exclude(kind__in=NOT_VISIT_KINDS)
        .order_by("id")
        .values_list("user_id", "occurred_at", "active_seconds")[:TAIL_LIMIT]
    )
    tail: dict[int, list[tuple[datetime, int]]] = {}
    for user_id, occurred_at, seconds in rows:
        tail.setdefault(user_id, []).append((occurred_at, seconds))
    for user_id, events in tail.items():
        empty = MemberParticipation(last_seen_at=None, visits=0, active_seconds=0, active_minutes=0)
        known = summary.setdefault(user_id, empty)
        last = known["last_seen_at"]
        times = [at for at, _seconds in events]
        starts = visit_start_changes([last] if last else [], times)
        buckets = {ping_bucket(at) for at, reported in events if reported}
        seconds = known["active_seconds"] + ACTIVE_PING_SECONDS * len(buckets)
        summary[user_id] = MemberParticipation(
            last_seen_at=max(times + ([last] if last else [])),
            visits=known["visits"] + sum(sign for _at, sign in starts),
            active_seconds=seconds,
            active_minutes=seconds // 60,
        )


def participation_by_member(programme_id: int, *, days: int = 30) -> dict[int, MemberParticipation]:
    """Per member of a programme: last event time, and visits and active time in the last
    `days` programme-local days (today included), read from the rollups.

    Members without any rolled-up event are left out.
    """
    zone_name = (
        ProgrammeRollup.objects.filter(programme_id=programme_id)
        .values_list("time_zone", flat=True)
        .first()
    )
    today = timezone.now().astimezone(zoneinfo.ZoneInfo(zone_name or "UTC")).date()
    summary = {
        user_id: MemberParticipation(
            last_seen_at=last, visits=0, active_seconds=0, active_minutes=0
        )
        for user_id, last in MemberRollupState.objects.filter(
            programme_id=programme_id
        ).values_list("user_id", "last_event_at")
    }
    rows = (
        MemberDayRollup.objects.filter(
            programme_id=programme_id, day__gt=today - timedelta(days=days)
        )
        .values("user_id")
        .annotate(visits=Sum("visits"), active_seconds=Sum("active_seconds"))
        .values_list("user_id", "visits", "active_seconds")
    )
    for user_id, visits, seconds in rows:
        if user_id in summary:
            summary[user_id] = MemberParticipation(
                last_seen_at=summary[user_id]["last_seen_at"],
                visits=visits,
                active_seconds=seconds,
                active_minutes=seconds // 60,
            )
    _add_unrolled_tail(programme_id, summary)
    return summary
