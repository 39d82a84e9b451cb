"""Writes for notifications: telling people, marking read, preferences."""

from collections.abc import Iterable, Mapping
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from luukku.accounts.actions import safe_next_path
from luukku.accounts.models import User
from luukku.core.models import Organisation
from luukku.core.outbox.actions import do_enqueue_messages
from luukku.notifications import queries
from luukku.notifications.models import Notification, NotificationKind, NotificationPreference
from luukku.notifications.outbox import outbox_message


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

    In-app rows and outbox rows are written in one transaction; the outbox sends the
    e-mails after it commits.
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
        do_enqueue_messages(
            [
                outbox_message(notification, people[notification.recipient_id].email)
                for notification in notifications
                if channels[notification.recipient_id].by_email
            ]
        )


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
