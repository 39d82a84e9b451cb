"""What recipients do with a message: follow a link, read it in the app, open it, unsubscribe."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from luukku.accounts.actions import safe_next_path
from luukku.activity.actions import record_event
from luukku.activity.models import EventKind
from luukku.core.outbox.actions import do_skip_pending
from luukku.notifications.actions import do_mark_read
from luukku.outreach.actions.outbox import UNSUBSCRIBED
from luukku.outreach.models import Delivery, DeliveryGroup, DeliveryStatus, Unsubscribe

LINK_SLOTS = ("section", "continue")


def _record(delivery: Delivery, kind: EventKind) -> None:
    message = delivery.message
    record_event(
        organisation_id=message.organisation_id,
        programme_id=message.programme_id,
        user_id=delivery.user_id,
        kind=kind,
        target=f"message:{message.pk}",
    )


def link_target(delivery: Delivery, slot: str) -> str:
    """Where a tracked link goes: only places inside the message's own programme."""
    message = delivery.message
    home = reverse("programmes:home", args=[message.programme_id])
    if slot == "section" and message.section_id:
        return reverse("programmes:section", args=[message.programme_id, message.section_id])
    if slot == "continue":
        return safe_next_path(str(delivery.context.get("continue_path", ""))) or home
    return home


def do_record_click(*, delivery: Delivery, slot: str) -> str:
    """Count the click (the first one dates `clicked_at`) and return where to go."""
    now = timezone.now()
    Delivery.objects.filter(pk=delivery.pk, clicked_at__isnull=True).update(clicked_at=now)
    _record(delivery, EventKind.MESSAGE_CLICK)
    return link_target(delivery, slot)


def do_record_open(*, delivery: Delivery) -> None:
    """The tracking image was loaded (only when the organisation turned it on)."""
    if Delivery.objects.filter(pk=delivery.pk, read_at__isnull=True).update(read_at=timezone.now()):
        _record(delivery, EventKind.MESSAGE_OPEN)


def do_read_in_app(*, delivery: Delivery) -> None:
    """The recipient opened the message from the bell: mark both read, count it once."""
    if delivery.notification_id is not None:
        do_mark_read(user=delivery.user, notification_id=delivery.notification_id)
    do_record_open(delivery=delivery)


@transaction.atomic
def do_unsubscribe(*, delivery: Delivery) -> Unsubscribe:
    """No more activation messages from this programme to this person; safe to repeat.

    Rows already queued for them are stopped here too (the worker checks again anyway).
    """
    message = delivery.message
    unsubscribe, _created = Unsubscribe.objects.get_or_create(
        user_id=delivery.user_id, programme_id=message.programme_id
    )
    pending = Delivery.objects.filter(
        user_id=delivery.user_id,
        message__programme_id=message.programme_id,
        status=DeliveryStatus.PENDING,
    )
    withdrawn = do_skip_pending(
        ids=[i for i in pending.values_list("outbox_message_id", flat=True) if i],
        reason=UNSUBSCRIBED,
    )
    pending.filter(outbox_message_id__in=withdrawn).update(
        status=DeliveryStatus.NONE, group=DeliveryGroup.UNSUBSCRIBED
    )
    return unsubscribe
