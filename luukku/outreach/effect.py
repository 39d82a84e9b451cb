"""The effect report: what a message (or an automation's messages) did, against the hold-out.

DESIGN, "Message effect": the share of recipients who came back within 24 h and 72 h
against the hold-out's share, with a 95 % interval; mean visits per person over the 7 days
from the send day against the hold-out's; and the seed's send-day ratio. When an interval
spans zero the report says "no measurable effect".
"""

import zoneinfo
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from luukku.outreach import participation, stats
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
        """'no_holdout', 'no_effect', 'more' or 'fewer' (by the 72-hour return)."""
        main = self.main
        if main is None or main.difference is None:
            return "no_holdout"
        if main.difference.spans_zero:
            return "no_effect"
        return "more" if main.difference.estimate > 0 else "fewer"


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
    rows = deliveries.filter(
        Q(group=DeliveryGroup.HOLDOUT)
        | Q(group=DeliveryGroup.RECIPIENT, delivered_at__isnull=False)
    ).values_list("send_at", "group", "user_id")
    for send_at, group, user_id in rows:
        groups[send_at][group].append(user_id)
    return groups


def _returned(
    programme: Programme, groups: dict[datetime, dict[str, list[int]]], window: timedelta
) -> Returned:
    totals = {"recipients": 0, "recipients_returned": 0, "holdout": 0, "holdout_returned": 0}
    now = timezone.now()
    complete = True
    for send_at, members in groups.items():
        complete = complete and send_at + window <= now
        for group, key in (
            (DeliveryGroup.RECIPIENT, "recipients"),
            (DeliveryGroup.HOLDOUT, "holdout"),
        ):
            ids = members.get(group, [])
            if ids:
                back = participation.members_returned_between(
                    programme, ids, send_at, send_at + window
                )
                totals[key] += len(ids)
                totals[key + "_returned"] += len(back)
    difference = stats.share_difference(
        totals["recipients_returned"], totals["recipients"],
        totals["holdout_returned"], totals["holdout"],
    )  # fmt: skip
    return Returned(
        int(window.total_seconds() // 3600), **totals, difference=difference, complete=complete
    )


def _visits_difference(
    programme: Programme, groups: dict[datetime, dict[str, list[int]]]
) -> stats.Interval | None:
    zone = zoneinfo.ZoneInfo(programme.time_zone)
    values: dict[str, list[float]] = {DeliveryGroup.RECIPIENT: [], DeliveryGroup.HOLDOUT: []}
    for send_at, members in groups.items():
        start = send_at.astimezone(zone).date()
        end = start + timedelta(days=VISIT_DAYS - 1)
        for group, ids in members.items():
            visits = participation.visits_by_member_between(programme, ids, start, end)
            values[group].extend(float(visits.get(user_id, 0)) for user_id in ids)
    return stats.mean_difference(values[DeliveryGroup.RECIPIENT], values[DeliveryGroup.HOLDOUT])


def returned_within_72_hours(programme: Programme, deliveries: QuerySet[Delivery]) -> Returned:
    """The report's main figure alone, for the programme's table of messages."""
    return _returned(programme, _groups(deliveries), WINDOWS[-1])


def send_day_ratios(programme: Programme, days: Iterable[date]) -> dict[date, float | None]:
    """The seed's measure for each given send day (one visits-per-day read for all of them)."""
    wanted = sorted(set(days))
    if not wanted:
        return {}
    margin = timedelta(days=stats.RATIO_WINDOW_DAYS)
    visits = participation.visits_per_day(programme, wanted[0] - margin, wanted[-1] + margin)
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
        returned=[_returned(programme, groups, window) for window in WINDOWS],
        visits_difference=_visits_difference(programme, groups),
        send_day_ratio=mean_ratio(send_day_ratios(programme, days).values()),
    )
