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
