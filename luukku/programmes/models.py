"""Programmes: a plan of sections that open over time, their pages, files and tasks."""

import datetime
import uuid
import zoneinfo
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luukku.core.models import Organisation, validate_time_zone


class PlanUnit(models.TextChoices):
    WEEK = "week", _("Week")
    MONTH = "month", _("Month")


class ProgrammeRole(models.TextChoices):
    COACH = "coach", _("Coach")
    PARTICIPANT = "participant", _("Participant")
    OBSERVER = "observer", _("Observer")


def _random_name(folder: str, filename: str) -> str:
    # Stored names are random so that nobody can guess another file's path.
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"programmes/{folder}/{uuid.uuid4().hex}{suffix}"


def cover_upload_to(instance: "Programme", filename: str) -> str:
    return _random_name("covers", filename)


def page_file_upload_to(instance: "PageFile", filename: str) -> str:
    return _random_name("files", filename)


class Programme(models.Model):
    """An online coaching programme of one organisation, with its coaches and participants."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="programmes"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    time_zone = models.CharField(_("time zone"), max_length=64, validators=[validate_time_zone])
    cover_image = models.ImageField(
        _("cover image"), upload_to=cover_upload_to, blank=True, max_length=200
    )
    plan_unit = models.CharField(
        _("plan unit"), max_length=5, choices=PlanUnit.choices, default=PlanUnit.WEEK
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="programme_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date cannot be before the start date.")})

    def today(self) -> datetime.date:
        """Today's date in the programme's own time zone: sections open by this calendar."""
        return timezone.now().astimezone(zoneinfo.ZoneInfo(self.time_zone)).date()


class ProgrammeMembership(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programme_memberships"
    )
    role = models.CharField(_("role"), max_length=12, choices=ProgrammeRole.choices)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("programme membership")
        verbose_name_plural = _("programme memberships")
        ordering = ["programme", "role", "joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "user"], name="one_membership_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.programme} · {self.role}"

    @property
    def is_coach(self) -> bool:
        return self.role == ProgrammeRole.COACH


class Section(models.Model):
    """A step of the plan (a week, a month, a sprint day) that opens on a date."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    opens_on = models.DateField(
        _("opens on"), null=True, blank=True, help_text=_("Leave empty to open at once.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["programme", "position", "id"]
        indexes = [models.Index(fields=["programme", "position"])]

    def __str__(self) -> str:
        return self.title

    def is_open_on(self, day: datetime.date) -> bool:
        return self.opens_on is None or self.opens_on <= day


class Page(models.Model):
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="pages")
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    body_html = models.TextField(_("text"), blank=True)
    video_url = models.URLField(
        _("video link"),
        blank=True,
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("A YouTube, Vimeo or other web address starting with https://."),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["section", "position", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def video_provider(self) -> str:
        """'YouTube', 'Vimeo' or '' for other video links."""
        host = (urlsplit(self.video_url).hostname or "").lower().removeprefix("www.")
        if host in {"youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com"}:
            return "YouTube"
        if host in {"vimeo.com", "player.vimeo.com"}:
            return "Vimeo"
        return ""


class PageFile(models.Model):
    """A file attached to a page, served only through an access-checked download view."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to=page_file_upload_to, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("page file")
        verbose_name_plural = _("page files")
        ordering = ["page", "original_name", "id"]

    def __str__(self) -> str:
        return self.original_name


class Task(models.Model):
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("title"), max_length=200)
    description_html = models.TextField(_("description"), blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["section", "due_on", "id"]

    def __str__(self) -> str:
        return self.title


class ProgrammeTemplate(models.Model):
    """A saved plan (sections, pages, tasks) that new programmes of the organisation copy."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="programme_templates"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    plan = models.JSONField(_("plan"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("programme template")
        verbose_name_plural = _("programme templates")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
