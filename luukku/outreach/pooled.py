"""The effect of many messages at once: a pooled estimate over every message with a hold-out.

One message with a 10 % hold-out rarely has the power to see a realistic effect (see
stats.detectable_share_difference); many messages together do. Each message with a
hold-out gives a difference (recipients minus hold-out) and its variance, for the net 7-day
visits per person and for the 72-hour return share; the differences are pooled with the
DerSimonian-Laird random-effects estimate (stats.pooled_estimate), for all messages and by
kind of message (composed by hand, or the automation's trigger) and by audience. Only
messages whose 7-day window (or 72 hours) has ended count.
"""

import zoneinfo
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import QuerySet

from luukku.activity import queries as activity_queries
from luukku.outreach import effect, stats
from luukku.outreach.models import Delivery, DeliveryGroup, Message
from luukku.programmes.models import Programme

ALL = "all"
COMPOSED = "composed"


@dataclass(frozen=True)
class MessageResult:
    """One message's differences (estimate, variance); None while its window runs."""

    message_id: int
    kind: str
    audience: str
    visits: tuple[float, float] | None
    returns: tuple[float, float] | None


@dataclass(frozen=True)
class PooledRow:
    kind: str
    audience: str
    visits: stats.Pooled | None
    returns: stats.Pooled | None

    @property
    def messages(self) -> int:
        return max(
            self.visits.messages if self.visits else 0, self.returns.messages if self.returns else 0
        )


def _messages_with_holdout(programme: Programme) -> list[tuple[int, str, str]]:
    rows = (
        Message.objects.filter(programme=programme, deliveries__group=DeliveryGroup.HOLDOUT)
        .values_list("id", "automation__trigger", "audience")
        .distinct()
        .order_by("id")
    )
    return [(pk, trigger or COMPOSED, audience) for pk, trigger, audience in rows]


def _seven_day_values(
    programme: Programme, deliveries: QuerySet[Delivery]
) -> dict[int, dict[str, list[float]]]:
    """Per message and group, each person's visits over the 7 days from the send day, for
    messages whose 7 days have ended: two reads for all messages."""
    zone = zoneinfo.ZoneInfo(programme.time_zone)
    today = programme.today()
    rows = [
        (message_id, group, user_id, send_at.astimezone(zone).date())
        for message_id, group, user_id, send_at in effect.measured(deliveries).values_list(
            "message_id", "group", "user_id", "send_at"
        )
        if send_at.astimezone(zone).date() + timedelta(days=effect.VISIT_DAYS) <= today
    ]
    if not rows:
        return {}
    first = min(row[3] for row in rows)
    last = max(row[3] for row in rows) + timedelta(days=effect.VISIT_DAYS - 1)
    visits = activity_queries.visits_by_member_day(programme, {row[2] for row in rows}, first, last)
    values: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for message_id, group, user_id, day in rows:
        total = sum(
            visits.get((user_id, day + timedelta(days=n)), 0) for n in range(effect.VISIT_DAYS)
        )
        values[message_id][group].append(float(total))
    return values


def _visits_pair(groups: dict[str, list[float]]) -> tuple[float, float] | None:
    sent, held = groups.get(DeliveryGroup.RECIPIENT, []), groups.get(DeliveryGroup.HOLDOUT, [])
    interval = stats.mean_difference(sent, held)
    variance = stats.mean_difference_variance(sent, held)
    return (interval.estimate, variance) if interval and variance > 0 else None


def _returns_pair(returned: effect.Returned | None) -> tuple[float, float] | None:
    if returned is None or not returned.complete or returned.difference is None:
        return None
    variance = stats.share_difference_variance(
        returned.recipients_returned, returned.recipients,
        returned.holdout_returned, returned.holdout,
    )  # fmt: skip
    return returned.difference.estimate, variance


def message_results(programme: Programme) -> list[MessageResult]:
    """Every message of the programme with a hold-out, with its two differences."""
    messages = _messages_with_holdout(programme)
    if not messages:
        return []
    deliveries = Delivery.objects.filter(message_id__in=[pk for pk, _kind, _aud in messages])
    returns = effect.returned_within_72_hours_by_message(programme, deliveries)
    visits = _seven_day_values(programme, deliveries)
    return [
        MessageResult(
            pk, kind, audience, _visits_pair(visits.get(pk, {})), _returns_pair(returns.get(pk))
        )
        for pk, kind, audience in messages
    ]


def pooled_rows(results: Iterable[MessageResult]) -> list[PooledRow]:
    """All messages first, then by kind, then by audience (pure: simulated in tests)."""
    chosen = list(results)
    groups: dict[tuple[str, str], list[MessageResult]] = {(ALL, ALL): chosen}
    for result in chosen:
        groups.setdefault((result.kind, ALL), []).append(result)
        groups.setdefault((ALL, result.audience), []).append(result)
    rows = []
    for (kind, audience), members in groups.items():
        rows.append(
            PooledRow(
                kind,
                audience,
                stats.pooled_estimate([r.visits for r in members if r.visits]),
                stats.pooled_estimate([r.returns for r in members if r.returns]),
            )
        )
    return [row for row in rows if row.messages or (row.kind, row.audience) == (ALL, ALL)]


def programme_pooled(programme: Programme) -> list[PooledRow]:
    return pooled_rows(message_results(programme))


def organisation_pooled(programmes: Iterable[Programme]) -> list[PooledRow]:
    """Pooled over every programme's messages (each programme read in its own zone)."""
    results: list[MessageResult] = []
    for programme in programmes:
        results.extend(message_results(programme))
    return pooled_rows(results)
