"""Writes for activity: appending events (one or a batch at a time) and rolling them up."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from luukku.activity.models import ACTIVE_PING_SECONDS, Event, EventKind, TrackingRevocation

TARGET_MAX_LENGTH = 64


@dataclass(frozen=True, slots=True)
class NewEvent:
    """An event of a batch, already checked: the member and programme come from the batch."""

    kind: str
    target: str
    occurred_at: datetime


def _event(
    organisation_id: int, programme_id: int, user_id: int, kind: str, target: str, at: datetime
) -> Event:
    return Event(
        organisation_id=organisation_id,
        programme_id=programme_id,
        user_id=user_id,
        kind=kind,
        target=target[:TARGET_MAX_LENGTH],
        occurred_at=at,
        active_seconds=ACTIVE_PING_SECONDS if kind == EventKind.ACTIVE_PING else 0,
    )


def record_event(
    *,
    organisation_id: int,
    programme_id: int,
    user_id: int,
    kind: EventKind,
    target: str = "",
    occurred_at: datetime | None = None,
) -> None:
    """Append one event with a single INSERT and no reads.

    Callers pass ids they already hold (the page they render has the programme and the
    user loaded), so recording an event never costs a lookup.
    """
    at = occurred_at or timezone.now()
    _event(organisation_id, programme_id, user_id, kind, target, at).save(force_insert=True)


def do_revoke_tracking(*, user_id: int, programme_id: int) -> None:
    """End every tracking token issued so far to this member of this programme."""
    TrackingRevocation.objects.update_or_create(
        user_id=user_id, programme_id=programme_id, defaults={"revoked_at": timezone.now()}
    )


def is_tracking_revoked(*, user_id: int, programme_id: int, issued_at: datetime) -> bool:
    return TrackingRevocation.objects.filter(
        user_id=user_id, programme_id=programme_id, revoked_at__gte=issued_at
    ).exists()


def record_batch(
    *, organisation_id: int, programme_id: int, user_id: int, events: Iterable[NewEvent]
) -> int:
    """Append a batch of one member's events in one bulk INSERT; return how many."""
    rows = [
        _event(organisation_id, programme_id, user_id, e.kind, e.target, e.occurred_at)
        for e in events
    ]
    if rows:
        Event.objects.bulk_create(rows)
    return len(rows)


def do_roll_up_events() -> int:
    """Roll up every event not rolled up yet (the worker's sweep does this every minute)."""
    from luukku.activity.rollups import roll_up_new_events

    return roll_up_new_events()


def do_rebuild_rollups(*, programme_ids: list[int] | None = None) -> int:
    """Recompute rollups from the event log (all programmes, or the given ones)."""
    from luukku.activity.rollups import rebuild_rollups

    return rebuild_rollups(programme_ids=programme_ids)
