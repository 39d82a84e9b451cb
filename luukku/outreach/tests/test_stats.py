from datetime import date, timedelta

import pytest

from luukku.outreach import stats


def test_wilson_interval_matches_the_textbook_value() -> None:
    low, high = stats.wilson(8, 10)
    assert low == pytest.approx(0.4902, abs=1e-3)
    assert high == pytest.approx(0.9433, abs=1e-3)


def test_newcombe_difference_matches_newcombe_1998_example() -> None:
    # Newcombe (1998), Statistics in Medicine 17:873, example (a): 56/70 vs 48/80.
    interval = stats.share_difference(56, 70, 48, 80)
    assert interval is not None
    assert interval.estimate == pytest.approx(0.2)
    assert interval.low == pytest.approx(0.0524, abs=1e-3)
    assert interval.high == pytest.approx(0.3339, abs=1e-3)
    assert not interval.spans_zero


def test_small_equal_groups_span_zero() -> None:
    interval = stats.share_difference(3, 10, 2, 10)
    assert interval is not None
    assert interval.spans_zero


def test_no_holdout_means_no_interval() -> None:
    assert stats.share_difference(3, 10, 0, 0) is None


def test_welch_interval_of_clearly_different_means() -> None:
    interval = stats.mean_difference([5, 6, 7, 5, 6, 7], [1, 2, 1, 2, 1, 2])
    assert interval is not None
    assert interval.estimate == pytest.approx(4.5)
    assert interval.low > 0


def test_t_quantile_is_close_to_tables() -> None:
    assert stats.t_quantile_975(10) == pytest.approx(2.228, abs=0.01)
    assert stats.t_quantile_975(30) == pytest.approx(2.042, abs=0.005)


def test_send_day_ratio_leaves_out_other_message_days_and_the_future() -> None:
    day = date(2026, 3, 16)
    visits = {day + timedelta(days=offset): 10 for offset in range(-14, 15)}
    visits[day] = 25
    visits[day - timedelta(days=7)] = 40  # another message day: not a baseline day
    ratio = stats.send_day_ratio(day, visits, [day - timedelta(days=7)], today=day)
    assert ratio == pytest.approx(2.5)


def test_send_day_ratio_without_baseline_visits_is_unknown() -> None:
    day = date(2026, 3, 16)
    assert stats.send_day_ratio(day, {day: 5}, [], today=day) is None
