"""Notification e-mails in the one outbox (core): one row per notification sent by e-mail.

The row names only the notification; the builder renders the e-mail when it is sent, in
the recipient's language, and sends nothing to a person who has been deactivated since.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation

from luukku.core.outbox.actions import NewMessage
from luukku.core.outbox.plain_text import render_plain_subject, render_plain_text
from luukku.core.outbox.registry import Built, Outgoing, Rows, Skip, register_builder
from luukku.notifications.models import Notification

KIND = "notifications.email"


def outbox_message(notification: Notification, recipient_email: str) -> NewMessage:
    return NewMessage(
        kind=KIND,
        key=f"{KIND}:{notification.pk}",
        recipient=recipient_email,
        source_app="notifications",
        source_id=notification.pk,
        organisation_id=notification.organisation_id,
    )


def build(rows: Rows) -> list[Built]:
    found = Notification.objects.select_related("actor", "organisation", "recipient").filter(
        pk__in=[int(row.source_id) for row in rows]
    )
    notifications = {str(notification.pk): notification for notification in found}
    return [_build_one(notifications.get(row.source_id)) for row in rows]


def _build_one(notification: Notification | None) -> Built:
    if notification is None:
        return Skip("the notification was deleted")
    recipient = notification.recipient
    if not recipient.is_active:
        return Skip("the recipient's account is closed")
    context = {
        "recipient": recipient,
        "notification": notification,
        "link": settings.SITE_URL + (notification.url or reverse("notifications:list")),
        "preferences_link": settings.SITE_URL + reverse("notifications:preferences"),
    }
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        subject = render_plain_subject("notifications/email/notification_subject.txt", context)
        body = render_plain_text("notifications/email/notification.txt", context)
    return Outgoing(EmailMultiAlternatives(subject=subject, body=body, to=[recipient.email]))


def register_builders() -> None:
    register_builder(KIND, build=build)
