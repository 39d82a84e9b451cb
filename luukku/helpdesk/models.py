"""Helpdesk: requests reach a team through categories and keyword rules; people never pick one."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from luukku.core.models import Organisation, Schedule, Team


class TeamDesk(models.Model):
    """A team's helpdesk settings: opening hours and service targets in opening minutes."""

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="desk")
    schedule = models.ForeignKey(
        Schedule, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("opening hours")
    )
    first_reply_minutes = models.PositiveIntegerField(
        _("first reply target (minutes)"), default=480
    )
    resolution_minutes = models.PositiveIntegerField(_("resolution target (minutes)"), default=2400)

    class Meta:
        verbose_name = _("team helpdesk settings")
        verbose_name_plural = _("team helpdesk settings")

    def __str__(self) -> str:
        return str(self.team)


class Category(models.Model):
    """A topic the requester picks; it names the team that answers (osTicket's help topics)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="help_categories"
    )
    name = models.CharField(_("name"), max_length=200)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, verbose_name=_("team"))
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class RoutingRule(models.Model):
    """A keyword in the subject or message that sends a request to a team, whatever the topic."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="routing_rules"
    )
    keyword = models.CharField(_("keyword"), max_length=100)
    team = models.ForeignKey(Team, on_delete=models.CASCADE, verbose_name=_("team"))
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.keyword} → {self.team}"


class Status(models.TextChoices):
    NEW = "new", _("New")
    OPEN = "open", _("Open")
    WAITING = "waiting", _("Waiting for requester")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = (Status.NEW, Status.OPEN, Status.WAITING)


class Channel(models.TextChoices):
    OPEN_FORM = "open_form", _("Open contact form")
    SIGNED_IN = "signed_in", _("Signed in")


class Request(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="help_requests"
    )
    reference = models.CharField(_("reference"), max_length=16, unique=True)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, verbose_name=_("category"), related_name="+"
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="help_requests")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_help_requests",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.NEW)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel)
    subject = models.CharField(_("subject"), max_length=200)
    requester_name = models.CharField(_("name"), max_length=150)
    requester_email = models.EmailField(_("e-mail address"))
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="help_requests",
    )
    language = models.CharField(max_length=5, default="fi")
    created_at = models.DateTimeField()
    first_reply_due = models.DateTimeField(null=True, blank=True)
    resolution_due = models.DateTimeField(null=True, blank=True)
    first_reply_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # While the request waits for the requester the resolution clock stops; on their answer
    # the target moves by the opening time spent waiting.
    waiting_since = models.DateTimeField(null=True, blank=True)
    # Denormalised for the inbox's "overdue" filter: the earlier unmet target.
    next_due = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["team", "status", "-created_at"], name="hd_team_status_created"),
            models.Index(fields=["team", "-created_at"], name="hd_team_created"),
            models.Index(fields=["team", "next_due"], name="hd_team_next_due"),
            models.Index(fields=["assignee", "status"], name="hd_assignee_status"),
            models.Index(fields=["organisation", "created_at"], name="hd_org_created"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"


class MessageKind(models.TextChoices):
    REQUESTER = "requester", _("From the requester")
    STAFF = "staff", _("Reply")
    NOTE = "note", _("Internal note")


class Message(models.Model):
    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=10, choices=MessageKind)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(_("message"))
    via_email = models.BooleanField(default=False)
    created_at = models.DateTimeField()
    # Set in the outbox's commit when the e-mail of this message went out.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["request", "created_at"], name="hd_message_request")]

    def __str__(self) -> str:
        return f"{self.request.reference} {self.kind}"


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="helpdesk/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    def __str__(self) -> str:
        return self.original_name


class RoutingNote(models.Model):
    """A re-route between teams, with the reason; staff see it, the requester never does."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="routings")
    from_team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, related_name="+")
    to_team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, related_name="+")
    note = models.TextField(blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_team} → {self.to_team}"


class ConversationLink(models.Model):
    """A private link to one conversation; only a hash of its secret is stored.

    The secret is a keyed hash of `nonce` with the SECRET_KEY (helpdesk.actions), so the
    outbox can e-mail the link from its id; links made before the nonce have none.
    """

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True)
    nonce = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"link to {self.request_id}"


class CannedReply(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="canned_replies"
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))

    class Meta:
        verbose_name = _("canned reply")
        verbose_name_plural = _("canned replies")
        ordering = ["language", "title"]

    def __str__(self) -> str:
        return self.title


class Rating(models.Model):
    """The one satisfaction question after resolution; one per request."""

    request = models.OneToOneField(Request, on_delete=models.CASCADE, related_name="rating")
    score = models.PositiveSmallIntegerField(_("rating"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="rating_score_1_to_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.score}"


class InboundMail(models.Model):
    """Every inbound message and what became of it, so rejected mail can be looked into."""

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        DUPLICATE = "duplicate", _("Duplicate")
        REJECTED = "rejected", _("Rejected")

    received_at = models.DateTimeField(auto_now_add=True)
    message_id = models.CharField(max_length=998, blank=True, db_index=True)
    sender = models.CharField(max_length=320, blank=True)
    subject = models.CharField(max_length=998, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome)
    reason = models.CharField(max_length=200, blank=True)
    request = models.ForeignKey(Request, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.outcome}: {self.subject}"
