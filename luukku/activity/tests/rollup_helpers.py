"""Helpers for rollup tests: events at wall-clock times, and rollups as plain dicts."""

import zoneinfo
from datetime import UTC, date, datetime
from typing import Any

from luukku.activity.models import (
    ACTIVE_PING_SECONDS,
    COUNTER_COLUMNS,
    Event,
    EventKind,
    MemberDayRollup,
)
from luukku.programmes.models import Programme


def at(
    zone: str, year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0,
    *, fold: int = 0,
) -> datetime:  # fmt: skip
    """An aware UTC moment from wall-clock parts in `zone` (fold=1: the repeated hour)."""
    local = datetime(
        year, month, day, hour, minute, second, tzinfo=zoneinfo.ZoneInfo(zone), fold=fold
    )
    return local.astimezone(UTC)


def add_events(
    programme: Programme, user_id: int, times: list[datetime], kind: str = EventKind.ACTIVE_PING
) -> list[Event]:
    rows = [
        Event(
            organisation_id=programme.organisation_id,
            programme_id=programme.pk,
            user_id=user_id,
            kind=kind,
            target="home",
            occurred_at=moment,
            active_seconds=ACTIVE_PING_SECONDS if kind == EventKind.ACTIVE_PING else 0,
        )
        for moment in times
    ]
    return Event.objects.bulk_create(rows)


def day_rows(programme: Programme) -> dict[tuple[int, date], dict[str, Any]]:
    """Non-zero counters per (user, day)."""
    rows = MemberDayRollup.objects.filter(programme_id=programme.pk)
    result = {}
    for row in rows.values("user_id", "day", *COUNTER_COLUMNS):
        counters = {column: row[column] for column in COUNTER_COLUMNS if row[column]}
        if counters:
            result[(row["user_id"], row["day"])] = counters
    return result


def assert_sums_agree(programme: Programme) -> None:
    """Programme-day and member-week rows equal the sums of the member-day rows."""
    from collections import Counter
    from datetime import timedelta

    from luukku.activity.models import MemberWeekRollup, ProgrammeDayRollup

    by_day: dict[date, Counter[str]] = {}
    by_week: Counter[tuple[int, date, str]] = Counter()
    for (user_id, day), counters in day_rows(programme).items():
        by_day.setdefault(day, Counter()).update(counters)
        monday = day - timedelta(days=day.weekday())
        by_week[(user_id, monday, "visits")] += counters.get("visits", 0)
        by_week[(user_id, monday, "active_seconds")] += counters.get("active_seconds", 0)
    rows = ProgrammeDayRollup.objects.filter(programme_id=programme.pk)
    stored_days = {
        day: Counter({c: n for c, n in zip(COUNTER_COLUMNS, counts, strict=True) if n})
        for day, *counts in rows.values_list("day", *COUNTER_COLUMNS)
    }
    assert {d: c for d, c in stored_days.items() if c} == by_day
    stored_weeks: Counter[tuple[int, date, str]] = Counter()
    for user_id, week, visits, seconds in MemberWeekRollup.objects.filter(
        programme_id=programme.pk
    ).values_list("user_id", "week", "visits", "active_seconds"):
        stored_weeks[(user_id, week, "visits")] += visits
        stored_weeks[(user_id, week, "active_seconds")] += seconds
    assert +stored_weeks == +by_week
