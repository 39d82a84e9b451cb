"""The outbox worker: claim due rows with a lease, build them late, send each exactly once.

Any number of workers may run: rows are claimed with SELECT ... FOR UPDATE SKIP LOCKED and a
lease, and each row is marked sent by an UPDATE that only succeeds while it is still
pending, so two workers holding the same row (an expired lease) cannot both send it.
"""

import logging
import os
import socket
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from luukku.core.outbox import MAX_SEND_ATTEMPTS, retry_delay
from luukku.core.outbox.models import OutboxMessage, OutboxStatus
from luukku.core.outbox.registry import Built, Outgoing, Skip, builder_for, registered_builder
from luukku.core.outbox.transport import (
    ConnectionLostError,
    Outcome,
    RefusedError,
    Transport,
    open_transport,
)

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)
BATCH_SIZE = 200
WORKER_NAME = f"{socket.gethostname()}:{os.getpid()}"[:100]
PENDING = OutboxStatus.PENDING


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


def _free(now: datetime) -> Q:
    return Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)


def claim_due(*, limit: int, now: datetime, lease: timedelta = LEASE) -> list[int]:
    """Lease up to `limit` due rows to this worker; rows another worker holds are skipped.

    The lease only keeps workers from doing the same work; it is not what prevents a
    double send (the conditional UPDATE in _commit_group is), so an expired lease is safe.
    """
    with transaction.atomic():
        ids = list(
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(_free(now), status=PENDING, next_attempt_at__lte=now)
            .order_by("next_attempt_at", "id")
            .values_list("id", flat=True)[:limit]
        )
        OutboxMessage.objects.filter(pk__in=ids).update(
            claimed_until=now + lease, claimed_by=WORKER_NAME, attempts=F("attempts") + 1
        )
    return ids


def any_due(now: datetime | None = None) -> bool:
    """Whether any row is due and free (a cheap EXISTS for the minute sweep)."""
    now = now or timezone.now()
    return OutboxMessage.objects.filter(
        _free(now), status=PENDING, next_attempt_at__lte=now
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


@dataclass
class _Batch:
    report: SendReport
    # Rows whose "250 accepted" was read, confirmed with the next commit.
    to_confirm: list[int] = field(default_factory=list)


def _by_kind(rows: Sequence[OutboxMessage]) -> dict[str, list[OutboxMessage]]:
    kinds: dict[str, list[OutboxMessage]] = defaultdict(list)
    for row in rows:
        kinds[row.kind].append(row)
    return kinds


def _build(kind: str, rows: list[OutboxMessage], report: SendReport) -> list[Built] | None:
    builder = builder_for(kind)
    if builder is None:
        _retry_later(rows, f"no builder registered for kind {kind!r}", True, report)
        return None
    try:
        built = list(builder.build(rows))
        if len(built) != len(rows):
            raise ValueError(f"{len(built)} results for {len(rows)} rows")
    except Exception as error:  # a builder's fault must not stop the other kinds
        logger.exception("Outbox builder %s failed", kind)
        _retry_later(rows, f"build failed: {type(error).__name__}: {error}", True, report)
        return None
    return built


def _send_batch(ids: list[int], transport: Transport, report: SendReport) -> None:
    rows = list(OutboxMessage.objects.filter(pk__in=ids).order_by("next_attempt_at", "id"))
    batch = _Batch(report)
    by_email: list[tuple[OutboxMessage, Outgoing]] = []
    for kind, kind_rows in _by_kind(rows).items():
        built = _build(kind, kind_rows, report)
        if built is None:
            continue
        skips = [(row, item) for row, item in zip(kind_rows, built, strict=True)
                 if isinstance(item, Skip)]  # fmt: skip
        _skip(skips, report)
        for row, item in zip(kind_rows, built, strict=True):
            if isinstance(item, Outgoing) and item.email is None:
                _deliver_without_email(row, item, report)
            elif isinstance(item, Outgoing):
                by_email.append((row, item))
    for start in range(0, len(by_email), transport.width):
        _deliver_emails(by_email[start : start + transport.width], transport, batch)
    if batch.to_confirm:
        OutboxMessage.objects.filter(pk__in=batch.to_confirm).update(confirmed_at=timezone.now())
    for kind, kind_rows in _by_kind(rows).items():
        builder = builder_for(kind)
        if builder is not None:
            builder.after_batch(kind_rows)


def _skip(skips: list[tuple[OutboxMessage, Skip]], report: SendReport) -> None:
    done = []
    for row, skip in skips:
        if OutboxMessage.objects.filter(pk=row.pk, status=PENDING).update(
            status=OutboxStatus.SKIPPED, last_error=skip.reason[:2000], claimed_until=None
        ):
            row.status, row.last_error = OutboxStatus.SKIPPED, skip.reason[:2000]
            done.append(row)
    report.skipped += len(done)
    if done:
        builder = registered_builder(done[0].kind)
        builder.on_skipped(done)


def _deliver_without_email(row: OutboxMessage, item: Outgoing, report: SendReport) -> None:
    committed = _commit_rows([(row, item)], [0])
    report.sent += len(committed)
    report.skipped += 1 - len(committed)


def _commit_without_waiting_for_disk() -> None:
    """On PostgreSQL, let this transaction's commit return before its WAL reaches the disk.

    The commit is visible to every other worker at once, and a killed *worker* loses
    nothing; only a crash of PostgreSQL itself within the WAL writer's delay (well under a
    second) could forget a few "sent" marks and send those e-mails again. Waiting for the
    disk on every e-mail would cap a worker at the disk's flush rate (docs/outbox.md).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _commit_rows(
    items: list[tuple[OutboxMessage, Outgoing]], positions: list[int], batch: _Batch | None = None
) -> set[int]:
    """Record the items at `positions` as sent (those still pending and still wanted by
    their builder) in one transaction; return the positions committed."""
    now = timezone.now()
    wanted = {items[i][0].pk: i for i in positions}
    with transaction.atomic():
        _commit_without_waiting_for_disk()
        # Locked and re-checked: a row another worker (with an expired lease) or a withdrawal
        # got to first is not sent by this one.
        pending = list(
            OutboxMessage.objects.select_for_update()
            .filter(pk__in=wanted, status=PENDING)
            .order_by("id")
        )
        accepted = _accepted_by_builders(pending, now)
        OutboxMessage.objects.filter(pk__in=accepted).update(
            status=OutboxStatus.SENT, sent_at=now, claimed_until=None, last_error=""
        )
        OutboxMessage.objects.filter(pk__in={row.pk for row in pending} - accepted).update(
            status=OutboxStatus.SKIPPED, claimed_until=None, last_error="withdrawn before sending"
        )
        for row in pending:
            row.subject = items[wanted[row.pk]][1].shown_subject[:300]
        if pending:
            OutboxMessage.objects.bulk_update(pending, ["subject"])
        if batch is not None and batch.to_confirm:
            OutboxMessage.objects.filter(pk__in=batch.to_confirm).update(confirmed_at=now)
            batch.to_confirm = []
    return {wanted[row_id] for row_id in accepted}


def _accepted_by_builders(pending: list[OutboxMessage], now: datetime) -> set[int]:
    accepted: set[int] = set()
    for kind, rows in _by_kind(pending).items():
        builder = registered_builder(kind)
        chosen = builder.on_sent(rows, now)
        ids = {row.pk for row in rows}
        accepted |= ids if chosen is None else ids & set(chosen)
    return accepted


def _deliver_emails(
    items: list[tuple[OutboxMessage, Outgoing]], transport: Transport, batch: _Batch
) -> None:
    emails = [item.email for _row, item in items if item.email is not None]
    if len(emails) != len(items):
        raise ValueError("every row sent over SMTP carries an e-mail")
    outcomes = transport.send_group(emails, lambda positions: _commit_rows(items, positions, batch))
    for (row, _item), outcome in zip(items, outcomes, strict=True):
        _record_outcome(row, outcome, batch)


def _record_outcome(row: OutboxMessage, outcome: Outcome, batch: _Batch) -> None:
    report = batch.report
    if outcome == "sent":
        batch.to_confirm.append(row.pk)
        report.sent += 1
    elif outcome == "declined":
        report.skipped += 1
    elif isinstance(outcome, RefusedError):
        _refused(row, outcome, report)
    elif isinstance(outcome, ConnectionLostError):
        logger.warning("Outbox row %s: connection lost after commit: %s", row.pk, outcome)
        OutboxMessage.objects.filter(pk=row.pk).update(last_error=f"unconfirmed: {outcome}"[:2000])
        report.unconfirmed += 1
    else:
        _retry_later([row], f"{type(outcome).__name__}: {outcome}", True, report)


def _refused(row: OutboxMessage, error: RefusedError, report: SendReport) -> None:
    if error.after_commit:
        # The server said no to the finished message: it was not delivered after all.
        OutboxMessage.objects.filter(pk=row.pk).update(status=PENDING, sent_at=None)
        builder = registered_builder(row.kind)
        builder.on_unsent([row])
    _retry_later([row], str(error), error.temporary, report)


def _retry_later(
    rows: list[OutboxMessage], error: str, temporary: bool, report: SendReport
) -> None:
    given_up = []
    for row in rows:
        # row.attempts was read after the claim counted this attempt.
        give_up = not temporary or row.attempts >= MAX_SEND_ATTEMPTS
        OutboxMessage.objects.filter(pk=row.pk, status=PENDING).update(
            status=OutboxStatus.FAILED if give_up else PENDING,
            next_attempt_at=timezone.now() + retry_delay(row.attempts),
            claimed_until=None,
            last_error=error[:2000],
        )
        if give_up:
            row.last_error = error[:2000]
            given_up.append(row)
    report.failed += len(given_up)
    report.retried += len(rows) - len(given_up)
    builder = builder_for(rows[0].kind) if given_up else None
    if builder is not None:
        builder.on_failed(given_up)
