"""Participation events: the append-only record every analytic is derived from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    PAGE_VIEW = "page_view", _("Page view")
    ACTIVE_PING = "active_ping", _("Active time")
    POST = "post", _("Post")
    COMMENT = "comment", _("Comment")
    REACTION = "reaction", _("Reaction")
    FILE_OPEN = "file_open", _("File opened")
    MESSAGE_OPEN = "message_open", _("Message opened")
    MESSAGE_CLICK = "message_click", _("Message link followed")
    BOOKING = "booking", _("Booking")


# Seconds of active time one ping stands for: the browser sends one every 15 s while the
# page is visible and the person has interacted in the last minute.
ACTIVE_PING_SECONDS = 15


class Event(models.Model):
    """One thing a member did in a programme. Rows are only ever inserted.

    The app has no update or delete path on purpose: analytics and audits read this as a
    log. Erasure (a person's right to be forgotten, retention) will be a bulk delete by
    user_id or by age in the privacy app, served by the indexes below.

    organisation_id, programme_id and user_id are plain integer columns, not foreign keys.
    On PostgreSQL every foreign-key constraint costs each INSERT a lookup in the parent
    table and a KEY SHARE lock on the parent row, which concurrent ingest of one
    programme's events would contend on; a ForeignKey without the constraint would still
    add a single-column index per key, and every index is paid for on each insert. The
    composite indexes below are the ones reads need. Plain columns also leave the table
    free to be partitioned by time later (DESIGN: partitioned event tables).
    """

    organisation_id = models.BigIntegerField()
    programme_id = models.BigIntegerField()
    user_id = models.BigIntegerField()
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices)
    target = models.CharField(_("target"), max_length=64, blank=True)
    occurred_at = models.DateTimeField(_("time"))
    active_seconds = models.PositiveSmallIntegerField(_("active seconds"), default=0)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["programme_id", "occurred_at"], name="event_programme_time"),
            models.Index(fields=["user_id", "programme_id", "occurred_at"], name="event_user_time"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.target} by user {self.user_id} at {self.occurred_at}"
