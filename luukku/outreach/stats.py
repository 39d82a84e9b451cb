"""The numbers behind the effect report: 95 % intervals and the seed's send-day ratio.

Pure functions. Differences of shares use Newcombe's hybrid score interval (built from
Wilson intervals), which behaves at small groups and shares near 0 or 1 where the textbook
Wald interval does not; differences of means use Welch's interval.
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

Z_95 = 1.959963984540054


@dataclass(frozen=True)
class Interval:
    estimate: float
    low: float
    high: float

    @property
    def spans_zero(self) -> bool:
        return self.low <= 0 <= self.high


def wilson(successes: int, total: int, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval of a share."""
    if total == 0:
        return 0.0, 1.0
    share = successes / total
    denominator = 1 + z * z / total
    centre = (share + z * z / (2 * total)) / denominator
    half = z * math.sqrt(share * (1 - share) / total + z * z / (4 * total * total)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def share_difference(
    successes_a: int, total_a: int, successes_b: int, total_b: int
) -> Interval | None:
    """Share in group a minus share in group b with Newcombe's 95 % interval; None if empty."""
    if total_a == 0 or total_b == 0:
        return None
    share_a, share_b = successes_a / total_a, successes_b / total_b
    low_a, high_a = wilson(successes_a, total_a)
    low_b, high_b = wilson(successes_b, total_b)
    difference = share_a - share_b
    low = difference - math.sqrt((share_a - low_a) ** 2 + (high_b - share_b) ** 2)
    high = difference + math.sqrt((high_a - share_a) ** 2 + (share_b - low_b) ** 2)
    return Interval(difference, low, high)


def t_quantile_975(degrees: float) -> float:
    """The 97.5 % point of Student's t (Cornish-Fisher expansion; within 0.5 % for df >= 3)."""
    if degrees <= 0 or math.isinf(degrees):
        return Z_95
    z, df = Z_95, degrees
    return (
        z
        + (z**3 + z) / (4 * df)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
    )


def _mean_and_variance(values: Sequence[float]) -> tuple[float, float]:
    mean = sum(values) / len(values)
    if len(values) < 2:
        return mean, 0.0
    return mean, sum((value - mean) ** 2 for value in values) / (len(values) - 1)


def mean_difference(group_a: Sequence[float], group_b: Sequence[float]) -> Interval | None:
    """Mean of a minus mean of b with Welch's 95 % interval; None unless both have 2+ values."""
    if len(group_a) < 2 or len(group_b) < 2:
        return None
    mean_a, variance_a = _mean_and_variance(group_a)
    mean_b, variance_b = _mean_and_variance(group_b)
    part_a, part_b = variance_a / len(group_a), variance_b / len(group_b)
    error = math.sqrt(part_a + part_b)
    difference = mean_a - mean_b
    if error == 0:
        return Interval(difference, difference, difference)
    degrees = (part_a + part_b) ** 2 / (
        part_a**2 / (len(group_a) - 1) + part_b**2 / (len(group_b) - 1)
    )
    half = t_quantile_975(degrees) * error
    return Interval(difference, difference - half, difference + half)


# The seed's measure looks this many days either side of a send day.
RATIO_WINDOW_DAYS = 14


def send_day_ratio(
    day: date,
    visits: Mapping[date, int],
    message_days: Iterable[date],
    today: date,
    first_day: date | None = None,
) -> float | None:
    """Visits on `day` ÷ mean visits on days without messages within ±14 days.

    Comparison days are complete days of the programme: from `first_day` (its start) to
    yesterday. None when there is no comparison day or they had no visits at all.
    """
    excluded = set(message_days) | {day}
    others = [
        visits.get(other, 0)
        for offset in range(-RATIO_WINDOW_DAYS, RATIO_WINDOW_DAYS + 1)
        if (other := day + timedelta(days=offset)) not in excluded
        and other < today
        and (first_day is None or other >= first_day)
    ]
    if not others or sum(others) == 0:
        return None
    return visits.get(day, 0) / (sum(others) / len(others))


# ---- power: how large an effect a test of this size can see ----------------------------

# The power the report's "can detect" figures are for: an effect that large is found (its
# 95 % interval excludes zero) in 80 % of messages.
POWER = 0.8
Z_80 = 0.8416212335729143


def detectable_share_difference(
    recipients: int, holdout: int, baseline: float, *, power_z: float = Z_80
) -> float | None:
    """The smallest rise in a share (e.g. of people back within 72 h) that groups of these
    sizes detect with 80 % power at the 95 % level, from the share without a message.

    The normal approximation: (z_0.975 + z_0.8) x the standard error of the difference.
    None when a group is empty.
    """
    if recipients <= 0 or holdout <= 0:
        return None
    share = min(max(baseline, 0.05), 0.95)
    error = math.sqrt(share * (1 - share) * (1 / recipients + 1 / holdout))
    return (Z_95 + power_z) * error


def suggested_holdout_percent(
    people: int,
    baseline: float,
    target: float,
    choices: Sequence[int] = (10, 15, 20, 25, 30, 40, 50),
) -> int:
    """The smallest hold-out share whose detectable difference is at most `target` (the
    largest choice if none is: the audience is too small to see such an effect)."""
    for percent in choices:
        holdout = round(people * percent / 100)
        found = detectable_share_difference(people - holdout, holdout, baseline)
        if found is not None and found <= target:
            return percent
    return choices[-1]


def detectable_from_interval(interval: Interval) -> float:
    """What a measured difference's interval says it could have detected (80 % power)."""
    return (interval.high - interval.low) / 2 * (Z_95 + Z_80) / Z_95


# ---- pooling messages: a random-effects estimate -----------------------------------------


def share_difference_variance(
    successes_a: int, total_a: int, successes_b: int, total_b: int
) -> float:
    """Variance of a difference of shares, with half a success added to each group so that
    a share of 0 or 1 does not claim certainty."""
    share_a = (successes_a + 0.5) / (total_a + 1)
    share_b = (successes_b + 0.5) / (total_b + 1)
    return share_a * (1 - share_a) / total_a + share_b * (1 - share_b) / total_b


@dataclass(frozen=True)
class Pooled:
    """A DerSimonian-Laird random-effects estimate over several messages."""

    interval: Interval
    messages: int
    heterogeneity: float  # tau squared: how much the true effects differ between messages


def pooled_estimate(estimates: Sequence[tuple[float, float]]) -> Pooled | None:
    """Pool (estimate, variance) pairs of independent messages (DerSimonian-Laird).

    Each message is weighted by 1 / (its variance + the between-message variance), so one
    large message cannot hide that the others disagree. None without any message.
    """
    usable = [(value, variance) for value, variance in estimates if variance > 0]
    if not usable:
        return None
    weights = [1 / variance for _value, variance in usable]
    fixed = sum(w * value for w, (value, _v) in zip(weights, usable, strict=True)) / sum(weights)
    q = sum(w * (value - fixed) ** 2 for w, (value, _v) in zip(weights, usable, strict=True))
    scale = sum(weights) - sum(w * w for w in weights) / sum(weights)
    tau2 = max(0.0, (q - (len(usable) - 1)) / scale) if scale > 0 else 0.0
    random_weights = [1 / (variance + tau2) for _value, variance in usable]
    total = sum(random_weights)
    estimate = sum(w * value for w, (value, _v) in zip(random_weights, usable, strict=True)) / total
    half = Z_95 * math.sqrt(1 / total)
    return Pooled(Interval(estimate, estimate - half, estimate + half), len(usable), tau2)


def mean_difference_variance(group_a: Sequence[float], group_b: Sequence[float]) -> float:
    """Variance of a difference of means (Welch's), for pooling; 0 if a group is too small."""
    if len(group_a) < 2 or len(group_b) < 2:
        return 0.0
    _mean_a, variance_a = _mean_and_variance(group_a)
    _mean_b, variance_b = _mean_and_variance(group_b)
    return variance_a / len(group_a) + variance_b / len(group_b)
