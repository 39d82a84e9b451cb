"""Writes for notifications: telling people, marking read, preferences, sending the outbox."""

import logging
import smtplib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from luukku.accounts.actions import safe_next_path
from luukku.accounts.models import User
from luukku.core.models import Organisation
from luukku.core.outbox import MAX_SEND_ATTEMPTS
from luukku.notifications import queries, tasks
from luukku.notifications.models import (
    DeliveryStatus,
    EmailDelivery,
    Notification,
    NotificationKind,
    NotificationPreference,
)

logger = logging.getLogger(__name__)


def do_notify(
    *,
    recipients: Iterable[User],
    organisation: Organisation,
    kind: NotificationKind,
    title: str,
    url: str,
    actor: User | None = None,
) -> None:
    """Tell each recipient (never the actor) through the channels they chose for `kind`.

    In-app rows and outbox rows are written in one transaction; the e-mails are enqueued
    only after it commits, one task per outbox row.
    """
    people = {
        user.pk: user
        for user in recipients
        if user.is_active and (actor is None or user.pk != actor.pk)
    }
    channels = queries.channels_for_users(people, kind)
    wanted = [user_id for user_id, chosen in channels.items() if chosen.in_app or chosen.by_email]
    if not wanted:
        return
    now = timezone.now()
    with transaction.atomic():
        notifications = Notification.objects.bulk_create(
            Notification(
                organisation=organisation,
                recipient_id=user_id,
                kind=kind,
                title=title[:300],
                url=safe_next_path(url)[:500],
                actor=actor,
                in_app=channels[user_id].in_app,
                created_at=now,
            )
            for user_id in wanted
        )
        deliveries = EmailDelivery.objects.bulk_create(
            EmailDelivery(notification=notification, recipient_id=notification.recipient_id)
            for notification in notifications
            if channels[notification.recipient_id].by_email
        )
        delivery_ids = [delivery.pk for delivery in deliveries]
        transaction.on_commit(lambda: _enqueue_deliveries(delivery_ids))


def do_notify_in_app(
    *,
    recipient_id: int,
    organisation_id: int,
    kind: NotificationKind,
    title: str,
    url: str,
    created_at: datetime | None = None,
) -> Notification:
    """Put one notification in one person's bell, with no e-mail of its own.

    For senders that run their own e-mail delivery (activation messages): they decide the
    channels, and this only makes the in-app copy.
    """
    return Notification.objects.create(
        organisation_id=organisation_id,
        recipient_id=recipient_id,
        kind=kind,
        title=title[:300],
        url=safe_next_path(url)[:500],
        in_app=True,
        created_at=created_at or timezone.now(),
    )


def _enqueue_deliveries(delivery_ids: list[int]) -> None:
    for delivery_id in delivery_ids:
        tasks.send_notification_email.enqueue(delivery_id=delivery_id)


def do_mark_read(*, user: User, notification_id: int) -> Notification:
    """Mark the person's own notification read (404 for anyone else's) and return it."""
    notification = queries.access_notification(user, notification_id)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def do_mark_all_read(*, user: User) -> int:
    """Mark every unread notification of the person read; return how many there were."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def do_set_preferences(*, user: User, choices: Mapping[str, queries.Channels]) -> None:
    """Store the person's channels for each kind given."""
    for kind, chosen in choices.items():
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"in_app": chosen.in_app, "by_email": chosen.by_email}
        )


class DeliveryOutcome(Enum):
    SENT = "sent"
    SKIPPED = "skipped"
    RETRY = "retry"
    FAILED = "failed"


@dataclass(frozen=True)
class DeliveryResult:
    outcome: DeliveryOutcome
    attempts: int = 0


def do_send_email_delivery(*, delivery_id: int) -> DeliveryResult:
    """Send one outbox row unless it is already sent or given up; safe to run twice.

    The row stays locked while the message goes out, so a second worker holding the
    same id waits and then finds it sent.
    """
    with transaction.atomic():
        delivery = (
            EmailDelivery.objects.select_for_update()
            .filter(pk=delivery_id, status=DeliveryStatus.PENDING)
            .first()
        )
        if delivery is None:
            return DeliveryResult(DeliveryOutcome.SKIPPED)
        delivery.attempts += 1
        try:
            _send_email(delivery)
        except (smtplib.SMTPException, OSError) as error:
            logger.warning("Notification e-mail %s failed: %s", delivery_id, error)
            delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
            if delivery.attempts >= MAX_SEND_ATTEMPTS:
                delivery.status = DeliveryStatus.FAILED
            delivery.save(update_fields=["attempts", "last_error", "status"])
            failed = delivery.status == DeliveryStatus.FAILED
            outcome = DeliveryOutcome.FAILED if failed else DeliveryOutcome.RETRY
            return DeliveryResult(outcome, delivery.attempts)
        delivery.status = DeliveryStatus.SENT
        delivery.sent_at = timezone.now()
        delivery.save(update_fields=["attempts", "status", "sent_at"])
        return DeliveryResult(DeliveryOutcome.SENT, delivery.attempts)


def _send_email(delivery: EmailDelivery) -> None:
    notification = Notification.objects.select_related("actor", "organisation").get(
        pk=delivery.notification_id
    )
    recipient = User.objects.get(pk=delivery.recipient_id)
    context = {
        "recipient": recipient,
        "notification": notification,
        "link": settings.SITE_URL + (notification.url or reverse("notifications:list")),
        "preferences_link": settings.SITE_URL + reverse("notifications:preferences"),
    }
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        subject = render_to_string("notifications/email/notification_subject.txt", context)
        body = render_to_string("notifications/email/notification.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=body, to=[recipient.email]
    )
    message.send()
