"""The participation rules of DESIGN as pure functions: statuses, medians, publish slots."""

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

DROPPED_OFF_DAYS = 21
COHORT_WINDOW_DAYS = 14
COHORT_SHARE = 0.25
# Someone who joined less than this many days ago is judged by the days-without-visit rule
# only: a few days of visits say little about a rate over two weeks.
MIN_DAYS_FOR_COHORT_RULE = 7
# Publishing at an hour reaches the people who come in that hour and the next two.
PUBLISH_WINDOW_HOURS = 3
HOURS_IN_WEEK = 7 * 24


class MemberStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PASSIVE = "passive", _("Passive")
    DROPPED_OFF = "dropped_off", _("Dropped off")


@dataclass(frozen=True, slots=True)
class PublishSlot:
    """An hour of the week to publish in: weekday 0 = Monday, programme-local hour, share."""

    weekday: int
    hour: int
    share: float


def cohort_median(
    window_visits: dict[int, int], joined: dict[int, date], window_start: date
) -> float:
    """Median visits in the window of the members who were there for the whole window."""
    full = [visits for user, visits in window_visits.items() if joined[user] <= window_start]
    values = full or list(window_visits.values())
    return float(statistics.median(values)) if values else 0.0


def idle_days(last_day: date | None, joined_day: date, as_of: date) -> int:
    """Days without a visit, the one definition of "passive for N days" (analytics, the
    composer's audience, automations): whole programme-local calendar days from the last
    day with a visit (or from joining, for someone who never came) to `as_of`. Seen
    yesterday is 1; with N = 7, someone last seen on a Monday is passive from the next
    Monday, whatever the hour."""
    return (as_of - (last_day or joined_day)).days


def member_status(
    *,
    last_day: date | None,
    joined_day: date,
    window_visits: int,
    median: float,
    as_of: date,
    passive_days: int,
) -> MemberStatus:
    """DESIGN: dropped off after 21 days without a visit; passive after `passive_days`, or
    with visits in the last 14 days below a quarter of the cohort median (pro rata for
    people who joined within the window). Without any visit, days count from joining."""
    idle = idle_days(last_day, joined_day, as_of)
    if idle >= DROPPED_OFF_DAYS:
        return MemberStatus.DROPPED_OFF
    if idle >= passive_days:
        return MemberStatus.PASSIVE
    window_start = as_of.toordinal() - COHORT_WINDOW_DAYS + 1
    member_days = as_of.toordinal() - max(window_start, joined_day.toordinal()) + 1
    if member_days >= MIN_DAYS_FOR_COHORT_RULE and median > 0:
        expected = COHORT_SHARE * median * member_days / COHORT_WINDOW_DAYS
        if window_visits < expected:
            return MemberStatus.PASSIVE
    return MemberStatus.ACTIVE


def best_slots(hour_of_week: Sequence[int], count: int) -> list[PublishSlot]:
    """The `count` best non-overlapping 3-hour windows of the week by visit starts.

    `hour_of_week` has 168 counts, Monday 00 first. A slot's share is the share of all
    visits that start within its window (the hour itself and the next two).
    """
    total = sum(hour_of_week)
    if total == 0:
        return []
    window = [
        sum(
            hour_of_week[(start + offset) % HOURS_IN_WEEK] for offset in range(PUBLISH_WINDOW_HOURS)
        )
        for start in range(HOURS_IN_WEEK)
    ]
    taken: set[int] = set()
    slots: list[PublishSlot] = []
    for start in sorted(range(HOURS_IN_WEEK), key=lambda hour: (-window[hour], hour)):
        hours = {(start + offset) % HOURS_IN_WEEK for offset in range(PUBLISH_WINDOW_HOURS)}
        if window[start] == 0 or len(slots) == count:
            break
        if hours & taken:
            continue
        taken |= hours
        slots.append(PublishSlot(start // 24, start % 24, window[start] / total))
    return slots


def median_or_zero(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else 0.0
