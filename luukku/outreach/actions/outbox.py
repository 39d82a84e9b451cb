"""The outbox worker: claim due rows with a lease, deliver them, record each exactly once.

Any number of workers may run: rows are claimed with SELECT ... FOR UPDATE SKIP LOCKED and a
lease, and each row is marked sent by an UPDATE that only succeeds while it is still
pending, so two workers holding the same row (an expired lease) cannot both send it.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from luukku.core.outbox import MAX_SEND_ATTEMPTS, retry_delay
from luukku.notifications.actions import do_notify_in_app
from luukku.notifications.models import NotificationKind
from luukku.outreach import queries
from luukku.outreach.models import (
    Delivery,
    DeliveryGroup,
    DeliveryStatus,
    Message,
    MessageStatus,
    Unsubscribe,
)
from luukku.outreach.rendering import build_email, personal_subject
from luukku.outreach.transport import (
    ConnectionLostError,
    Outcome,
    RefusedError,
    Transport,
    open_transport,
)

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)
BATCH_SIZE = 200


@dataclass
class SendReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    skipped: int = 0
    unconfirmed: int = 0

    @property
    def handled(self) -> int:
        return self.sent + self.retried + self.failed + self.skipped + self.unconfirmed


def claim_due(*, limit: int, now: datetime, lease: timedelta = LEASE) -> list[int]:
    """Lease up to `limit` due rows to this worker; rows another worker holds are skipped.

    The lease only keeps workers from doing the same work; it is not what prevents a
    double send (the conditional UPDATE in _commit_sent is), so an expired lease is safe.
    """
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(free, status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
            .order_by("next_attempt_at", "id")
            .values_list("id", flat=True)[:limit]
        )
        Delivery.objects.filter(pk__in=ids).update(
            lease_until=now + lease, attempts=F("attempts") + 1
        )
    return ids


def any_due(now: datetime | None = None) -> bool:
    """Whether any row is due and free (a cheap EXISTS for the minute sweep)."""
    now = now or timezone.now()
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    return Delivery.objects.filter(
        free, status=DeliveryStatus.PENDING, next_attempt_at__lte=now
    ).exists()


def do_send_due(
    *,
    limit: int | None = None,
    batch_size: int = BATCH_SIZE,
    transport: Transport | None = None,
    lease: timedelta = LEASE,
) -> SendReport:
    """Deliver due rows, batch after batch, until none is due (or `limit` rows are handled)."""
    report = SendReport()
    own_transport = transport is None
    transport = transport or open_transport()
    try:
        while limit is None or report.handled < limit:
            size = batch_size if limit is None else min(batch_size, limit - report.handled)
            ids = claim_due(limit=size, now=timezone.now(), lease=lease)
            if not ids:
                break
            _send_batch(ids, transport, report)
    finally:
        if own_transport:
            transport.close()
    return report


class _Batch:
    """What a batch needs once: unsubscribes, organisation settings, the row to confirm."""

    def __init__(self, rows: list[Delivery]) -> None:
        found = Unsubscribe.objects.filter(
            user_id__in={row.user_id for row in rows},
            programme_id__in={row.message.programme_id for row in rows},
        )
        self.unsubscribed = set(found.values_list("user_id", "programme_id"))
        self.open_tracking = {
            organisation_id: queries.settings_for(organisation_id).open_tracking
            for organisation_id in {row.message.organisation_id for row in rows}
        }
        # Rows whose "250 accepted" was read, confirmed with the next commit.
        self.to_confirm: list[int] = []


def _send_batch(ids: list[int], transport: Transport, report: SendReport) -> None:
    rows = list(
        Delivery.objects.filter(pk__in=ids)
        .select_related("message__programme", "user")
        .order_by("next_attempt_at", "id")
    )
    batch = _Batch(rows)
    by_email = []
    for row in rows:
        if row.message.status == MessageStatus.CANCELLED:
            _skip(row, DeliveryGroup.RECIPIENT, report)
        elif (row.user_id, row.message.programme_id) in batch.unsubscribed:
            _skip(row, DeliveryGroup.UNSUBSCRIBED, report)
        elif not row.message.by_email:
            _deliver_in_app(row, report)
        else:
            by_email.append(row)
    for start in range(0, len(by_email), transport.width):
        _deliver_emails(by_email[start : start + transport.width], transport, batch, report)
    if batch.to_confirm:
        Delivery.objects.filter(pk__in=batch.to_confirm).update(email_confirmed_at=timezone.now())
    _mark_messages_sent({row.message_id for row in rows})


def _mark_messages_sent(message_ids: set[int]) -> None:
    pending = Delivery.objects.filter(message_id__in=message_ids, status=DeliveryStatus.PENDING)
    Message.objects.filter(pk__in=message_ids, status=MessageStatus.SCHEDULED).exclude(
        pk__in=pending.values("message_id")
    ).update(status=MessageStatus.SENT)


def _skip(row: Delivery, group: str, report: SendReport) -> None:
    Delivery.objects.filter(pk=row.pk, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.NONE, group=group, lease_until=None
    )
    report.skipped += 1


def _notify(row: Delivery, now: datetime) -> None:
    if row.notification_id is not None:
        return
    notification = do_notify_in_app(
        recipient_id=row.user_id,
        organisation_id=row.message.organisation_id,
        kind=NotificationKind.ACTIVATION,
        title=personal_subject(row),
        url=reverse("outreach:inbox_message", args=[row.pk]),
        created_at=now,
    )
    Delivery.objects.filter(pk=row.pk).update(notification=notification)


def _deliver_in_app(row: Delivery, report: SendReport) -> None:
    now = timezone.now()
    with transaction.atomic():
        done = Delivery.objects.filter(pk=row.pk, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.DONE, delivered_at=now, lease_until=None
        )
        if done:
            _notify(row, now)
    report.sent += 1 if done else 0


def _commit_without_waiting_for_disk() -> None:
    """On PostgreSQL, let this transaction's commit return before its WAL reaches the disk.

    The commit is visible to every other worker at once, and a killed *worker* loses
    nothing; only a crash of PostgreSQL itself within the WAL writer's delay (well under a
    second) could forget a few "sent" marks and send those e-mails again. Waiting for the
    disk on every e-mail would cap a worker at the disk's flush rate (docs/outreach.md).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _commit_group(rows: list[Delivery], positions: list[int], batch: _Batch) -> set[int]:
    """Record the rows at `positions` as sent (those still pending) in one transaction."""
    now = timezone.now()
    wanted = {rows[i].pk: i for i in positions}
    with transaction.atomic():
        _commit_without_waiting_for_disk()
        # Locked and re-checked: a row another worker (with an expired lease) or a cancel
        # got to first is not sent by this one.
        pending = set(
            Delivery.objects.select_for_update()
            .filter(pk__in=wanted, status=DeliveryStatus.PENDING)
            .values_list("pk", flat=True)
        )
        Delivery.objects.filter(pk__in=pending).update(
            status=DeliveryStatus.DONE, email_sent_at=now, delivered_at=now, lease_until=None
        )
        for row_id in pending:
            row = rows[wanted[row_id]]
            if row.message.in_app:
                _notify(row, now)
        if batch.to_confirm:
            Delivery.objects.filter(pk__in=batch.to_confirm).update(email_confirmed_at=now)
            batch.to_confirm = []
    return {wanted[row_id] for row_id in pending}


def _deliver_emails(
    rows: list[Delivery], transport: Transport, batch: _Batch, report: SendReport
) -> None:
    emails = [
        build_email(
            row,
            row.message,
            row.user,
            open_tracking=batch.open_tracking[row.message.organisation_id],
        )
        for row in rows
    ]
    outcomes = transport.send_group(emails, lambda positions: _commit_group(rows, positions, batch))
    for row, outcome in zip(rows, outcomes, strict=True):
        _record_outcome(row, outcome, batch, report)


def _record_outcome(row: Delivery, outcome: Outcome, batch: _Batch, report: SendReport) -> None:
    if outcome == "sent":
        batch.to_confirm.append(row.pk)
        report.sent += 1
    elif outcome == "declined":
        report.skipped += 1
    elif isinstance(outcome, RefusedError):
        _refused(row, outcome, report)
    elif isinstance(outcome, ConnectionLostError):
        logger.warning("Outbox row %s: connection lost after commit: %s", row.pk, outcome)
        Delivery.objects.filter(pk=row.pk).update(last_error=f"unconfirmed: {outcome}"[:2000])
        report.unconfirmed += 1
    else:
        _retry_later(row, f"{type(outcome).__name__}: {outcome}", temporary=True, report=report)


def _refused(row: Delivery, error: RefusedError, report: SendReport) -> None:
    if error.after_commit:
        # The server said no to the finished message: it was not delivered after all.
        undo: dict[str, object] = {"status": DeliveryStatus.PENDING, "email_sent_at": None}
        if not row.message.in_app:  # an in-app copy, if any, did arrive
            undo["delivered_at"] = None
        Delivery.objects.filter(pk=row.pk).update(**undo)
    _retry_later(row, str(error), temporary=error.temporary, report=report)


def _retry_later(row: Delivery, error: str, *, temporary: bool, report: SendReport) -> None:
    # row.attempts was read after the claim counted this attempt.
    give_up = not temporary or row.attempts >= MAX_SEND_ATTEMPTS
    Delivery.objects.filter(pk=row.pk, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.FAILED if give_up else DeliveryStatus.PENDING,
        next_attempt_at=timezone.now() + retry_delay(row.attempts),
        lease_until=None,
        last_error=error[:2000],
    )
    if give_up:
        report.failed += 1
    else:
        report.retried += 1
