"""The effect report: what a message (or an automation's messages) did, against the hold-out.

DESIGN, "Message effect": the verdict is the mean visits per person over the 7 days from
the send day against the hold-out's (a send-day spike can merely move visits that would
have come anyway; only the 7-day figure shows whether any were added). Second, the share
who did something in the programme within 24 h and 72 h (opening the message or following
its link alone is not a return), against the hold-out's share, each with a 95 % interval;
and the seed's send-day ratio. When an interval spans zero the report says "no measurable
effect" and how large an effect a test of its size could have seen.
"""

import zoneinfo
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import (
    Count,
    DateTimeField,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
)
from django.utils import timezone

from luukku.activity import queries as activity_queries
from luukku.outreach import stats
from luukku.outreach.models import Delivery, DeliveryGroup, DeliveryStatus
from luukku.outreach.queries import message_send_dates
from luukku.programmes.models import Programme

WINDOWS = (timedelta(hours=24), timedelta(hours=72))
VISIT_DAYS = 7


@dataclass(frozen=True)
class Returned:
    window_hours: int
    recipients: int
    recipients_returned: int
    holdout: int
    holdout_returned: int
    difference: stats.Interval | None
    complete: bool  # the window has ended for everyone

    @property
    def recipient_share(self) -> float | None:
        return self.recipients_returned / self.recipients if self.recipients else None

    @property
    def holdout_share(self) -> float | None:
        return self.holdout_returned / self.holdout if self.holdout else None


@dataclass(frozen=True)
class Effect:
    counts: dict[str, int]
    returned: list[Returned]
    visits_difference: stats.Interval | None
    send_day_ratio: float | None

    @property
    def main(self) -> Returned | None:
        return self.returned[-1] if self.returned else None

    @property
    def verdict(self) -> str:
        """'no_holdout', 'no_effect', 'more' or 'fewer': by the net 7-day visits."""
        return verdict_for(self.visits_difference)

    @property
    def visits_detectable(self) -> float | None:
        """The smallest difference in 7-day visits per person this test finds 80 % of the
        time: what "no measurable effect" could have seen."""
        interval = self.visits_difference
        return stats.detectable_from_interval(interval) if interval else None

    @property
    def returns_detectable(self) -> float | None:
        """The same for the 72-hour return share (0.27: 27 percentage points)."""
        main = self.main
        return stats.detectable_from_interval(main.difference) if main and main.difference else None


def verdict_for(visits_difference: stats.Interval | None) -> str:
    """The headline from the 7-day visits difference (a pure function: simulated in tests)."""
    if visits_difference is None:
        return "no_holdout"
    if visits_difference.spans_zero:
        return "no_effect"
    return "more" if visits_difference.estimate > 0 else "fewer"


def delivery_counts(deliveries: QuerySet[Delivery]) -> dict[str, int]:
    """Recipients, delivered, read, clicked, held out, skipped, failed, pending (one query)."""
    recipient = Q(group=DeliveryGroup.RECIPIENT)
    return deliveries.aggregate(
        recipients=Count("id", filter=recipient),
        delivered=Count("id", filter=recipient & Q(delivered_at__isnull=False)),
        read=Count("id", filter=recipient & Q(read_at__isnull=False)),
        clicked=Count("id", filter=recipient & Q(clicked_at__isnull=False)),
        holdout=Count("id", filter=Q(group=DeliveryGroup.HOLDOUT)),
        unsubscribed=Count("id", filter=Q(group=DeliveryGroup.UNSUBSCRIBED)),
        capped=Count("id", filter=Q(group=DeliveryGroup.CAPPED)),
        failed=Count("id", filter=recipient & Q(status=DeliveryStatus.FAILED)),
        pending=Count("id", filter=recipient & Q(status=DeliveryStatus.PENDING)),
        unconfirmed=Count(
            "id",
            filter=Q(
                outbox_message__sent_at__isnull=False, outbox_message__confirmed_at__isnull=True
            ),
        ),
    )


def _groups(deliveries: QuerySet[Delivery]) -> dict[datetime, dict[str, list[int]]]:
    """People by planned send time and group: both groups are measured from the same moment."""
    groups: dict[datetime, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    rows = measured(deliveries).values_list("send_at", "group", "user_id")
    for send_at, group, user_id in rows:
        groups[send_at][group].append(user_id)
    return groups


def measured(deliveries: QuerySet[Delivery]) -> QuerySet[Delivery]:
    """The hold-out, and the recipients the message reached."""
    return deliveries.filter(
        Q(group=DeliveryGroup.HOLDOUT)
        | Q(group=DeliveryGroup.RECIPIENT, delivered_at__isnull=False)
    )


def _returned_by(
    programme: Programme, deliveries: QuerySet[Delivery], window: timedelta, key: str | None
) -> dict[object, Returned]:
    """Who came back within `window` of the send, per value of `key` (None: all rows).

    One query however many messages: each outbox row is annotated with whether its person
    has an event in the window (a correlated lookup on the events' person-time index).
    """
    rows = (
        measured(deliveries)
        .annotate(window_end=ExpressionWrapper(F("send_at") + window, DateTimeField()))
        .annotate(
            back=activity_queries.returned_between(
                programme.pk, OuterRef("user_id"), OuterRef("send_at"), OuterRef("window_end")
            )
        )
        .values(*([key] if key else []), "group")
        .annotate(
            people=Count("id"), returned=Count("id", filter=Q(back=True)), last=Max("send_at")
        )
        .order_by()
    )
    tallies: dict[object, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    lasts: dict[object, datetime] = {}
    for row in rows:
        name = "recipients" if row["group"] == DeliveryGroup.RECIPIENT else "holdout"
        tally = tallies[row[key] if key else None]
        tally[name] += row["people"]
        tally[name + "_returned"] += row["returned"]
        found = lasts.get(row[key] if key else None)
        lasts[row[key] if key else None] = max(found, row["last"]) if found else row["last"]
    now = timezone.now()
    return {
        name: _tally_returned(tally, window, complete=lasts[name] + window <= now)
        for name, tally in tallies.items()
    }


def _tally_returned(tally: dict[str, int], window: timedelta, *, complete: bool) -> Returned:
    totals = {
        name: tally.get(name, 0)
        for name in ("recipients", "recipients_returned", "holdout", "holdout_returned")
    }
    difference = stats.share_difference(
        totals["recipients_returned"], totals["recipients"],
        totals["holdout_returned"], totals["holdout"],
    )  # fmt: skip
    return Returned(
        int(window.total_seconds() // 3600), **totals, difference=difference, complete=complete
    )


def _returned(programme: Programme, deliveries: QuerySet[Delivery], window: timedelta) -> Returned:
    found = _returned_by(programme, deliveries, window, None).get(None)
    return found or _tally_returned({}, window, complete=True)


def _visits_difference(
    programme: Programme, groups: dict[datetime, dict[str, list[int]]]
) -> stats.Interval | None:
    zone = zoneinfo.ZoneInfo(programme.time_zone)
    values: dict[str, list[float]] = {DeliveryGroup.RECIPIENT: [], DeliveryGroup.HOLDOUT: []}
    for send_at, members in groups.items():
        start = send_at.astimezone(zone).date()
        end = start + timedelta(days=VISIT_DAYS - 1)
        for group, ids in members.items():
            visits = activity_queries.visits_by_member_between(programme, ids, start, end)
            values[group].extend(float(visits.get(user_id, 0)) for user_id in ids)
    return stats.mean_difference(values[DeliveryGroup.RECIPIENT], values[DeliveryGroup.HOLDOUT])


def returned_within_72_hours_by_message(
    programme: Programme, deliveries: QuerySet[Delivery]
) -> dict[int, Returned]:
    """The report's main figure per message, for the programme's table of messages."""
    found = _returned_by(programme, deliveries, WINDOWS[-1], "message_id")
    return {int(str(message_id)): returned for message_id, returned in found.items()}


def send_day_ratios(programme: Programme, days: Iterable[date]) -> dict[date, float | None]:
    """The seed's measure for each given send day (one visits-per-day read for all of them)."""
    wanted = sorted(set(days))
    if not wanted:
        return {}
    margin = timedelta(days=stats.RATIO_WINDOW_DAYS)
    visits = activity_queries.visits_per_day(programme, wanted[0] - margin, wanted[-1] + margin)
    message_days = message_send_dates(programme)
    today = programme.today()
    return {
        day: stats.send_day_ratio(day, visits, message_days, today, programme.starts_on)
        for day in wanted
    }


def mean_ratio(ratios: Iterable[float | None]) -> float | None:
    known = [ratio for ratio in ratios if ratio is not None]
    return sum(known) / len(known) if known else None


def effect_of(programme: Programme, deliveries: QuerySet[Delivery]) -> Effect:
    """The full report for a message's (or an automation's) outbox rows."""
    groups = _groups(deliveries)
    zone = zoneinfo.ZoneInfo(programme.time_zone)
    days = {
        moment.astimezone(zone).date()
        for moment in deliveries.filter(
            group=DeliveryGroup.RECIPIENT, delivered_at__isnull=False
        ).values_list("delivered_at", flat=True)
        if moment is not None
    }
    return Effect(
        counts=delivery_counts(deliveries),
        returned=[_returned(programme, deliveries, window) for window in WINDOWS],
        visits_difference=_visits_difference(programme, groups),
        send_day_ratio=mean_ratio(send_day_ratios(programme, days).values()),
    )


# The smallest rise in the 72-hour return the composer suggests a hold-out for: about what
# large studies of reminders found, far below early reports' figures.
TARGET_DETECTABLE = 0.15


@dataclass(frozen=True)
class Power:
    """What the chosen hold-out can see, shown in the composer before sending."""

    recipients: int
    holdout: int
    baseline: float
    detectable: float | None  # share points, 0.27 = 27 points
    suggested_percent: int
    suggested_detectable: float | None  # what the suggested hold-out would detect

    @property
    def suggested_points(self) -> int | None:
        found = self.suggested_detectable
        return round(found * 100) if found is not None else None

    @property
    def detectable_points(self) -> int | None:
        return round(self.detectable * 100) if self.detectable is not None else None

    @property
    def too_small(self) -> bool:
        return self.detectable is None or self.detectable > TARGET_DETECTABLE


def baseline_return_share(programme: Programme, user_ids: list[int]) -> float:
    """The share of these people who did something in the programme in the last 72 hours:
    what a hold-out's return share is likely to be (0.5, the most uncertain, without any)."""
    if not user_ids:
        return 0.5
    now = timezone.now()
    back = activity_queries.members_returned_between(programme, user_ids, now - WINDOWS[-1], now)
    return len(back) / len(user_ids) if back else 0.5


def power_of(programme: Programme, recipient_ids: list[int], holdout_ids: list[int]) -> Power:
    people = recipient_ids + holdout_ids
    baseline = baseline_return_share(programme, people)
    suggested = stats.suggested_holdout_percent(len(people), baseline, TARGET_DETECTABLE)
    held = round(len(people) * suggested / 100)
    return Power(
        recipients=len(recipient_ids),
        holdout=len(holdout_ids),
        baseline=baseline,
        detectable=stats.detectable_share_difference(
            len(recipient_ids), len(holdout_ids), baseline
        ),
        suggested_percent=suggested,
        suggested_detectable=stats.detectable_share_difference(len(people) - held, held, baseline),
    )
