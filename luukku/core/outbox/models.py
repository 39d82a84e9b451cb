"""The outbox table: one row per message and recipient, whatever app it comes from."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    SKIPPED = "skipped", _("Not sent: nothing to send any more")
    FAILED = "failed", _("Failed: given up")


class OutboxMessage(models.Model):
    """One message to one recipient, rendered late by the builder registered for its kind.

    The row holds ids and small non-secret parameters only: links and their secrets are
    derived when the message is built, so neither this table nor the task queue carries
    anything that would let someone holding a copy sign in or read a conversation.
    `source_app`/`source_id` name the row the message is about as strings, because core
    imports no other app.
    """

    kind = models.CharField(_("kind"), max_length=50)
    key = models.CharField(_("de-duplication key"), max_length=200, unique=True)
    source_app = models.CharField(max_length=50)
    source_id = models.CharField(max_length=64)
    params = models.JSONField(default=dict, blank=True)
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Whose staff may see the row; empty for installation-wide mail."),
    )
    recipient = models.CharField(_("recipient"), max_length=320)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    # The lease: while claimed_until is in the future, other workers leave the row alone.
    # It only spreads work; what prevents a double send is the conditional commit.
    claimed_until = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=100, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    # Committed just before the end of the message goes to the SMTP server: once set, the
    # row is never sent again (docs/outbox.md, "Exactly once").
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # The server's "250 accepted" was read; empty on a sent row means the worker stopped
    # between its commit and the server's answer.
    confirmed_at = models.DateTimeField(_("confirmed by the mail server"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        indexes = [
            # The workers' claim query reads exactly this set.
            models.Index(
                fields=["next_attempt_at", "id"],
                condition=Q(status="pending"),
                name="outbox_due_idx",
            ),
            models.Index(fields=["recipient", "-created_at"], name="outbox_recipient_idx"),
            models.Index(fields=["source_app", "source_id"], name="outbox_source_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient} ({self.status})"
