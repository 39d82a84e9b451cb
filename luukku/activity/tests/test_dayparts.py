from datetime import UTC, datetime

import pytest

from luukku.activity.dayparts import DayPart, day_part, is_weekend, to_local

HELSINKI = "Europe/Helsinki"


@pytest.mark.parametrize(
    ("hour", "minute", "expected"),
    [
        (6, 59, DayPart.NIGHT),
        (7, 0, DayPart.DAY),
        (16, 59, DayPart.DAY),
        (17, 0, DayPart.EVENING),
        (22, 59, DayPart.EVENING),
        (23, 0, DayPart.NIGHT),
        (0, 0, DayPart.NIGHT),
    ],
)
def test_day_part_edges(hour: int, minute: int, expected: DayPart) -> None:
    local = to_local(datetime(2025, 6, 2, 12, tzinfo=UTC), HELSINKI).replace(
        hour=hour, minute=minute
    )
    assert day_part(local) == expected


def test_spring_forward_day_uses_summer_offset_after_the_change() -> None:
    # 2025-03-30 clocks in Helsinki jump from 03:00 EET to 04:00 EEST.
    before_change = to_local(datetime(2025, 3, 30, 0, 30, tzinfo=UTC), HELSINKI)
    morning = to_local(datetime(2025, 3, 30, 4, 0, tzinfo=UTC), HELSINKI)
    assert (before_change.hour, day_part(before_change)) == (2, DayPart.NIGHT)
    assert (morning.hour, day_part(morning)) == (7, DayPart.DAY)
    # The same UTC time a day earlier, still in winter time, is night.
    assert day_part(to_local(datetime(2025, 3, 29, 4, 0, tzinfo=UTC), HELSINKI)) == DayPart.NIGHT


def test_fall_back_day_uses_winter_offset_after_the_change() -> None:
    # 2025-10-26 clocks in Helsinki go back from 04:00 EEST to 03:00 EET.
    evening = to_local(datetime(2025, 10, 26, 15, 0, tzinfo=UTC), HELSINKI)
    night = to_local(datetime(2025, 10, 26, 21, 0, tzinfo=UTC), HELSINKI)
    assert (evening.hour, day_part(evening)) == (17, DayPart.EVENING)
    assert (night.hour, day_part(night)) == (23, DayPart.NIGHT)
    # A day earlier, in summer time, 15:00 UTC was already 18:00 and 20:00 UTC was 23:00.
    assert to_local(datetime(2025, 10, 25, 15, 0, tzinfo=UTC), HELSINKI).hour == 18


def test_weekend_follows_the_local_date_not_utc() -> None:
    # Friday 22:30 UTC is already Saturday 00:30 (or 01:30) in Helsinki.
    friday_night_utc = datetime(2025, 6, 6, 22, 30, tzinfo=UTC)
    assert not is_weekend(friday_night_utc)
    assert is_weekend(to_local(friday_night_utc, HELSINKI))


@pytest.mark.parametrize(
    ("day", "expected"),
    [(2, False), (6, False), (7, True), (8, True), (9, False)],
)
def test_weekend_is_saturday_and_sunday(day: int, expected: bool) -> None:
    assert is_weekend(to_local(datetime(2025, 6, day, 12, tzinfo=UTC), HELSINKI)) is expected
