"""Reads of participation facts: visits, returns, last visits, statuses, best times, and a
person's own events. Activity owns the events and their rollups, so every app that needs
these facts (insights, outreach, programmes) reads them here.

Dates are programme-local (the programme's time zone). In the programme-level figures only
participants count: coaches' and observers' own visits are not participation. Those figures
read the rollups, except members_returned_between, which reads raw events bounded by people
and a window.
"""

import functools
import zoneinfo
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import Any, TypedDict

from django.db import connection
from django.db.models import Count, Exists, F, Max, Q, QuerySet, Sum
from django.utils import timezone

from luukku.activity.members import MemberParticipation, participation_by_member
from luukku.activity.models import (
    HOUR_COLUMNS,
    NOT_VISIT_KINDS,
    Event,
    EventKind,
    MemberDayRollup,
    MemberRollupState,
    MemberTargetRollup,
)
from luukku.activity.rules import (
    COHORT_WINDOW_DAYS,
    DROPPED_OFF_DAYS,
    MemberStatus,
    PublishSlot,
    best_slots,
    cohort_median,
    idle_days,
    member_status,
)
from luukku.activity.visits import Visit, previous_visit_end, split_visits
from luukku.programmes.models import Programme, ProgrammeMembership, ProgrammeRole

__all__ = [
    "KindCount",
    "MemberParticipation",
    "PublishSlot",
    "Visit",
    "best_publish_slots",
    "best_slot",
    "event_counts_for_user",
    "events_for_user",
    "hour_of_week_visits",
    "idle_days_by_member",
    "joined_days",
    "last_page_by_member",
    "last_visit_by_member",
    "last_visit_days",
    "local_day",
    "member_statuses",
    "members_returned_between",
    "most_active_hour_by_member",
    "opened_section_ids_by_member",
    "participant_days",
    "participant_memberships",
    "participation_by_member",
    "posted_member_ids",
    "previous_visit_ended_at",
    "programme_ids_with_events",
    "recent_events_for_user",
    "returned_between",
    "visits_by_member_between",
    "visits_by_member_day",
    "visits_for",
    "visits_per_day",
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
    events = events.exclude(kind__in=NOT_VISIT_KINDS)  # opening a message is not a visit
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


# ---- programme participation (participants only) -----------------------------------


def participant_memberships(programme: Programme) -> QuerySet[ProgrammeMembership]:
    return ProgrammeMembership.objects.filter(programme=programme, role=ProgrammeRole.PARTICIPANT)


def participant_days(programme: Programme) -> QuerySet[MemberDayRollup]:
    """Day rollups of the programme's current participants."""
    return MemberDayRollup.objects.filter(
        programme_id=programme.pk,
        user_id__in=participant_memberships(programme).values("user_id"),
    )


def local_day(programme: Programme, moment: datetime) -> date:
    """The programme-local date of a moment."""
    return moment.astimezone(_zone(programme.time_zone)).date()


@functools.cache
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def joined_days(programme: Programme) -> dict[int, date]:
    rows = participant_memberships(programme).values_list("user_id", "joined_at")
    return {user_id: local_day(programme, joined) for user_id, joined in rows}


def hour_of_week_visits(days: QuerySet[MemberDayRollup]) -> list[int]:
    """168 visit-start counts, Monday 00-01 first, from day rollups."""
    totals = [0] * 168
    sums = {column: Sum(column) for column in HOUR_COLUMNS}
    rows = days.values("day").annotate(**sums).values_list("day", *HOUR_COLUMNS)
    for day, *counts in rows:
        base = day.weekday() * 24
        for hour, count in enumerate(counts):
            totals[base + hour] += count or 0
    return totals


# ---- the facts other apps read ---------------------------------------------------------


def last_visit_by_member(programme: Programme) -> dict[int, datetime | None]:
    """Each participant's latest event time (None: never came)."""
    last: dict[int, datetime | None] = dict.fromkeys(
        participant_memberships(programme).values_list("user_id", flat=True)
    )
    states = MemberRollupState.objects.filter(
        programme_id=programme.pk,
        user_id__in=participant_memberships(programme).values("user_id"),
    )
    last.update(states.values_list("user_id", "last_event_at"))
    return last


def last_visit_days(
    programme: Programme, as_of: date, last: dict[int, datetime | None] | None = None
) -> dict[int, date | None]:
    """Each participant's last local day with an event on or before `as_of` (None: none).

    Events after `as_of` (a look after the programme's end) do not count: a status or a
    "days without a visit" is judged as of that day. `last` may pass
    last_visit_by_member's answer; only people seen later cost a read.
    """
    seen = last if last is not None else last_visit_by_member(programme)
    days = {user_id: local_day(programme, at) if at else None for user_id, at in seen.items()}
    later = [user_id for user_id, day in days.items() if day is not None and day > as_of]
    if later:
        rows = (
            MemberDayRollup.objects.filter(
                programme_id=programme.pk, user_id__in=later, day__lte=as_of, events__gt=0
            )
            .values("user_id")
            .annotate(last=Max("day"))
            .values_list("user_id", "last")
        )
        found = dict(rows)
        days.update({user_id: found.get(user_id) for user_id in later})
    return days


def idle_days_by_member(programme: Programme, *, today: date | None = None) -> dict[int, int]:
    """Days without a visit per participant, as of today (or the programme's last day)."""
    as_of = min(today or programme.today(), programme.ends_on)
    joined = joined_days(programme)
    days = last_visit_days(programme, as_of)
    return {user_id: idle_days(days.get(user_id), joined[user_id], as_of) for user_id in joined}


def member_statuses(
    programme: Programme,
    *,
    passive_days: int = 7,
    today: date | None = None,
    last: dict[int, datetime | None] | None = None,
    joined: dict[int, date] | None = None,
) -> dict[int, str]:
    """'active', 'passive' or 'dropped_off' per participant (DESIGN definitions).

    Judged as of `today` or the programme's last day, whichever is first; events after
    that do not count (someone who stopped weeks before the end and looked in after it has
    dropped off). `last` and `joined` may pass last_visit_by_member's and joined_days'
    answers when the caller has them already.
    """
    as_of = min(today or programme.today(), programme.ends_on)
    joined = joined if joined is not None else joined_days(programme)
    window_start = as_of - timedelta(days=COHORT_WINDOW_DAYS - 1)
    window = dict.fromkeys(joined, 0)
    rows = (
        participant_days(programme)
        .filter(day__range=(window_start, as_of))
        .values("user_id")
        .annotate(visits=Sum("visits"))
        .values_list("user_id", "visits")
    )
    window.update(rows)
    median = cohort_median(window, joined, window_start)
    statuses: dict[int, str] = {}
    for user_id, last_day in last_visit_days(programme, as_of, last).items():
        status: MemberStatus = member_status(
            last_day=last_day,
            joined_day=joined[user_id],
            window_visits=window[user_id],
            median=median,
            as_of=as_of,
            passive_days=passive_days,
        )
        statuses[user_id] = str(status)
    return statuses


def opened_section_ids_by_member(programme: Programme) -> dict[int, set[int]]:
    """The plan sections each participant has opened (the section, a page or a file in it)."""
    rows = (
        MemberTargetRollup.objects.filter(
            programme_id=programme.pk,
            user_id__in=participant_memberships(programme).values("user_id"),
            section_id__isnull=False,
        )
        .values_list("user_id", "section_id")
        .distinct()
    )
    opened: dict[int, set[int]] = {}
    for user_id, section_id in rows:
        if section_id is not None:
            opened.setdefault(user_id, set()).add(section_id)
    return opened


def posted_member_ids(programme: Programme) -> set[int]:
    """Participants with any post or comment."""
    rows = (
        participant_days(programme)
        .values("user_id")
        .annotate(written=Sum(F("posts") + F("comments")))
        .filter(written__gt=0)
    )
    return {row["user_id"] for row in rows}


def visits_per_day(programme: Programme, start: date, end: date) -> dict[date, int]:
    """Participants' visits per local day from `start` to `end` inclusive (0 on quiet days)."""
    days = {start + timedelta(days=n): 0 for n in range((end - start).days + 1)}
    rows = (
        participant_days(programme)
        .filter(day__range=(start, end))
        .values("day")
        .annotate(visits=Sum("visits"))
    )
    days.update({row["day"]: row["visits"] for row in rows})
    return days


def visits_by_member_between(
    programme: Programme, user_ids: Iterable[int], start: date, end: date
) -> dict[int, int]:
    """Visits of each given person from `start` to `end` inclusive (local days)."""
    wanted = list(user_ids)
    counts = dict.fromkeys(wanted, 0)
    rows = (
        MemberDayRollup.objects.filter(
            programme_id=programme.pk, user_id__in=wanted, day__range=(start, end)
        )
        .values("user_id")
        .annotate(visits=Sum("visits"))
    )
    counts.update({row["user_id"]: row["visits"] for row in rows})
    return counts


def best_publish_slots(programme: Programme, count: int = 3) -> list[PublishSlot]:
    """The best hours of the week to publish, from when participants' visits start."""
    return best_slots(hour_of_week_visits(participant_days(programme)), count)


def most_active_hour_by_member(programme: Programme) -> dict[int, int]:
    """The local hour in which each participant most often starts a visit (earliest on ties)."""
    sums = {column: Sum(column) for column in HOUR_COLUMNS}
    rows = (
        participant_days(programme)
        .values("user_id")
        .annotate(**sums)
        .values_list("user_id", *HOUR_COLUMNS)
    )
    result = {}
    for user_id, *sums_by_hour in rows:
        counts = [count or 0 for count in sums_by_hour]
        if any(counts):
            result[user_id] = counts.index(max(counts))
    return result


def members_returned_between(
    programme: Programme, user_ids: Iterable[int], start: datetime, end: datetime
) -> set[int]:
    """Who of `user_ids` did something in the programme in [start, end) (raw events,
    bounded by both): opening a message or following its link alone is not a return."""
    rows = (
        Event.objects.filter(
            programme_id=programme.pk,
            user_id__in=list(user_ids),
            occurred_at__gte=start,
            occurred_at__lt=end,
        )
        .exclude(kind__in=NOT_VISIT_KINDS)
        .values_list("user_id", flat=True)
    )
    return set(rows.distinct().order_by())


def returned_between(programme_id: int, user_id: Any, start: Any, end: Any) -> Exists:
    """Whether a person has an event in the programme in [start, end), as an expression.

    For annotating another app's rows (an outbox row names the person and the send time
    as OuterRefs): one correlated lookup on the (user, programme, time) index per row, so a
    list of many messages is read in one query.
    """
    events = Event.objects.filter(
        programme_id=programme_id, user_id=user_id, occurred_at__gte=start, occurred_at__lt=end
    ).exclude(kind__in=NOT_VISIT_KINDS)
    return Exists(events)


def visits_by_member_day(
    programme: Programme, user_ids: Iterable[int], start: date, end: date
) -> dict[tuple[int, date], int]:
    """Visits per (person, local day) from `start` to `end` inclusive, days with a visit only
    (one read for many messages' 7-day windows at once)."""
    rows = MemberDayRollup.objects.filter(
        programme_id=programme.pk, user_id__in=list(user_ids), day__range=(start, end), visits__gt=0
    ).values_list("user_id", "day", "visits")
    return {(user_id, day): visits for user_id, day, visits in rows}


def best_slot(programme: Programme) -> tuple[int, int] | None:
    """(weekday, hour) of the programme's best publishing slot, or None without data."""
    slots = best_publish_slots(programme, 1)
    return (slots[0].weekday, slots[0].hour) if slots else None


def last_page_by_member(programme: Programme, user_ids: Iterable[int]) -> dict[int, int]:
    """The page each person viewed last in the programme ("continue where you left off").

    One query over the (user, programme, time) index, bounded by the audience.
    """
    events = Event.objects.filter(
        programme_id=programme.pk,
        user_id__in=list(user_ids),
        kind=EventKind.PAGE_VIEW,
        target__startswith="page:",
    ).order_by("user_id", "-occurred_at")
    if connection.features.can_distinct_on_fields:
        events = events.distinct("user_id")  # PostgreSQL: one row per person
    rows = events.values_list("user_id", "target")
    last: dict[int, int] = {}
    for user_id, target in rows.iterator(chunk_size=5000):
        if user_id not in last and target[5:].isdigit():
            last[user_id] = int(target[5:])
    return last


def dropped_off_counts(as_of: dict[Programme, date]) -> dict[int, int]:
    """How many participants of each programme had dropped off as of its date.

    The same rule as member_statuses (21 idle local days, counted from joining for someone
    who never came), read for many programmes in two queries: the organisation view
    compares every programme of a date range.
    """
    by_id = {
        programme.pk: (programme, min(day, programme.ends_on)) for programme, day in as_of.items()
    }
    if not by_id:
        return {}
    window = Q()
    for programme_id, (_programme, day) in by_id.items():
        window |= Q(programme_id=programme_id, day__lte=day)
    rows = (
        MemberDayRollup.objects.filter(window, events__gt=0)
        .values("programme_id", "user_id")
        .annotate(last=Max("day"))
        .values_list("programme_id", "user_id", "last")
    )
    last_days = {(programme_id, user_id): last for programme_id, user_id, last in rows}
    members = ProgrammeMembership.objects.filter(
        programme_id__in=by_id, role=ProgrammeRole.PARTICIPANT
    ).values_list("programme_id", "user_id", "joined_at")
    counts = dict.fromkeys(by_id, 0)
    for programme_id, user_id, joined_at in members:
        programme, day = by_id[programme_id]
        last = last_days.get((programme_id, user_id))
        if idle_days(last, local_day(programme, joined_at), day) >= DROPPED_OFF_DAYS:
            counts[programme_id] += 1
    return counts
