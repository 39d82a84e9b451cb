"""Counting events and visit starts into per-member, per-day counters (no database).

A visit is a run of one member's events with no gap over 30 minutes (DESIGN), so an
event time t starts a visit exactly when the member has no other event in [t - 30 min, t).
That makes the rollup incremental: a new event can only change whether it starts a visit
and whether the next older-known event after it (within 30 minutes) still does.
"""

import functools
import re
import zoneinfo
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from luukku.activity.models import COUNTER_COLUMNS, KIND_COLUMNS
from luukku.activity.visits import VISIT_GAP, ping_bucket

COLUMN_INDEX = {name: index for index, name in enumerate(COUNTER_COLUMNS)}
VISITS = COLUMN_INDEX["visits"]
ACTIVE_SECONDS = COLUMN_INDEX["active_seconds"]
EVENTS = COLUMN_INDEX["events"]
FIRST_HOUR = COLUMN_INDEX["h00"]
KIND_INDEX = {str(kind): COLUMN_INDEX[column] for kind, column in KIND_COLUMNS.items()}
TARGET_PATTERN = re.compile(r"^(section|page|file):(\d{1,18})$")

DayKey = tuple[int, int, date]  # programme id, user id, local day
TargetKey = tuple[int, int, str, int]  # programme id, user id, target type, target id


@dataclass(frozen=True, slots=True)
class RawEvent:
    """The columns of an event the rollup reads."""

    id: int
    organisation_id: int
    programme_id: int
    user_id: int
    kind: str
    target: str
    occurred_at: datetime
    active_seconds: int


@dataclass
class Tally:
    """Counters gathered from a batch of events, before they are added to the stored rows."""

    days: dict[DayKey, list[int]]
    targets: dict[TargetKey, datetime]  # the first time each target was opened

    @classmethod
    def empty(cls) -> "Tally":
        return cls(days={}, targets={})

    def _day(self, key: DayKey) -> list[int]:
        counters = self.days.get(key)
        if counters is None:
            counters = self.days[key] = [0] * len(COUNTER_COLUMNS)
        return counters

    def add_event(self, event: RawEvent, zone: zoneinfo.ZoneInfo, *, active: bool) -> None:
        """Counts that do not depend on visits: they simply add up, in any order.

        `active` says whether the event's active seconds count: only the first ping in
        its person's 15-second bucket does (see add_member_events).
        """
        local_day = event.occurred_at.astimezone(zone).date()
        counters = self._day((event.programme_id, event.user_id, local_day))
        counters[EVENTS] += 1
        if active:
            counters[ACTIVE_SECONDS] += event.active_seconds
        kind_index = KIND_INDEX.get(event.kind)
        if kind_index is not None:
            counters[kind_index] += 1
        target = _parsed_target(event.target)
        if target is not None:
            self._add_target(event, *target)

    def _add_target(self, event: RawEvent, target_type: str, target_id: int) -> None:
        key = (event.programme_id, event.user_id, target_type, target_id)
        found = self.targets.get(key)
        if found is None or event.occurred_at < found:
            self.targets[key] = event.occurred_at

    def add_visit_start(
        self, programme_id: int, user_id: int, at: datetime, zone: zoneinfo.ZoneInfo, sign: int
    ) -> None:
        """A visit starting at `at` (sign +1), or one that no longer does (-1)."""
        local = at.astimezone(zone)
        counters = self._day((programme_id, user_id, local.date()))
        counters[VISITS] += sign
        counters[FIRST_HOUR + local.hour] += sign

    def add_member_events(
        self, own: Iterable[RawEvent], zone: zoneinfo.ZoneInfo, counted_buckets: set[int]
    ) -> None:
        """One member's new events; `counted_buckets` holds the 15-second buckets already
        credited with active time (it is updated), so a repeated or replayed ping adds
        nothing and the result does not depend on how the events were batched."""
        for event in own:
            active = False
            if event.active_seconds:
                bucket = ping_bucket(event.occurred_at)
                active = bucket not in counted_buckets
                counted_buckets.add(bucket)
            self.add_event(event, zone, active=active)


@functools.lru_cache(maxsize=4096)
def _parsed_target(target: str) -> tuple[str, int] | None:
    """("page", 12) for "page:12"; cached: a programme has few targets and millions of events."""
    match = TARGET_PATTERN.match(target)
    return (match.group(1), int(match.group(2))) if match else None


def _is_start(times: Sequence[datetime], at: datetime, gap: timedelta) -> bool:
    """Whether `at` starts a visit among sorted distinct `times` (nothing in [at-gap, at))."""
    index = bisect_left(times, at - gap)
    return index == len(times) or times[index] >= at


def visit_start_changes(
    old: Iterable[datetime], new: Iterable[datetime], *, gap: timedelta = VISIT_GAP
) -> list[tuple[datetime, int]]:
    """How visit starts change when events at `new` times join those at `old` times.

    `old` must hold every already counted time within `gap` of any new time. Returns
    (time, +1) for new visit starts and (time, -1) for starts that became continuations.
    """
    old_sorted = sorted(set(old))
    added = sorted(set(new).difference(old_sorted))
    if not added:
        return []
    if not old_sorted or old_sorted[-1] < added[0]:
        return _appended_starts(old_sorted[-1] if old_sorted else None, added, gap)
    old_set = set(old_sorted)
    merged = sorted(old_set.union(added))
    affected = set(added)
    for at in added:
        index = bisect_right(old_sorted, at)
        if index < len(old_sorted) and old_sorted[index] - at <= gap:
            affected.add(old_sorted[index])
    changes = []
    for at in sorted(affected):
        before = at in old_set and _is_start(old_sorted, at, gap)
        after = _is_start(merged, at, gap)
        if before != after:
            changes.append((at, 1 if after else -1))
    return changes


def _appended_starts(
    previous: datetime | None, added: list[datetime], gap: timedelta
) -> list[tuple[datetime, int]]:
    # The common case (events arrive in time order) in one linear pass.
    starts = []
    for at in added:
        if previous is None or at - previous > gap:
            starts.append((at, 1))
        previous = at
    return starts
