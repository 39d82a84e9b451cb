"""Opening hours expanded per date: targets count open time only, across DST changes."""

import datetime
import zoneinfo

from hypothesis import given
from hypothesis import strategies as st

from luukku.core.opening_hours import add_open_time, is_open, open_time_between, weekly_hours

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
HOUR = datetime.timedelta(hours=1)
OFFICE = weekly_hours(
    [(day, datetime.time(9), datetime.time(16)) for day in range(5)], "Europe/Helsinki"
)


def local(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=HELSINKI)


def test_time_after_closing_waits_for_the_next_opening() -> None:
    # Friday 15:00 + 2 h of opening time = Monday 10:00.
    assert add_open_time(OFFICE, local(2026, 3, 6, 15), 2 * HOUR) == local(2026, 3, 9, 10)


def test_weekend_arrival_counts_from_monday_morning() -> None:
    assert add_open_time(OFFICE, local(2026, 3, 7, 12), HOUR) == local(2026, 3, 9, 10)


def test_no_periods_means_always_open() -> None:
    always = weekly_hours([], "Europe/Helsinki")
    assert add_open_time(always, local(2026, 3, 7, 12), HOUR) == local(2026, 3, 7, 13)
    assert is_open(always, local(2026, 3, 7, 3))


def test_wall_clock_hours_survive_the_spring_change() -> None:
    # Helsinki moves from +02 to +03 on Sunday 29 March 2026; Monday still opens at 09:00 local.
    due = add_open_time(OFFICE, local(2026, 3, 27, 15), 2 * HOUR)
    assert due == local(2026, 3, 30, 10)
    assert due is not None
    assert due.astimezone(HELSINKI).utcoffset() == datetime.timedelta(hours=3)


def test_a_night_period_across_the_spring_gap_is_one_hour_shorter() -> None:
    night = weekly_hours([(6, datetime.time(2), datetime.time(5))], "Europe/Helsinki")
    sunday = local(2026, 3, 29, 0)
    assert open_time_between(night, sunday, sunday + 24 * HOUR) == 2 * HOUR
    ordinary = local(2026, 3, 22, 0)
    assert open_time_between(night, ordinary, ordinary + 24 * HOUR) == 3 * HOUR


def test_a_night_period_across_the_autumn_change_is_one_hour_longer() -> None:
    night = weekly_hours([(6, datetime.time(2), datetime.time(5))], "Europe/Helsinki")
    sunday = local(2026, 10, 25, 0)
    assert open_time_between(night, sunday, sunday + 25 * HOUR) == 4 * HOUR


def test_is_open() -> None:
    assert is_open(OFFICE, local(2026, 3, 9, 9, 30))
    assert not is_open(OFFICE, local(2026, 3, 9, 16, 0))
    assert not is_open(OFFICE, local(2026, 3, 8, 12, 0))


# timezones= makes every drawn moment aware.
START = datetime.datetime(2025, 1, 1)  # noqa: DTZ001  # Hypothesis takes naive bounds only
END = datetime.datetime(2027, 12, 31)  # noqa: DTZ001  # Hypothesis takes naive bounds only
moments = st.datetimes(min_value=START, max_value=END, timezones=st.just(datetime.UTC))
durations = st.integers(min_value=0, max_value=60 * 24 * 10).map(
    lambda m: datetime.timedelta(minutes=m)
)


@given(start=moments, duration=durations)
def test_adding_open_time_then_measuring_it_gives_it_back(
    start: datetime.datetime, duration: datetime.timedelta
) -> None:
    due = add_open_time(OFFICE, start, duration)
    assert due is not None
    assert due >= start
    assert open_time_between(OFFICE, start, due) == duration
    if duration:
        assert is_open(OFFICE, due - datetime.timedelta(microseconds=1))


@given(start=moments, first=durations, second=durations)
def test_open_time_adds_up(
    start: datetime.datetime, first: datetime.timedelta, second: datetime.timedelta
) -> None:
    middle = add_open_time(OFFICE, start, first)
    assert middle is not None
    assert add_open_time(OFFICE, middle, second) == add_open_time(OFFICE, start, first + second)
