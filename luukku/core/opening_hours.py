"""Opening hours: weekly local wall-clock periods expanded into real (UTC) intervals.

Service targets ("first reply within 8 opening hours") count only time when a team is open,
so a request sent on Friday evening is not overdue on Saturday. Periods are local times in
an IANA zone and are expanded date by date, so daylight saving changes shorten or lengthen
the real interval exactly as the clock on the wall does. Bookings expand advisors' hours
with the same wall_clock_to_utc.
"""

import datetime
import functools
import zoneinfo
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

UTC = datetime.UTC
# A target further away than this many days of searching means "never opens": stop there.
SEARCH_DAYS = 400


@dataclass(frozen=True, order=True)
class WeeklyPeriod:
    weekday: int  # 0 = Monday
    opens: datetime.time
    closes: datetime.time


@dataclass(frozen=True)
class WeeklyHours:
    """A week of opening periods in one zone; no periods means always open."""

    periods: tuple[WeeklyPeriod, ...]
    time_zone: str

    @property
    def always_open(self) -> bool:
        return not self.periods

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


def weekly_hours(
    periods: Iterable[tuple[int, datetime.time, datetime.time]], zone: str
) -> WeeklyHours:
    ordered = sorted(WeeklyPeriod(day, opens, closes) for day, opens, closes in periods)
    return WeeklyHours(tuple(ordered), zone)


def _exists(naive: datetime.datetime, zone: zoneinfo.ZoneInfo) -> datetime.datetime | None:
    instant = naive.replace(tzinfo=zone).astimezone(UTC)
    return instant if instant.astimezone(zone).replace(tzinfo=None) == naive else None


@functools.lru_cache(maxsize=65536)  # zones and hours repeat: most calls are cache hits
def wall_clock_to_utc(
    day: datetime.date, clock: datetime.time, zone: zoneinfo.ZoneInfo
) -> datetime.datetime:
    """The first instant the wall clock shows `clock` on `day`.

    A time in the spring gap never shows; it means the moment the clocks jump, so that
    neither an opening nor a closing time in the gap stretches the hours.
    """
    naive = datetime.datetime.combine(day, clock)
    instant = _exists(naive, zone)
    if instant is not None:
        return instant
    probe = naive
    for _minute in range(24 * 60):  # gaps are at most a few hours
        probe -= datetime.timedelta(minutes=1)
        before = _exists(probe, zone)
        if before is not None:
            return before + datetime.timedelta(minutes=1)
    return naive.replace(tzinfo=zone).astimezone(UTC)


def intervals_on(
    hours: WeeklyHours, day: datetime.date
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """The real open intervals (UTC) of one local date, in order."""
    zone = hours.zone
    return [
        (wall_clock_to_utc(day, period.opens, zone), wall_clock_to_utc(day, period.closes, zone))
        for period in hours.periods
        if period.weekday == day.weekday()
    ]


def _intervals_from(
    hours: WeeklyHours, start: datetime.datetime
) -> Iterator[tuple[datetime.datetime, datetime.datetime]]:
    """Open intervals (UTC) that end after `start`, clipped to begin no earlier than it."""
    first_day = start.astimezone(hours.zone).date() - datetime.timedelta(days=1)
    for offset in range(SEARCH_DAYS):
        for opens, closes in intervals_on(hours, first_day + datetime.timedelta(days=offset)):
            if closes > start:
                yield max(opens, start), closes


def add_open_time(
    hours: WeeklyHours, start: datetime.datetime, duration: datetime.timedelta
) -> datetime.datetime | None:
    """The moment when `duration` of opening time has passed after `start`.

    None when the schedule does not open often enough within about a year.
    """
    if hours.always_open:
        return start + duration
    remaining = duration
    for opens, closes in _intervals_from(hours, start):
        if closes - opens >= remaining:
            return opens + remaining
        remaining -= closes - opens
    return None


def open_time_between(
    hours: WeeklyHours, start: datetime.datetime, end: datetime.datetime
) -> datetime.timedelta:
    """How much opening time lies between `start` and `end`."""
    if end <= start:
        return datetime.timedelta(0)
    if hours.always_open:
        return end - start
    total = datetime.timedelta(0)
    for opens, closes in _intervals_from(hours, start):
        if opens >= end:
            break
        total += min(closes, end) - opens
    return total


def is_open(hours: WeeklyHours, moment: datetime.datetime) -> bool:
    if hours.always_open:
        return True
    day = moment.astimezone(hours.zone).date()
    return any(
        opens <= moment < closes
        for offset in (-1, 0)
        for opens, closes in intervals_on(hours, day + datetime.timedelta(days=offset))
    )
