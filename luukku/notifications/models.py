"""In-app notifications and each person's channel preferences (e-mail goes by core's outbox)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luukku.core.models import Organisation


class NotificationKind(models.TextChoices):
    MENTION = "mention", _("Mentions of me")
    REPLY = "reply", _("Replies to my discussions")
    NEW_THREAD = "new_thread", _("New discussions in my programmes")
    INVITATION = "invitation", _("Invitations")
    ANNOUNCEMENT = "announcement", _("Announcements")
    ACTIVATION = "activation", _("Activation messages")


# Activation messages (the outreach app) are governed by each programme's unsubscribe link,
# not by these preferences, so people are not offered a second switch for the same thing.
PREFERENCE_KINDS = tuple(kind for kind in NotificationKind if kind != NotificationKind.ACTIVATION)


# Kinds that reach people by e-mail unless they say otherwise: the personal ones and the
# coach's announcements. New threads are frequent, so they stay in-app unless asked for.
EMAIL_BY_DEFAULT = frozenset(
    {
        NotificationKind.MENTION,
        NotificationKind.REPLY,
        NotificationKind.INVITATION,
        NotificationKind.ANNOUNCEMENT,
    }
)


class Notification(models.Model):
    """One thing one person is told about.

    A row exists for everyone told by either channel; `in_app` is False when the person
    wants only the e-mail, so the outbox still has a notification to refer to.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="notifications"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    title = models.CharField(_("title"), max_length=300)
    url = models.CharField(_("address"), max_length=500, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    in_app = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The bell counts these on every page: keep the index to exactly that set.
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True, in_app=True),
                name="notification_unread_idx",
            ),
            models.Index(fields=["recipient", "-created_at"], name="notification_list_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class NotificationPreference(models.Model):
    """A person's choice of channels for one kind; missing rows mean the defaults."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    in_app = models.BooleanField(_("in the app"), default=True)
    by_email = models.BooleanField(_("by e-mail"), default=False)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_user_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.kind}"
