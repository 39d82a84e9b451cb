"""The pure rules: statuses at their edges, and publish slots from a known week."""

from datetime import date, timedelta

import pytest

from luukku.activity.rules import PublishSlot, best_slots, cohort_median, member_status

AS_OF = date(2026, 3, 18)


def status(
    last_days_ago: int | None,
    *,
    joined_days_ago: int = 60,
    window_visits: int = 5,
    median: float = 4,
) -> str:
    return str(member_status(
        last_day=None if last_days_ago is None else AS_OF - timedelta(days=last_days_ago),
        joined_day=AS_OF - timedelta(days=joined_days_ago),
        window_visits=window_visits, median=median, as_of=AS_OF, passive_days=7,
    ))  # fmt: skip


@pytest.mark.parametrize(
    ("days", "expected"),
    [(0, "active"), (6, "active"), (7, "passive"), (20, "passive"), (21, "dropped_off")],
)
def test_days_without_a_visit(days: int, expected: str) -> None:
    assert status(days) == expected


def test_below_a_quarter_of_the_median_is_passive_and_a_quarter_is_not() -> None:
    assert status(1, window_visits=1, median=8) == "passive"
    assert status(1, window_visits=2, median=8) == "active"


def test_a_late_joiner_is_compared_pro_rata() -> None:
    # Joined 7 days ago: expected 0.25 x 8 x 8/14 = 1.14 visits.
    assert status(1, joined_days_ago=7, window_visits=1, median=8) == "passive"
    assert status(1, joined_days_ago=7, window_visits=2, median=8) == "active"
    # Joined 3 days ago: too early for the cohort rule.
    assert status(1, joined_days_ago=3, window_visits=0, median=8) == "active"


def test_never_visited_counts_from_joining() -> None:
    assert status(None, joined_days_ago=2, window_visits=0, median=0) == "active"
    assert status(None, joined_days_ago=7, window_visits=0, median=0) == "passive"
    assert status(None, joined_days_ago=21, window_visits=0, median=0) == "dropped_off"


def test_cohort_median_uses_the_members_present_for_the_whole_window() -> None:
    start = AS_OF - timedelta(days=13)
    joined = {1: start, 2: start, 3: start, 4: AS_OF}
    assert cohort_median({1: 2, 2: 4, 3: 9, 4: 0}, joined, start) == 4


def test_best_slots_are_non_overlapping_three_hour_windows() -> None:
    week = [0] * 168
    week[10] = 10  # Monday 10
    week[11] = 5  # Monday 11
    week[24 + 18] = 6  # Tuesday 18
    week[6 * 24 + 20] = 3  # Sunday 20
    slots = best_slots(week, 3)
    assert slots[0] == PublishSlot(0, 9, 15 / 24)
    assert slots[1] == PublishSlot(1, 16, 6 / 24)
    assert slots[2] == PublishSlot(6, 18, 3 / 24)


def test_no_visits_no_slots() -> None:
    assert best_slots([0] * 168, 3) == []
