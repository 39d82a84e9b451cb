"""Reads for notifications: a person's own list, the unread count, channel preferences."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from luukku.accounts.models import User
from luukku.notifications.models import (
    EMAIL_BY_DEFAULT,
    PREFERENCE_KINDS,
    Notification,
    NotificationPreference,
)


@dataclass(frozen=True)
class Channels:
    """Which channels one person wants for one kind of notification."""

    in_app: bool
    by_email: bool


def default_channels(kind: str) -> Channels:
    return Channels(in_app=True, by_email=kind in EMAIL_BY_DEFAULT)


def notifications_for(user: User, *, unread_only: bool = False) -> QuerySet[Notification]:
    """The person's in-app notifications, newest first."""
    found = Notification.objects.filter(recipient=user, in_app=True).select_related("actor")
    return found.filter(read_at__isnull=True) if unread_only else found


def unread_count(user: User) -> int:
    """One COUNT over the partial unread index."""
    return Notification.objects.filter(recipient=user, in_app=True, read_at__isnull=True).count()


def access_notification(user: User, notification_id: int) -> Notification:
    """The person's own notification; anyone else's is a 404."""
    notification = Notification.objects.filter(
        pk=notification_id, recipient=user, in_app=True
    ).first()
    if notification is None:
        raise Http404
    return notification


def channels_for_users(user_ids: Iterable[int], kind: str) -> dict[int, Channels]:
    """Every given user's channels for `kind`, with defaults filled in (one query)."""
    ids = list(user_ids)
    stored = {
        preference.user_id: Channels(preference.in_app, preference.by_email)
        for preference in NotificationPreference.objects.filter(user_id__in=ids, kind=kind)
    }
    return {user_id: stored.get(user_id, default_channels(kind)) for user_id in ids}


def preferences_of(user: User) -> dict[str, Channels]:
    """The person's channels for every kind, in the order the kinds are declared."""
    stored = {
        preference.kind: Channels(preference.in_app, preference.by_email)
        for preference in NotificationPreference.objects.filter(user=user)
    }
    return {kind.value: stored.get(kind, default_channels(kind)) for kind in PREFERENCE_KINDS}
