"""Free times from wall-clock hours, including DST changes (Hypothesis) in several zones."""

import dataclasses
import datetime as dt
import zoneinfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from luukku.bookings.availability import (
    AdvisorRules,
    LocalHours,
    SlotRules,
    advisor_slots,
    is_free,
    parse_hours,
    team_slots,
)

UTC = dt.UTC
HELSINKI = "Europe/Helsinki"


def rules(
    zone: str = HELSINKI, hours: list[LocalHours] | None = None, **fields: object
) -> AdvisorRules:
    weekly = {day: hours or [(dt.time(9), dt.time(12))] for day in range(7)}
    return AdvisorRules(1, zone, weekly, {}, **fields)  # type: ignore[arg-type]  # overrides of mixed types


def window(
    start: dt.datetime, days: int = 1, minutes: int = 30, cap: int = 0, buffer: int = 0
) -> SlotRules:
    return SlotRules(
        duration=dt.timedelta(minutes=minutes),
        buffer=dt.timedelta(minutes=buffer),
        earliest=start,
        latest=start + dt.timedelta(days=days),
        daily_cap=cap,
    )


def local(text: str, zone: str = HELSINKI) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=zoneinfo.ZoneInfo(zone))


def test_office_hours_make_half_hour_slots_in_utc() -> None:
    slots = advisor_slots(rules(), window(local("2026-11-23 00:00")))
    assert [
        start.astimezone(zoneinfo.ZoneInfo(HELSINKI)).strftime("%H:%M") for start, _ in slots
    ] == [
        "09:00",
        "09:30",
        "10:00",
        "10:30",
        "11:00",
        "11:30",
    ]
    assert slots[0][0] == dt.datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # EET = UTC+2


def test_spring_forward_keeps_wall_clock_hours_in_helsinki() -> None:
    # 29 March 2026 is the last Sunday of March: Helsinki moves from +2 to +3 at 03:00.
    before = advisor_slots(rules(), window(local("2026-03-28 00:00")))
    after = advisor_slots(rules(), window(local("2026-03-29 00:00")))
    assert before[0][0] == dt.datetime(2026, 3, 28, 7, 0, tzinfo=UTC)
    assert after[0][0] == dt.datetime(2026, 3, 29, 6, 0, tzinfo=UTC)
    assert len(before) == len(after) == 6


def test_fall_back_keeps_wall_clock_hours_in_helsinki() -> None:
    # 25 October 2026, last Sunday of October: back from +3 to +2 at 04:00.
    slots = advisor_slots(rules(), window(local("2026-10-25 00:00")))
    assert slots[0][0] == dt.datetime(2026, 10, 25, 7, 0, tzinfo=UTC)
    saturday = advisor_slots(rules(), window(local("2026-10-24 00:00")))
    assert saturday[0][0] == dt.datetime(2026, 10, 24, 6, 0, tzinfo=UTC)


def test_hours_across_the_spring_gap_lose_the_missing_hour() -> None:
    night = rules(hours=[(dt.time(2), dt.time(5))])
    slots = advisor_slots(night, window(local("2026-03-29 00:00"), minutes=60))
    # 02:00-03:00 EET, then the clock jumps to 04:00 EEST; 04:00-05:00 EEST.
    assert [start.astimezone(UTC).hour for start, _ in slots] == [0, 1]
    gap = rules(hours=[(dt.time(1), dt.time(3, 30))])
    ends = [
        end for _start, end in advisor_slots(gap, window(local("2026-03-29 00:00"), minutes=30))
    ]
    assert max(ends) == dt.datetime(2026, 3, 29, 1, 0, tzinfo=UTC)  # the jump, not 04:30


def test_a_new_york_advisor_changes_on_the_american_date() -> None:
    # The USA moves clocks on 8 March 2026, three weeks before Europe.
    ny = rules(zone="America/New_York")
    friday = advisor_slots(ny, window(local("2026-03-06 00:00", "America/New_York")))
    monday = advisor_slots(ny, window(local("2026-03-09 00:00", "America/New_York")))
    assert friday[0][0].hour == 14  # 09:00 EST = 14:00 UTC
    assert monday[0][0].hour == 13  # 09:00 EDT = 13:00 UTC


def test_busy_time_and_buffer_hide_neighbouring_slots() -> None:
    busy = [(local("2026-11-23 10:00").astimezone(UTC), local("2026-11-23 10:45").astimezone(UTC))]
    found = advisor_slots(rules(busy=busy), window(local("2026-11-23 00:00"), buffer=0))
    labels = [s.astimezone(zoneinfo.ZoneInfo(HELSINKI)).strftime("%H:%M") for s, _ in found]
    assert labels == ["09:00", "09:30", "11:00", "11:30"]


def test_buffer_spaces_the_offered_times() -> None:
    found = advisor_slots(rules(), window(local("2026-11-23 00:00"), buffer=15))
    labels = [s.astimezone(zoneinfo.ZoneInfo(HELSINKI)).strftime("%H:%M") for s, _ in found]
    assert labels == ["09:00", "09:45", "10:30", "11:15"]


def test_daily_cap_closes_the_day() -> None:
    full = rules(booked_per_day={dt.date(2026, 11, 23): 2})
    assert advisor_slots(full, window(local("2026-11-23 00:00"), cap=2)) == []
    assert advisor_slots(full, window(local("2026-11-23 00:00"), cap=3))


def test_date_exception_replaces_or_closes_the_day() -> None:
    closed = rules()
    closed.exceptions[dt.date(2026, 11, 23)] = []
    assert advisor_slots(closed, window(local("2026-11-23 00:00"))) == []
    short = rules()
    short.exceptions[dt.date(2026, 11, 23)] = [(dt.time(14), dt.time(15))]
    assert len(advisor_slots(short, window(local("2026-11-23 00:00")))) == 2


def test_team_slots_list_every_free_advisor() -> None:
    first, second = rules(), rules()
    second.advisor_id = 2
    second.busy = [
        (local("2026-11-23 09:00").astimezone(UTC), local("2026-11-23 09:30").astimezone(UTC))
    ]
    found = team_slots([first, second], window(local("2026-11-23 00:00")))
    assert found[local("2026-11-23 09:00").astimezone(UTC)] == [1]
    assert found[local("2026-11-23 09:30").astimezone(UTC)] == [1, 2]


def test_is_free_refuses_off_grid_times() -> None:
    assert is_free(rules(), window(local("2026-11-23 00:00")), local("2026-11-23 09:30"))
    assert not is_free(rules(), window(local("2026-11-23 00:00")), local("2026-11-23 09:10"))
    assert not is_free(rules(), window(local("2026-11-23 00:00")), local("2026-11-23 12:00"))


@pytest.mark.parametrize("text", ["9-17", "10:00-09:00", "09:00-12:00, 11:00-13:00", "25:00-26:00"])
def test_bad_hours_are_refused_with_a_message(text: str) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        parse_hours(text)


ZONES = ["Europe/Helsinki", "America/New_York", "Australia/Sydney", "Asia/Kolkata"]
# Dates around the changes of 2026 in those zones, plus ordinary dates.
DAYS = st.dates(min_value=dt.date(2026, 3, 1), max_value=dt.date(2026, 11, 10))


@st.composite
def hours(draw: st.DrawFn) -> list[tuple[dt.time, dt.time]]:
    start = draw(st.integers(min_value=0, max_value=22 * 60))
    end = draw(st.integers(min_value=start + 30, max_value=24 * 60 - 1))
    return [(dt.time(start // 60, start % 60), dt.time(end // 60, end % 60))]


@settings(max_examples=200, deadline=None)
@example("Europe/Helsinki", dt.date(2026, 3, 29), [(dt.time(2, 30), dt.time(5))], 30, 0)
@example("Europe/Helsinki", dt.date(2026, 3, 29), [(dt.time(1), dt.time(3, 30))], 45, 10)
@example("Europe/Helsinki", dt.date(2026, 10, 25), [(dt.time(3, 30), dt.time(5))], 30, 0)
@example("America/New_York", dt.date(2026, 3, 8), [(dt.time(1), dt.time(4))], 60, 0)
@example("America/New_York", dt.date(2026, 11, 1), [(dt.time(0), dt.time(3))], 15, 10)
@example("Australia/Sydney", dt.date(2026, 4, 5), [(dt.time(1), dt.time(4))], 30, 0)
@example("Australia/Sydney", dt.date(2026, 10, 4), [(dt.time(0), dt.time(0, 30))], 15, 0)
@given(
    zone=st.sampled_from(ZONES),
    day=DAYS,
    hours_=hours(),
    minutes=st.sampled_from([15, 30, 45, 60]),
    buffer=st.sampled_from([0, 10]),
)
def test_every_slot_lies_inside_the_wall_clock_hours(
    zone: str, day: dt.date, hours_: list[LocalHours], minutes: int, buffer: int
) -> None:
    advisor = rules(zone=zone, hours=hours_)
    tz = zoneinfo.ZoneInfo(zone)
    start_of_day = dt.datetime.combine(day, dt.time(0), tzinfo=tz).astimezone(UTC)
    next_day = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=tz)
    one_day = window(start_of_day, minutes=minutes, buffer=buffer)
    # A local day of a DST change lasts 23 or 25 hours: end at the next local midnight.
    one_day = dataclasses.replace(one_day, latest=next_day.astimezone(UTC))
    slots = advisor_slots(advisor, one_day)
    opens, closes = hours_[0]
    previous_end = None
    for start, end in slots:
        assert end - start == dt.timedelta(minutes=minutes)  # real minutes, whatever the clock
        # No minute of a session shows a wall-clock time outside the hours, except the
        # repeated hour of the autumn fold (second occurrences have fold=1).
        for minute in (start, end - dt.timedelta(minutes=1)):
            wall = minute.astimezone(tz)
            assert wall.date() == day
            assert opens <= wall.time() < closes or wall.fold == 1
        if previous_end is not None:
            assert start >= previous_end + dt.timedelta(minutes=buffer)
        previous_end = end


@settings(max_examples=100, deadline=None)
@given(zone=st.sampled_from(ZONES), day=DAYS, taken=st.integers(min_value=0, max_value=5))
def test_no_offered_slot_meets_a_busy_interval(zone: str, day: dt.date, taken: int) -> None:
    tz = zoneinfo.ZoneInfo(zone)
    base = dt.datetime.combine(day, dt.time(9), tzinfo=tz).astimezone(UTC)
    busy = [
        (base + dt.timedelta(minutes=40 * n), base + dt.timedelta(minutes=40 * n + 25))
        for n in range(taken)
    ]
    advisor = rules(zone=zone, busy=busy)
    start_of_day = dt.datetime.combine(day, dt.time(0), tzinfo=tz).astimezone(UTC)
    for start, end in advisor_slots(advisor, window(start_of_day)):
        assert all(not (start < b_end and b_start < end) for b_start, b_end in busy)
        assert is_free(advisor, window(start_of_day), start)
