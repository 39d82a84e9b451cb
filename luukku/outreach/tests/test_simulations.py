"""The effect report's rules under simulation: pure functions on arrays, many seeds.

A null effect must claim an effect in about 5 % of messages (the 95 % level), a pure shift
of visits to the send day must not read as a gain, the power figures must match what the
simulated tests find, and pooling many messages must find what one cannot.
"""

import math
import random

from luukku.outreach import stats
from luukku.outreach.effect import verdict_for

SEEDS = 200
RECIPIENTS, HOLDOUT = 270, 30  # a 300-person programme, the default 10 % hold-out
DAYS = 7


def _visit_days(rng: random.Random, people: int) -> list[list[int]]:
    """Visits per person and day over the 7 days from the send day (0 or 1 per day); each
    person has their own rate, as real participants do."""
    rates = [min(0.9, rng.betavariate(1.2, 3.0)) for _ in range(people)]
    return [[int(rng.random() < rate) for _ in range(DAYS)] for rate in rates]


def _totals(days: list[list[int]]) -> list[float]:
    return [float(sum(person)) for person in days]


def _back_within_72_hours(days: list[list[int]]) -> int:
    return sum(1 for person in days if any(person[:3]))


def _shift_to_send_day(days: list[list[int]]) -> list[list[int]]:
    """Move one later visit to the send day for people who would not have come in the first
    72 hours: more "returns", not one visit more."""
    shifted = []
    for person in days:
        moved = list(person)
        if not any(moved[:3]) and any(moved[3:]):
            later = 3 + moved[3:].index(1)
            moved[later], moved[0] = 0, 1
        shifted.append(moved)
    return shifted


def _claims(interval: stats.Interval | None) -> bool:
    return interval is not None and not interval.spans_zero


def test_a_null_effect_claims_an_effect_in_about_five_percent_of_seeds() -> None:
    visits_claims = returns_claims = 0
    for seed in range(SEEDS):
        rng = random.Random(seed)
        sent, held = _visit_days(rng, RECIPIENTS), _visit_days(rng, HOLDOUT)
        visits_claims += verdict_for(stats.mean_difference(_totals(sent), _totals(held))) in (
            "more",
            "fewer",
        )
        returns = stats.share_difference(
            _back_within_72_hours(sent), RECIPIENTS, _back_within_72_hours(held), HOLDOUT
        )
        returns_claims += _claims(returns)
    assert 0.02 <= visits_claims / SEEDS <= 0.09
    assert 0.01 <= returns_claims / SEEDS <= 0.09


def test_a_pure_shift_of_visits_to_the_send_day_is_not_called_a_gain() -> None:
    gains = shifted_returns_claims = 0
    for seed in range(SEEDS):
        rng = random.Random(10_000 + seed)
        sent = _shift_to_send_day(_visit_days(rng, RECIPIENTS))
        held = _visit_days(rng, HOLDOUT)
        gains += verdict_for(stats.mean_difference(_totals(sent), _totals(held))) == "more"
        returns = stats.share_difference(
            _back_within_72_hours(sent), RECIPIENTS, _back_within_72_hours(held), HOLDOUT
        )
        shifted_returns_claims += _claims(returns) and returns is not None and returns.estimate > 0
    assert gains / SEEDS <= 0.09  # the headline (net 7-day visits) is not fooled
    assert shifted_returns_claims / SEEDS >= 0.15  # the 72-hour return alone would be


def _detected(rng: random.Random, baseline: float, rise: float) -> bool:
    back_sent = sum(rng.random() < baseline + rise for _ in range(RECIPIENTS))
    back_held = sum(rng.random() < baseline for _ in range(HOLDOUT))
    return _claims(stats.share_difference(back_sent, RECIPIENTS, back_held, HOLDOUT))


def test_the_default_hold_out_sees_about_25_points_and_a_15_point_rise_a_third_of_the_time() -> (
    None
):
    detectable = stats.detectable_share_difference(RECIPIENTS, HOLDOUT, 0.4)
    assert detectable is not None
    assert 0.23 <= detectable <= 0.29
    rng = random.Random(7)
    small = sum(_detected(rng, 0.4, 0.15) for _ in range(SEEDS)) / SEEDS
    large = sum(_detected(rng, 0.4, detectable) for _ in range(SEEDS)) / SEEDS
    assert 0.2 <= small <= 0.5
    assert 0.7 <= large <= 0.92  # the detectable size is found about 80 % of the time
    # Even half of 300 people cannot see 15 points reliably: the largest choice is offered.
    assert stats.suggested_holdout_percent(300, 0.4, 0.15) == 50
    assert stats.suggested_holdout_percent(800, 0.4, 0.15) == 15


def test_no_measurable_effect_says_how_large_an_effect_it_could_have_seen() -> None:
    interval = stats.share_difference(110, RECIPIENTS, 11, HOLDOUT)
    assert interval is not None
    assert interval.spans_zero
    seen = stats.detectable_from_interval(interval)
    expected = stats.detectable_share_difference(RECIPIENTS, HOLDOUT, 0.4)
    assert expected is not None
    assert math.isclose(seen, expected, rel_tol=0.2)


def _pooled_messages(rng: random.Random, rise: float, messages: int) -> stats.Pooled | None:
    pairs = []
    for _ in range(messages):
        baseline = rng.uniform(0.25, 0.55)
        back_sent = sum(rng.random() < baseline + rise for _ in range(RECIPIENTS))
        back_held = sum(rng.random() < baseline for _ in range(HOLDOUT))
        difference = back_sent / RECIPIENTS - back_held / HOLDOUT
        variance = stats.share_difference_variance(back_sent, RECIPIENTS, back_held, HOLDOUT)
        pairs.append((difference, variance))
    return stats.pooled_estimate(pairs)


def test_pooling_twenty_null_messages_claims_an_effect_in_about_five_percent_of_seeds() -> None:
    claims = 0
    for seed in range(SEEDS):
        pooled = _pooled_messages(random.Random(20_000 + seed), 0.0, 20)
        assert pooled is not None
        claims += _claims(pooled.interval)
    assert 0.02 <= claims / SEEDS <= 0.09


def test_pooling_finds_a_ten_point_rise_no_single_message_can_see() -> None:
    found = 0
    for seed in range(100):
        pooled = _pooled_messages(random.Random(30_000 + seed), 0.10, 20)
        assert pooled is not None
        found += _claims(pooled.interval) and pooled.interval.estimate > 0
    assert found >= 80


def test_der_simonian_laird_matches_a_worked_example() -> None:
    # Three studies, hand-computed: fixed weights 100, 25, 11.11; Q = 6.18, tau2 = 0.0121.
    pooled = stats.pooled_estimate([(0.10, 0.01), (0.30, 0.04), (-0.20, 0.09)])
    assert pooled is not None
    assert pooled.messages == 3
    fixed_weights = [100.0, 25.0, 1 / 0.09]
    values = [0.10, 0.30, -0.20]
    fixed = sum(w * v for w, v in zip(fixed_weights, values, strict=True)) / sum(fixed_weights)
    q = sum(w * (v - fixed) ** 2 for w, v in zip(fixed_weights, values, strict=True))
    scale = sum(fixed_weights) - sum(w * w for w in fixed_weights) / sum(fixed_weights)
    assert math.isclose(pooled.heterogeneity, max(0.0, (q - 2) / scale))
    assert pooled.interval.low < pooled.interval.estimate < pooled.interval.high
