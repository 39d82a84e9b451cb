"""Activation messages in the one outbox (core): each recipient's Delivery points at its row.

The Delivery stays the per-person record (group, delivered, read, clicked, the in-app
copy); the outbox row carries the sending (lease, attempts, errors, exactly once). The
builder renders each copy at send time, so an unsubscribe or a cancel after queueing is
respected, and it keeps the Delivery in step from inside the outbox's own transactions.
"""

from collections.abc import Collection
from datetime import datetime

from django.db.models import Q
from django.urls import reverse

from luukku.core.outbox.registry import Built, Outgoing, Rows, Skip, register_builder
from luukku.core.outbox.worker import SendReport, do_send_due
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

KIND_EMAIL = "outreach.email"  # e-mail, and the in-app copy too when the channel is both
KIND_IN_APP = "outreach.in_app"
KINDS = (KIND_EMAIL, KIND_IN_APP)

UNSUBSCRIBED = "unsubscribed"
CANCELLED = "cancelled"
WITHDRAWN = "withdrawn (cancelled or unsubscribed)"

__all__ = ["KINDS", "SendReport", "do_send_due", "register_builders"]


def _deliveries(rows: Rows) -> dict[int, Delivery]:
    ids = [row.pk for row in rows]
    found = Delivery.objects.filter(outbox_message_id__in=ids).select_related(
        "message__programme", "user"
    )
    return {
        delivery.outbox_message_id: delivery for delivery in found if delivery.outbox_message_id
    }


def build(rows: Rows) -> list[Built]:
    deliveries = _deliveries(rows)
    people = list(deliveries.values())
    unsubscribed = set(
        Unsubscribe.objects.filter(
            user_id__in={d.user_id for d in people},
            programme_id__in={d.message.programme_id for d in people},
        ).values_list("user_id", "programme_id")
    )
    open_tracking = {
        organisation_id: queries.settings_for(organisation_id).open_tracking
        for organisation_id in {d.message.organisation_id for d in people}
    }
    built: list[Built] = []
    for row in rows:
        delivery = deliveries.get(row.pk)
        built.append(_build_one(delivery, unsubscribed, open_tracking))
    return built


def _build_one(
    delivery: Delivery | None, unsubscribed: set[tuple[int, int]], open_tracking: dict[int, bool]
) -> Built:
    if delivery is None or delivery.status != DeliveryStatus.PENDING:
        return Skip(WITHDRAWN)
    message = delivery.message
    if message.status == MessageStatus.CANCELLED:
        return Skip(CANCELLED)
    if (delivery.user_id, message.programme_id) in unsubscribed:
        return Skip(UNSUBSCRIBED)
    if not message.by_email:
        return Outgoing(None, subject=personal_subject(delivery))
    tracking = open_tracking[message.organisation_id]
    return Outgoing(build_email(delivery, message, delivery.user, open_tracking=tracking))


def _notify(delivery: Delivery, now: datetime) -> None:
    if delivery.notification_id is not None:
        return
    notification = do_notify_in_app(
        recipient_id=delivery.user_id,
        organisation_id=delivery.message.organisation_id,
        kind=NotificationKind.ACTIVATION,
        title=personal_subject(delivery),
        url=reverse("outreach:inbox_message", args=[delivery.pk]),
        created_at=now,
    )
    Delivery.objects.filter(pk=delivery.pk).update(notification=notification)


def on_sent(rows: Rows, now: datetime) -> Collection[int]:
    """Inside the outbox's commit: the Deliveries still pending are marked delivered (and
    get their in-app copy); a Delivery a cancel or unsubscribe got to first is refused."""
    ids = [row.pk for row in rows]
    pending = list(
        Delivery.objects.select_for_update(of=("self",))
        .filter(outbox_message_id__in=ids, status=DeliveryStatus.PENDING)
        .select_related("message__programme")
    )
    by_email = [d.pk for d in pending if d.message.by_email]
    in_app_only = [d.pk for d in pending if not d.message.by_email]
    Delivery.objects.filter(pk__in=by_email).update(
        status=DeliveryStatus.DONE, email_sent_at=now, delivered_at=now
    )
    Delivery.objects.filter(pk__in=in_app_only).update(status=DeliveryStatus.DONE, delivered_at=now)
    for delivery in pending:
        if delivery.message.in_app:
            _notify(delivery, now)
    return {d.outbox_message_id for d in pending if d.outbox_message_id is not None}


def on_skipped(rows: Rows) -> None:
    for reason, group in ((UNSUBSCRIBED, DeliveryGroup.UNSUBSCRIBED), (CANCELLED, None)):
        ids = [row.pk for row in rows if row.last_error == reason]
        changes: dict[str, object] = {"status": DeliveryStatus.NONE}
        if group is not None:
            changes["group"] = group
        Delivery.objects.filter(outbox_message_id__in=ids, status=DeliveryStatus.PENDING).update(
            **changes
        )


def on_failed(rows: Rows) -> None:
    for row in rows:
        Delivery.objects.filter(outbox_message_id=row.pk, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.FAILED, last_error=row.last_error
        )


def on_unsent(rows: Rows) -> None:
    """The server refused the finished message: it was not delivered after all (an in-app
    copy, if any, did arrive)."""
    ids = [row.pk for row in rows]
    for delivery in Delivery.objects.filter(outbox_message_id__in=ids).select_related("message"):
        undo: dict[str, object] = {"status": DeliveryStatus.PENDING, "email_sent_at": None}
        if not delivery.message.in_app:
            undo["delivered_at"] = None
        Delivery.objects.filter(pk=delivery.pk).update(**undo)


def after_batch(rows: Rows) -> None:
    """Messages none of whose rows is pending any more are sent."""
    ids = [row.pk for row in rows]
    message_ids = set(
        Delivery.objects.filter(outbox_message_id__in=ids).values_list("message_id", flat=True)
    )
    pending = Delivery.objects.filter(message_id__in=message_ids, status=DeliveryStatus.PENDING)
    Message.objects.filter(pk__in=message_ids, status=MessageStatus.SCHEDULED).exclude(
        pk__in=pending.values("message_id")
    ).update(status=MessageStatus.SENT)


def free_of_workers(now: datetime) -> Q:
    """Deliveries whose outbox row no worker holds right now."""
    return Q(outbox_message__claimed_until__isnull=True) | Q(outbox_message__claimed_until__lt=now)


def register_builders() -> None:
    for kind in KINDS:
        register_builder(
            kind, build=build, on_sent=on_sent, on_skipped=on_skipped, on_failed=on_failed,
            on_unsent=on_unsent, after_batch=after_batch,
        )  # fmt: skip
