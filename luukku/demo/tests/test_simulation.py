"""The activity simulation on its own: no database, many seeds, DST."""

import itertools
import random
import zoneinfo
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

import pytest

from luukku.activity.dayparts import DayPart, day_part, is_weekend
from luukku.activity.models import EventKind
from luukku.activity.visits import VISIT_GAP, split_visits
from luukku.demo.simulation import (
    SimulatedVisit,
    Timeline,
    choose_reminder_days,
    draw_habit,
    draw_join_day,
    local_start,
    simulate_participant,
)

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
# Ten weeks around the spring DST change (Sunday 2026-03-29, 03:00 -> 04:00 local).
STARTS_ON = date(2026, 2, 16)
NOW = datetime(2026, 4, 22, 10, 0, tzinfo=UTC)
PAGES = [[f"page:{week * 3 + n}" for n in range(3)] for week in range(10)]


def simulate(seed: int, people: int = 120) -> tuple[list[SimulatedVisit], list[date]]:
    reminders = choose_reminder_days(random.Random(seed), STARTS_ON, NOW.date(), 10)
    timeline = Timeline(STARTS_ON, 70, "Europe/Helsinki", NOW, frozenset(reminders))
    visits = []
    for index in range(people):
        rng = random.Random(f"{seed}:{index}")
        habit, join_day = draw_habit(rng, days=70), draw_join_day(rng, days=70)
        visits += simulate_participant(rng, habit, join_day, timeline, "home", PAGES)
    return visits, reminders


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_day_parts_and_weekends_match_the_seed_article(seed: int) -> None:
    visits, _reminders = simulate(seed)
    local = [visit.started_at.astimezone(HELSINKI) for visit in visits]
    parts = Counter(day_part(moment) for moment in local)
    assert 0.60 <= parts[DayPart.DAY] / len(local) <= 0.70
    assert 0.27 <= parts[DayPart.EVENING] / len(local) <= 0.37
    assert 0.02 <= parts[DayPart.NIGHT] / len(local) <= 0.06
    assert 0.07 <= sum(map(is_weekend, local)) / len(local) <= 0.13


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reminder_days_bring_about_two_and_a_half_times_the_visits(seed: int) -> None:
    visits, reminders = simulate(seed)
    per_day = Counter(visit.started_at.astimezone(HELSINKI).date() for visit in visits)
    days = [STARTS_ON + timedelta(days=n) for n in range((NOW.date() - STARTS_ON).days)]
    others = [per_day[day] for day in days if day not in reminders]
    ratio = sum(per_day[day] for day in reminders) / len(reminders) / (sum(others) / len(others))
    assert 1.9 <= ratio <= 3.2


def test_visits_of_one_person_never_merge_and_pings_are_15_s_apart() -> None:
    timeline = Timeline(STARTS_ON, 70, "Europe/Helsinki", NOW, frozenset())
    for index in range(40):
        rng = random.Random(index)
        habit, join_day = draw_habit(rng, days=70), draw_join_day(rng, days=70)
        visits = simulate_participant(rng, habit, join_day, timeline, "home", PAGES)
        events = [
            (e.occurred_at, 15 if e.kind == EventKind.ACTIVE_PING else 0)
            for v in visits
            for e in v.events
        ]
        assert len(split_visits(events, gap=VISIT_GAP)) == len(visits)
        for visit in visits:
            pings = [e.occurred_at for e in visit.events if e.kind == EventKind.ACTIVE_PING]
            gaps = {later - earlier for earlier, later in itertools.pairwise(pings)}
            assert all(timedelta(seconds=15) <= gap < VISIT_GAP for gap in gaps)


def test_no_visit_ends_after_now() -> None:
    visits, _reminders = simulate(4, people=60)
    assert max(visit.ended_at for visit in visits) <= NOW
    assert all(e.occurred_at <= NOW for visit in visits for e in visit.events)


def test_visit_times_are_wall_clock_times_across_dst() -> None:
    rng = random.Random(0)
    winter = local_start(rng, date(2026, 3, 28), HELSINKI, after=time(7))
    summer = local_start(rng, date(2026, 3, 30), HELSINKI, after=time(7))
    assert winter.utcoffset() == summer.utcoffset() == timedelta(0)
    assert winter.astimezone(HELSINKI).utcoffset() == timedelta(hours=2)
    assert summer.astimezone(HELSINKI).utcoffset() == timedelta(hours=3)
    assert winter.astimezone(HELSINKI).hour >= 7
    assert summer.astimezone(HELSINKI).hour >= 7


def test_the_same_seed_draws_the_same_visits() -> None:
    first, _ = simulate(9, people=20)
    again, _ = simulate(9, people=20)
    assert [v.events for v in first] == [v.events for v in again]


def test_enthusiasm_fades_over_the_weeks() -> None:
    visits, _reminders = simulate(5)
    weeks = Counter(
        (v.started_at.astimezone(HELSINKI).date() - STARTS_ON).days // 7 for v in visits
    )
    assert weeks[7] + weeks[8] < 0.7 * (weeks[0] + weeks[1])
