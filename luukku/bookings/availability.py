"""Free times from wall-clock hours: pure functions, no database.

Hours are local times in the advisor's IANA zone; each date is expanded on its own, so on
a DST change "09:00-17:00" still means nine to five on the wall. A local time that does not
exist (the spring gap) means the moment the clocks jump; a time that occurs twice (the autumn
fold) means its first occurrence.
"""

import bisect
import datetime as dt
import itertools
import re
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from luukku.core.opening_hours import wall_clock_to_utc

UTC = dt.UTC
Interval = tuple[dt.datetime, dt.datetime]  # [start, end) in UTC
LocalHours = tuple[dt.time, dt.time]


@dataclass
class AdvisorRules:
    """What one advisor's free times depend on."""

    advisor_id: int
    zone: str
    weekly: dict[int, list[LocalHours]]  # weekday (0 = Monday) -> hours
    exceptions: dict[dt.date, list[LocalHours]]  # date -> hours (empty list: closed)
    busy: list[Interval] = field(default_factory=list)  # sorted by start
    booked_per_day: dict[dt.date, int] = field(default_factory=dict)  # advisor-local dates


@dataclass(frozen=True)
class SlotRules:
    duration: dt.timedelta
    buffer: dt.timedelta
    earliest: dt.datetime  # now + notice
    latest: dt.datetime  # now + horizon
    daily_cap: int = 0


def hours_on(rules: AdvisorRules, day: dt.date) -> list[LocalHours]:
    if day in rules.exceptions:
        return rules.exceptions[day]
    return rules.weekly.get(day.weekday(), [])


def advisor_slots(rules: AdvisorRules, slot: SlotRules) -> list[Interval]:
    """Free [start, end) session times of one advisor between slot.earliest and slot.latest."""
    zone = zoneinfo.ZoneInfo(rules.zone)
    first = slot.earliest.astimezone(zone).date() - dt.timedelta(days=1)
    last = slot.latest.astimezone(zone).date()
    free: list[Interval] = []
    busy_starts = [busy_start for busy_start, _busy_end in rules.busy]
    day = first
    while day <= last:
        if not slot.daily_cap or rules.booked_per_day.get(day, 0) < slot.daily_cap:
            for opens, closes in hours_on(rules, day):
                stretch = (
                    wall_clock_to_utc(day, opens, zone),
                    wall_clock_to_utc(day, closes, zone),
                )
                _add_free(rules.busy, busy_starts, slot, stretch, free)
        day += dt.timedelta(days=1)
    return free


def _add_free(
    busy: Sequence[Interval],
    busy_starts: Sequence[dt.datetime],
    slot: SlotRules,
    stretch: Interval,
    free: list[Interval],
) -> None:
    """Append the free times within one stretch of hours to `free`."""
    start, end = stretch
    step, duration = slot.duration + slot.buffer, slot.duration
    while start + duration <= end:
        if slot.earliest <= start < slot.latest:
            # A session occupies [start, start + step); busy intervals never overlap each
            # other (the database forbids it), so only the last one starting before our
            # end can reach into it.
            index = bisect.bisect_left(busy_starts, start + step)
            if index == 0 or busy[index - 1][1] <= start:
                free.append((start, start + duration))
        start += step


def team_slots(advisors: Iterable[AdvisorRules], slot: SlotRules) -> dict[dt.datetime, list[int]]:
    """Start time -> ids of the advisors free then, in start order."""
    by_start: dict[dt.datetime, list[int]] = {}
    for rules in advisors:
        for start, _end in advisor_slots(rules, slot):
            by_start.setdefault(start, []).append(rules.advisor_id)
    return dict(sorted(by_start.items()))


def is_free(rules: AdvisorRules, slot: SlotRules, start: dt.datetime) -> bool:
    """Whether `start` is one of the advisor's offered times (the check behind a booking)."""
    one_day = SlotRules(
        duration=slot.duration,
        buffer=slot.buffer,
        earliest=max(slot.earliest, start),
        latest=min(slot.latest, start + dt.timedelta(seconds=1)),
        daily_cap=slot.daily_cap,
    )
    return any(found == start for found, _end in advisor_slots(rules, one_day))


HOURS_PATTERN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-\N{EN DASH}]\s*(\d{1,2}):(\d{2})\s*$")


def parse_hours(text: str) -> list[LocalHours]:
    """'09:00-12:00, 13:00-16:00' -> hours; '' -> none. Raises ValueError with a message."""
    hours: list[LocalHours] = []
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        match = HOURS_PATTERN.match(part)
        if match is None:
            raise ValueError(_("Write hours like 09:00-16:00: %(part)s") % {"part": part})
        try:
            opens = dt.time(int(match[1]), int(match[2]))
            closes = dt.time(int(match[3]), int(match[4]))
        except ValueError:
            raise ValueError(_("Not a time of day: %(part)s") % {"part": part}) from None
        if opens >= closes:
            raise ValueError(_("The end must come after the start: %(part)s") % {"part": part})
        hours.append((opens, closes))
    hours.sort()
    for (_opens, earlier_end), (later_start, _closes) in itertools.pairwise(hours):
        if later_start < earlier_end:
            raise ValueError(_("Hours overlap: %(text)s") % {"text": text})
    return hours


def format_hours(hours: Iterable[LocalHours]) -> str:
    return ", ".join(f"{opens:%H:%M}-{closes:%H:%M}" for opens, closes in hours)
