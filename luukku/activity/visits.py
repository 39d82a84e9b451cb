"""Splitting a member's events into visits (DESIGN, "Participation data: definitions").

Pure functions over (time, active seconds) pairs, so the rule is tested without a database.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

# A visit is a run of events with no gap over this.
VISIT_GAP = timedelta(minutes=30)
# Active time is counted in buckets of one ping's length (ACTIVE_PING_SECONDS).
BUCKET_SECONDS = 15


def ping_bucket(at: datetime) -> int:
    """The 15-second bucket (since the epoch) a ping falls in: a person earns active time at
    most once per bucket, however many pings, batches, tabs or retries report it."""
    return int(at.timestamp()) // BUCKET_SECONDS


@dataclass(frozen=True, slots=True)
class Visit:
    """One visit: its first and last event, active time (sum of pings) and event count."""

    started_at: datetime
    ended_at: datetime
    active_seconds: int
    event_count: int


def split_visits(
    events: Iterable[tuple[datetime, int]], *, gap: timedelta = VISIT_GAP
) -> list[Visit]:
    """Group (occurred_at, active_seconds) pairs into visits, oldest first.

    Events further apart than `gap` fall into separate visits; a gap of exactly `gap`
    does not split. Every event belongs to exactly one visit, and a visit's active time
    is the sum of its events' active seconds (page views alone count zero), once per
    15-second bucket (a repeated ping adds nothing).
    """
    visits: list[Visit] = []
    started_at = ended_at = None
    active_seconds = event_count = 0
    counted: set[int] = set()
    for at, reported in sorted(events, key=lambda event: event[0]):
        seconds = reported if reported and ping_bucket(at) not in counted else 0
        if seconds:
            counted.add(ping_bucket(at))
        if started_at is not None and ended_at is not None and at - ended_at > gap:
            visits.append(Visit(started_at, ended_at, active_seconds, event_count))
            started_at = None
        if started_at is None:
            started_at, active_seconds, event_count = at, 0, 0
        ended_at = at
        active_seconds += seconds
        event_count += 1
    if started_at is not None and ended_at is not None:
        visits.append(Visit(started_at, ended_at, active_seconds, event_count))
    return visits


def previous_visit_end(
    times_newest_first: Iterable[datetime], *, now: datetime, gap: timedelta = VISIT_GAP
) -> datetime | None:
    """End of the visit before the current one, walking event times from the newest.

    The current visit is the run of events reaching back from `now` without a gap over
    `gap` (empty when the latest event is older than that: this request starts a visit).
    The first event found after a larger gap is the last event of the previous visit.
    """
    later = now
    for at in times_newest_first:
        if later - at > gap:
            return at
        later = at
    return None
