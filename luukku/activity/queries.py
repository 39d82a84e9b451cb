"""Reads for activity: visits, "new since your last visit", and a person's own events."""

import zoneinfo
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import TypedDict

from django.db.models import Count, QuerySet, Sum
from django.utils import timezone

from luukku.activity.models import (
    Event,
    MemberDayRollup,
    MemberRollupState,
    ProgrammeRollup,
    RollupCursor,
)
from luukku.activity.rollups.counting import visit_start_changes
from luukku.activity.visits import Visit, previous_visit_end, split_visits

__all__ = [
    "KindCount",
    "MemberParticipation",
    "Visit",
    "event_counts_for_user",
    "events_for_user",
    "participation_by_member",
    "previous_visit_ended_at",
    "programme_ids_with_events",
    "recent_events_for_user",
    "visits_for",
]


class KindCount(TypedDict):
    programme_id: int
    kind: str
    count: int


def _member_events(user_id: int, programme_id: int) -> QuerySet[Event]:
    return Event.objects.filter(user_id=user_id, programme_id=programme_id)


def visits_for(user_id: int, programme_id: int, *, since: datetime | None = None) -> list[Visit]:
    """A member's visits to a programme, oldest first.

    With `since`, only events from then on are considered, so a visit running across
    `since` starts at its first event after it.
    """
    events = _member_events(user_id, programme_id)
    if since is not None:
        events = events.filter(occurred_at__gte=since)
    rows = events.order_by("occurred_at").values_list("occurred_at", "active_seconds")
    return split_visits(rows.iterator(chunk_size=2000))


def _times_newest_first(user_id: int, programme_id: int, chunk: int) -> Iterator[datetime]:
    # Plain LIMIT queries walking back by time, not .iterator(): on PostgreSQL that opens a
    # server-side cursor (three round trips) on the programme home page's hot path, while
    # the walk usually stops within the first chunk. The chunk starts small and doubles:
    # converting hundreds of timestamps nobody looks at was most of this query's cost.
    events = _member_events(user_id, programme_id).order_by("-occurred_at")
    times = list(events.values_list("occurred_at", flat=True)[:chunk])
    while times:
        yield from times
        if len(times) < chunk:
            return
        older = events.filter(occurred_at__lt=times[-1])
        chunk = min(chunk * 2, 4096)
        times = list(older.values_list("occurred_at", flat=True)[:chunk])


def previous_visit_ended_at(user_id: int, programme_id: int) -> datetime | None:
    """When the member's visit before the current one ended ("new since your last visit").

    Only the current visit's events and one more are needed, read newest first along the
    (user_id, programme_id, occurred_at) index.
    """
    times = _times_newest_first(user_id, programme_id, chunk=32)
    return previous_visit_end(times, now=timezone.now())


def programme_ids_with_events(user_id: int) -> list[int]:
    """The programmes a person has any recorded events in."""
    rows = Event.objects.filter(user_id=user_id).values_list("programme_id", flat=True)
    return sorted(set(rows.distinct().order_by()))


def event_counts_for_user(user_id: int) -> list[KindCount]:
    """How many events of each kind a person has per programme."""
    rows = (
        Event.objects.filter(user_id=user_id)
        .values("programme_id", "kind")
        .annotate(count=Count("id"))
        .order_by("programme_id", "kind")
    )
    return list(rows)


def recent_events_for_user(user_id: int, *, limit: int = 100) -> list[Event]:
    """A person's latest events, newest first."""
    return list(Event.objects.filter(user_id=user_id).order_by("-occurred_at", "-id")[:limit])


def events_for_user(user_id: int) -> Iterator[Event]:
    """All of a person's events, oldest first (for their data export)."""
    return Event.objects.filter(user_id=user_id).order_by("occurred_at", "id").iterator()


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
        seconds = known["active_seconds"] + sum(s for _at, s in events)
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
