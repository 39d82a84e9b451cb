"""Reads for activity: visits, "new since your last visit", and a person's own events."""

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import TypedDict

from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from luukku.activity.models import Event
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


def participation_by_member(programme_id: int, *, days: int = 30) -> dict[int, MemberParticipation]:
    """Per member of a programme: last event time, and visits and active time in `days` days.

    Derived from raw events for now; the analytics rollups will take over when programmes
    grow large (DESIGN: pages read rollups, never scan raw events).
    """
    since = timezone.now() - timedelta(days=days)
    rows = (
        Event.objects.filter(programme_id=programme_id, occurred_at__gte=since)
        .order_by("user_id", "occurred_at")
        .values_list("user_id", "occurred_at", "active_seconds")
    )
    per_member: dict[int, list[tuple[datetime, int]]] = {}
    for user_id, occurred_at, active_seconds in rows.iterator(chunk_size=5000):
        per_member.setdefault(user_id, []).append((occurred_at, active_seconds))
    summary: dict[int, MemberParticipation] = {}
    for user_id, events in per_member.items():
        visits = split_visits(events)
        summary[user_id] = MemberParticipation(
            last_seen_at=events[-1][0],
            visits=len(visits),
            active_seconds=(seconds := sum(visit.active_seconds for visit in visits)),
            active_minutes=seconds // 60,
        )
    last_seen_before = (
        Event.objects.filter(programme_id=programme_id, occurred_at__lt=since)
        .exclude(user_id__in=summary.keys())
        .values("user_id")
        .annotate(last=Max("occurred_at"))
    )
    for row in last_seen_before:
        summary[row["user_id"]] = MemberParticipation(
            last_seen_at=row["last"], visits=0, active_seconds=0, active_minutes=0
        )
    return summary
