"""Simulated participation shaped like the Howspace seed, as pure functions (no database).

The seed's figures: about 2/3 of visits in the daytime (07-17), about 1/3 in the evening
(17-23), a few per cent at night; about one visit in ten at weekends; enthusiasm fading
after the start and some people dropping out; about 2.5x the visits on the days a reminder
goes out. Each participant gets a habit (how keen, how fast it fades, whether and when
they drop out); days are drawn from it, visits placed in wall-clock time of the
programme's zone and expanded into the events the browser and server would record.
"""

import dataclasses
import math
import random
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from luukku.activity.models import EventKind

# Weights of the day part a visit starts in, and of the hour within it. Night hours skip
# 03-04 local, so no start falls into the hour the spring DST change skips.
DAY_PARTS = (
    (0.64, (7, 8, 9, 10, 11, 12, 13, 14, 15, 16), (2, 4, 6, 7, 6, 5, 7, 7, 6, 4)),
    (0.32, (17, 18, 19, 20, 21, 22), (5, 5, 6, 7, 6, 3)),
    (0.04, (23, 0, 1, 2, 5, 6), (5, 3, 1, 1, 1, 2)),
)
# Relative visit rate on Saturday and Sunday: 2 days x 0.3 against 5 weekdays x 1 puts
# roughly one visit in ten on a weekend.
WEEKEND_RATE = 0.3
# A reminder multiplies the rate of an ordinary weekday for those who get it from the moment
# it is sent; with a fifth held out (demo.reminders) the day's rate about doubles, which
# against the mean of all other days (weekends and later, quieter weeks included) is the
# seed's ~2.5x.
REMINDER_RATE = 2.25
REMINDER_SENT_AT = time(9, 0)
# Visits are separated by more than the 30-minute visit gap, with room to spare.
MIN_GAP_BETWEEN_VISITS = timedelta(minutes=40)
PING_INTERVAL = timedelta(seconds=15)
MAX_PINGS = 180  # 45 minutes of active time


@dataclass(frozen=True, slots=True)
class Habit:
    """How one participant takes part: visits per weekday at the start, weekly fade, drop-out."""

    enthusiasm: float
    fade: float
    drops_out_on: int | None  # day index after which they never come back


@dataclass(frozen=True, slots=True)
class Timeline:
    """The simulated period: programme days from `starts_on`, in `time_zone`, up to `now`."""

    starts_on: date
    days: int
    time_zone: str
    now: datetime
    reminder_days: frozenset[date]


@dataclass(frozen=True, slots=True)
class SimulatedEvent:
    kind: str
    target: str
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class SimulatedVisit:
    started_at: datetime
    ended_at: datetime
    events: list[SimulatedEvent]
    # One of the extra visits a reminder brought: a person held out from that reminder
    # never makes it (see demo.reminders), so the effect report has something to find.
    reminded: bool = False


def draw_habit(rng: random.Random, *, days: int) -> Habit:
    """About 15 % passive, 15-20 % dropping out between week 2 and two weeks before the end."""
    enthusiasm = rng.lognormvariate(math.log(0.6), 0.45)
    if rng.random() < 0.15:
        enthusiasm *= 0.25
    drops_out_on = None
    if rng.random() < 0.18 and days > 28:
        drops_out_on = rng.randrange(14, days - 14)
    return Habit(enthusiasm=enthusiasm, fade=rng.uniform(0.82, 0.95), drops_out_on=drops_out_on)


def draw_join_day(rng: random.Random, *, days: int) -> int:
    """Most join in the first two days; about one in seven joins in weeks 1-3."""
    if rng.random() < 0.15 and days > 21:
        return rng.randrange(3, 22)
    return rng.choice((0, 0, 0, 1))


def choose_reminder_days(
    rng: random.Random, timeline_start: date, today: date, weeks: int
) -> list[date]:
    """Mondays of 5 weeks after the first, strictly before today (the day has to be over-ish)."""
    mondays = [timeline_start + timedelta(weeks=week) for week in range(1, weeks)]
    candidates = [monday for monday in mondays if monday < today]
    return sorted(rng.sample(candidates, min(5, len(candidates))))


def poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method: fine for the small means of daily visits."""
    if mean <= 0:
        return 0
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def local_start(
    rng: random.Random, day: date, zone: zoneinfo.ZoneInfo, *, after: time | None = None
) -> datetime:
    """A visit start on `day`, drawn from the day-part and hour weights, as an aware UTC time."""
    weights = [part[0] for part in DAY_PARTS]
    while True:
        _weight, hours, hour_weights = rng.choices(DAY_PARTS, weights=weights)[0]
        hour = rng.choices(hours, weights=hour_weights)[0]
        if after is None or hour >= after.hour:
            break
    wall = datetime.combine(day, time(hour, rng.randrange(60), rng.randrange(60)), tzinfo=zone)
    # zoneinfo resolves an ambiguous autumn hour to its first occurrence (fold=0).
    return wall.astimezone(UTC)


def day_rate(habit: Habit, day_index: int, join_day: int, day: date) -> float:
    """Expected visits on a day: enthusiasm fading week by week from the person's own start."""
    if day_index < join_day or (habit.drops_out_on is not None and day_index > habit.drops_out_on):
        return 0.0
    weeks_in = (day_index - join_day) / 7
    rate = habit.enthusiasm * math.pow(habit.fade, weeks_in)
    if day_index == join_day:
        rate += 1.0  # everyone looks around on their first day
    return rate * (WEEKEND_RATE if day.weekday() >= 5 else 1.0)


def expand_visit(
    rng: random.Random, started_at: datetime, home: str, pages: Sequence[str]
) -> SimulatedVisit:
    """One visit's events: the home page, active pings every 15 s, more page views, a file.

    A few visits pause (a hidden tab sends no pings) for a few minutes: far under the
    30-minute gap, so the visit stays one.
    """
    events = [SimulatedEvent(EventKind.PAGE_VIEW, home, started_at)]
    pings = min(MAX_PINGS, max(1, round(rng.lognormvariate(math.log(14), 0.7))))
    pause_after = rng.randrange(pings) if rng.random() < 0.12 else -1
    at, target = started_at, home
    for index in range(pings):
        at += PING_INTERVAL
        if rng.random() < 0.12 and pages:
            target = rng.choice(pages)
            events.append(SimulatedEvent(EventKind.PAGE_VIEW, target, at - timedelta(seconds=5)))
        events.append(SimulatedEvent(EventKind.ACTIVE_PING, target, at))
        if index == pause_after:
            at += timedelta(minutes=rng.randint(2, 12))
    if rng.random() < 0.1 and pages:
        # The demo pages have no attachments, so the opened file is named by its page.
        file_at = started_at + (at - started_at) * rng.random()
        events.append(SimulatedEvent(EventKind.FILE_OPEN, rng.choice(pages), file_at))
    events.sort(key=lambda event: event.occurred_at)
    return SimulatedVisit(started_at=started_at, ended_at=at, events=events)


def pages_open_in(
    weekly_pages: Sequence[Sequence[str]], week: int, rng: random.Random
) -> Sequence[str]:
    """Mostly this week's pages; now and then an earlier week's."""
    week = min(week, len(weekly_pages) - 1)
    if week < 0:
        return []
    if week > 0 and rng.random() < 0.3:
        return weekly_pages[rng.randrange(week)]
    return weekly_pages[week]


def visit_starts(
    rng: random.Random, habit: Habit, join_day: int, timeline: Timeline
) -> list[tuple[datetime, bool]]:
    """Start times of one participant's visits, oldest first, each with whether a reminder
    brought it."""
    zone = zoneinfo.ZoneInfo(timeline.time_zone)
    starts: list[tuple[datetime, bool]] = []
    for day_index in range(timeline.days):
        day = timeline.starts_on + timedelta(days=day_index)
        rate = day_rate(habit, day_index, join_day, day)
        first_day = time(7) if day_index == join_day else None
        todays = [
            (local_start(rng, day, zone, after=first_day), False) for _ in range(poisson(rng, rate))
        ]
        if day in timeline.reminder_days and rate > 0:
            extra = poisson(rng, rate * (REMINDER_RATE - 1))
            todays += [
                (local_start(rng, day, zone, after=REMINDER_SENT_AT), True) for _ in range(extra)
            ]
        starts.extend(sorted(todays))
    return starts


def simulate_participant(
    rng: random.Random,
    habit: Habit,
    join_day: int,
    timeline: Timeline,
    home: str,
    weekly_pages: Sequence[Sequence[str]],
) -> list[SimulatedVisit]:
    """One participant's visits over the timeline, none ending after `timeline.now`.

    Everything is drawn before the cut at `now`, so the same seed gives the same visits
    whatever the time of day the command runs; only how many are already over differs.
    """
    visits: list[SimulatedVisit] = []
    for started_at, reminded in visit_starts(rng, habit, join_day, timeline):
        week = (
            started_at.astimezone(zoneinfo.ZoneInfo(timeline.time_zone)).date() - timeline.starts_on
        ).days // 7
        visit = expand_visit(rng, started_at, home, pages_open_in(weekly_pages, week, rng))
        if reminded:
            visit = dataclasses.replace(visit, reminded=True)
        if visits and started_at < visits[-1].ended_at + MIN_GAP_BETWEEN_VISITS:
            continue  # would run into the previous visit: drop it, as the person did
        if visit.ended_at <= timeline.now:
            visits.append(visit)
    return visits
