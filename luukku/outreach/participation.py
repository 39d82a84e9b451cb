"""Participation figures outreach needs, read through the insights app's queries.

The insights functions are imported inside each function (insights imports outreach's
`message_send_dates` the same way), so neither app needs the other at import time.
`last_page_by_member` is outreach's own: insights has no "where did each person stop".
"""

from collections.abc import Iterable
from datetime import date, datetime

from django.db import connection

from luukku.activity.models import Event, EventKind
from luukku.programmes.models import Programme


def last_visit_by_member(programme: Programme) -> dict[int, datetime | None]:
    from luukku.insights import queries

    return queries.last_visit_by_member(programme)


def member_statuses(programme: Programme, *, passive_days: int = 7) -> dict[int, str]:
    from luukku.insights import queries

    return queries.member_statuses(programme, passive_days=passive_days)


def opened_section_ids_by_member(programme: Programme) -> dict[int, set[int]]:
    from luukku.insights import queries

    return queries.opened_section_ids_by_member(programme)


def posted_member_ids(programme: Programme) -> set[int]:
    from luukku.insights import queries

    return queries.posted_member_ids(programme)


def visits_per_day(programme: Programme, start: date, end: date) -> dict[date, int]:
    from luukku.insights import queries

    return queries.visits_per_day(programme, start, end)


def visits_by_member_between(
    programme: Programme, user_ids: Iterable[int], start: date, end: date
) -> dict[int, int]:
    from luukku.insights import queries

    return queries.visits_by_member_between(programme, list(user_ids), start, end)


def best_slot(programme: Programme) -> tuple[int, int] | None:
    """(weekday, hour) of the programme's best publishing slot, or None without data."""
    from luukku.insights import queries

    slots = queries.best_publish_slots(programme, 1)
    return (slots[0].weekday, slots[0].hour) if slots else None


def most_active_hour_by_member(programme: Programme) -> dict[int, int]:
    from luukku.insights import queries

    return queries.most_active_hour_by_member(programme)


def members_returned_between(
    programme: Programme, user_ids: Iterable[int], start: datetime, end: datetime
) -> set[int]:
    from luukku.insights import queries

    return queries.members_returned_between(programme, list(user_ids), start, end)


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
