"""Activation messages: templates, messages, each person's delivery, unsubscribes, automations."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luukku.core.models import Organisation
from luukku.programmes.models import Programme, Section, Task


def new_token() -> str:
    """The unguessable part of tracked links, the open pixel and the unsubscribe link."""
    return secrets.token_urlsafe(16)


class TemplateKind(models.TextChoices):
    REMINDER = "reminder", _("Reminder")
    MOTIVATION = "motivation", _("Motivation")
    NEW_CONTENT = "new_content", _("New content")
    DEADLINE = "deadline", _("Deadline")


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    IN_APP = "in_app", _("In the app")
    BOTH = "both", _("E-mail and in the app")


class AudienceKind(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    PASSIVE = "passive", _("Passive for at least N days")
    NOT_OPENED = "not_opened", _("Has not opened a section")
    NOT_POSTED = "not_posted", _("Has not posted yet")
    DROPPED_OFF = "dropped_off", _("Dropped off")
    PICKED = "picked", _("Hand-picked")


class TimingKind(models.TextChoices):
    NOW = "now", _("Now")
    AT = "at", _("At a date and time")
    BEST_TIME = "best_time", _("At the programme's best time")
    PERSONAL = "personal", _("At each person's own most active hour")


class OutreachSettings(models.Model):
    """An organisation's rules for activation messages; missing rows mean the defaults."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="outreach_settings"
    )
    open_tracking = models.BooleanField(
        _("count e-mail opens with a tracking image"),
        default=False,
        help_text=_("Off by default: a hidden image tells the sender when a message is read."),
    )
    quiet_hours_start = models.PositiveSmallIntegerField(_("quiet hours start"), default=21)
    quiet_hours_end = models.PositiveSmallIntegerField(_("quiet hours end"), default=8)
    frequency_cap_days = models.PositiveSmallIntegerField(
        _("at most one message per person in this many days"), default=2
    )
    holdout_percent = models.PositiveSmallIntegerField(_("hold-out share (%)"), default=10)

    class Meta:
        verbose_name = _("outreach settings")
        verbose_name_plural = _("outreach settings")

    def __str__(self) -> str:
        return str(self.organisation)


class MessageTemplate(models.Model):
    """An organisation's own wording of a library template in one language."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="message_templates"
    )
    kind = models.CharField(_("template"), max_length=20, choices=TemplateKind.choices)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("message"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("message template")
        verbose_name_plural = _("message templates")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "language"], name="one_template_per_kind_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} ({self.language})"


class Automation(models.Model):
    """A rule the daily sweep runs: whom to message, with which text, once per person."""

    class Trigger(models.TextChoices):
        PASSIVE = "passive", _("Passive for N days")
        DEADLINE = (
            "deadline",
            _("N days before a task's deadline, to those who have not opened its section"),
        )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="automations")
    name = models.CharField(_("name"), max_length=200)
    trigger = models.CharField(_("when"), max_length=20, choices=Trigger.choices)
    days = models.PositiveSmallIntegerField(_("days"), default=7)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("message"))
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.BOTH
    )
    holdout_percent = models.PositiveSmallIntegerField(_("hold-out share (%)"), default=10)
    is_paused = models.BooleanField(_("paused"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("automation")
        verbose_name_plural = _("automations")
        ordering = ["programme", "name", "id"]

    def __str__(self) -> str:
        return self.name


class MessageStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    SENT = "sent", _("Sent")
    CANCELLED = "cancelled", _("Cancelled")


class Message(models.Model):
    """One activation message to an audience of one programme, as composed and queued."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="activation_messages"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    automation = models.ForeignKey(
        Automation, on_delete=models.SET_NULL, null=True, blank=True, related_name="messages"
    )
    # What the automation sent this for (e.g. "task:12"), so that "once per person" holds
    # per occasion; empty for messages composed by hand.
    occasion = models.CharField(max_length=40, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("message"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    section = models.ForeignKey(
        Section, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    audience = models.CharField(_("audience"), max_length=20, choices=AudienceKind.choices)
    audience_detail = models.JSONField(default=dict, blank=True)
    timing = models.CharField(_("timing"), max_length=20, choices=TimingKind.choices)
    send_at = models.DateTimeField(_("send at"))
    ignore_quiet_hours = models.BooleanField(default=False)
    ignore_frequency_cap = models.BooleanField(default=False)
    holdout_percent = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(
        max_length=10, choices=MessageStatus.choices, default=MessageStatus.SCHEDULED
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("activation message")
        verbose_name_plural = _("activation messages")
        ordering = ["-send_at", "-id"]
        indexes = [models.Index(fields=["programme", "-send_at"], name="message_programme_idx")]

    def __str__(self) -> str:
        return self.subject

    @property
    def by_email(self) -> bool:
        return self.channel in (Channel.EMAIL, Channel.BOTH)

    @property
    def in_app(self) -> bool:
        return self.channel in (Channel.IN_APP, Channel.BOTH)


class DeliveryGroup(models.TextChoices):
    RECIPIENT = "recipient", _("Recipient")
    HOLDOUT = "holdout", _("Hold-out")
    UNSUBSCRIBED = "unsubscribed", _("Skipped: unsubscribed")
    CAPPED = "capped", _("Skipped: frequency cap")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    DONE = "done", _("Delivered")
    FAILED = "failed", _("Failed")
    NONE = "none", _("Not sent")


class Delivery(models.Model):
    """One row per (message, person in its audience), unique in the database: the record
    of what happened to each person's copy. The sending itself (lease, attempts, exactly
    once) is the core outbox row it points at.

    Hold-out and skipped people get a row too (never sent, no outbox row), so the report
    can count them and compare the recipients with the hold-out.
    """

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="deliveries")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    group = models.CharField(max_length=12, choices=DeliveryGroup.choices)
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices)
    token = models.CharField(max_length=32, unique=True, default=new_token)
    # Per-person values the placeholders need, fixed when the message is queued.
    context = models.JSONField(default=dict, blank=True)
    send_at = models.DateTimeField()
    outbox_message = models.OneToOneField(
        "core.OutboxMessage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Why the copy failed (the outbox row's last error when it was given up).
    last_error = models.TextField(blank=True)
    # Set in the outbox's commit just before the end of the message goes to the server.
    email_sent_at = models.DateTimeField(null=True, blank=True)
    notification = models.ForeignKey(
        "notifications.Notification",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    delivered_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    clicked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["message", "user"], name="one_delivery_per_person")
        ]
        indexes = [models.Index(fields=["user", "send_at"], name="delivery_user_time_idx")]

    def __str__(self) -> str:
        return f"{self.message_id} → {self.user_id} ({self.group}, {self.status})"


class Unsubscribe(models.Model):
    """A person asked for no more activation messages from one programme."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("unsubscribe")
        verbose_name_plural = _("unsubscribes")
        constraints = [
            models.UniqueConstraint(fields=["user", "programme"], name="one_unsubscribe_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} ✗ {self.programme_id}"


class AutomationRun(models.Model):
    """The log of an automation: one row per daily run that found something to do."""

    automation = models.ForeignKey(Automation, on_delete=models.CASCADE, related_name="runs")
    ran_at = models.DateTimeField(default=timezone.now)
    message = models.ForeignKey(
        Message, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    task = models.ForeignKey(
        Task, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recipients = models.PositiveIntegerField(default=0)
    held_out = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("automation run")
        verbose_name_plural = _("automation runs")
        ordering = ["-ran_at", "-id"]

    def __str__(self) -> str:
        return f"{self.automation} {self.ran_at:%Y-%m-%d}"
