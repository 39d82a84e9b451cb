"""Writes to the outbox: enqueueing messages (inside the caller's transaction) and
withdrawing rows that have not gone out."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from luukku.core.outbox.models import OutboxMessage, OutboxStatus

# Rows due within this long wake the worker on commit; later ones wait for the minute sweep.
WAKE_WITHIN = timedelta(minutes=1)


@dataclass(frozen=True)
class NewMessage:
    """One message to enqueue. `key` is unique across the outbox (e.g. "bookings.request:
    12:3:booker"): enqueueing the same key again adds nothing. `params` must hold no secret."""

    kind: str
    key: str
    recipient: str
    source_app: str
    source_id: str | int
    organisation_id: int | None = None
    params: dict[str, Any] = field(default_factory=dict)
    send_at: datetime | None = None


def do_enqueue_messages(messages: Sequence[NewMessage]) -> dict[str, int]:
    """Add the rows (those whose key is new) and return every key's row id.

    Call it inside the transaction that makes the thing the message is about, so that both
    or neither are stored; the worker is woken when that transaction commits.
    """
    if not messages:
        return {}
    now = timezone.now()
    OutboxMessage.objects.bulk_create(
        [
            OutboxMessage(
                kind=message.kind,
                key=message.key,
                recipient=message.recipient.strip().lower(),  # the search key of the staff page
                source_app=message.source_app,
                source_id=str(message.source_id),
                organisation_id=message.organisation_id,
                params=message.params,
                next_attempt_at=message.send_at or now,
                created_at=now,
            )
            for message in messages
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    keys = [message.key for message in messages]
    ids: dict[str, int] = {}
    for start in range(0, len(keys), 1000):
        found = OutboxMessage.objects.filter(key__in=keys[start : start + 1000])
        ids.update(found.values_list("key", "id"))
    if min(message.send_at or now for message in messages) <= now + WAKE_WITHIN:
        transaction.on_commit(wake_worker)
    return ids


def do_enqueue_message(
    *,
    kind: str,
    key: str,
    recipient: str,
    source_app: str,
    source_id: str | int,
    organisation_id: int | None = None,
    params: dict[str, Any] | None = None,
    send_at: datetime | None = None,
) -> int:
    """Enqueue one message (idempotent on `key`); return its row id."""
    message = NewMessage(
        kind, key, recipient, source_app, source_id, organisation_id, params or {}, send_at
    )
    return do_enqueue_messages([message])[key]


def wake_worker() -> None:
    """Hand due rows to the task worker now rather than at the next minute's sweep."""
    from luukku.core import tasks

    tasks.deliver_due_messages.enqueue()


def do_skip_pending(*, ids: Sequence[int], reason: str) -> list[int]:
    """Withdraw pending rows no worker holds; return the ids withdrawn. A row a worker holds
    right now is left to it (its send may be under way; the builder's on_sent can still
    refuse it)."""
    now = timezone.now()
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    with transaction.atomic():
        withdrawn = list(
            OutboxMessage.objects.select_for_update()
            .filter(free, pk__in=ids, status=OutboxStatus.PENDING)
            .values_list("pk", flat=True)
        )
        OutboxMessage.objects.filter(pk__in=withdrawn).update(
            status=OutboxStatus.SKIPPED, last_error=reason[:2000]
        )
    return withdrawn
