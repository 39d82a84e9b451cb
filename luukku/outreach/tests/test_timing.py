import zoneinfo
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from luukku.outreach import timing

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


def test_a_late_evening_send_moves_to_eight_the_next_morning() -> None:
    evening = datetime(2026, 3, 10, 20, 30, tzinfo=UTC)  # 22:30 in Helsinki
    moved = timing.after_quiet_hours(evening, HELSINKI, 21, 8)
    assert moved.astimezone(HELSINKI) == datetime(2026, 3, 11, 8, 0, tzinfo=HELSINKI)


def test_an_early_morning_send_moves_to_eight_the_same_morning() -> None:
    night = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)  # 05:00 in Helsinki
    moved = timing.after_quiet_hours(night, HELSINKI, 21, 8)
    assert moved.astimezone(HELSINKI) == datetime(2026, 3, 10, 8, 0, tzinfo=HELSINKI)


def test_a_daytime_send_is_left_alone() -> None:
    noon = datetime(2026, 3, 10, 10, 0, tzinfo=UTC)
    assert timing.after_quiet_hours(noon, HELSINKI, 21, 8) == noon


def test_eight_oclock_across_the_spring_dst_change_is_local_eight() -> None:
    # 29 March 2026 clocks go forward in Helsinki: 08:00 is 05:00 UTC, not 06:00.
    night = datetime(2026, 3, 28, 22, 0, tzinfo=UTC)
    moved = timing.after_quiet_hours(night, HELSINKI, 21, 8)
    assert moved == datetime(2026, 3, 29, 5, 0, tzinfo=UTC)


def test_next_weekly_slot_is_the_coming_weekday_at_the_hour() -> None:
    wednesday = datetime(2026, 3, 11, 12, 0, tzinfo=UTC)
    slot = timing.next_weekly_slot(wednesday, HELSINKI, 0, 10)  # Monday 10:00
    assert slot.astimezone(HELSINKI) == datetime(2026, 3, 16, 10, 0, tzinfo=HELSINKI)


# The test makes each drawn (naive) moment UTC.
START = datetime(2025, 1, 1)  # noqa: DTZ001  # Hypothesis takes naive bounds only
END = datetime(2028, 1, 1)  # noqa: DTZ001  # Hypothesis takes naive bounds only


@given(st.datetimes(min_value=START, max_value=END))
def test_after_quiet_hours_is_never_earlier_and_never_quiet(naive: datetime) -> None:
    moment = naive.replace(tzinfo=UTC)
    moved = timing.after_quiet_hours(moment, HELSINKI, 21, 8)
    assert moved >= moment
    assert not timing.in_quiet_hours(moved, HELSINKI, 21, 8)
