"""Organisations and teams: the tenancy every other app hangs its rows on."""

import functools
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _


@functools.cache
def known_time_zones() -> frozenset[str]:
    """IANA zone names. Read once: zoneinfo.available_timezones() scans the disk on each call."""
    return frozenset(zoneinfo.available_timezones())


@functools.cache
def region_time_zone_choices() -> list[tuple[str, str]]:
    """Form choices of the Area/Location zones people pick from, sorted."""
    return [(zone, zone) for zone in sorted(known_time_zones()) if "/" in zone]


def validate_time_zone(value: str) -> None:
    if value not in known_time_zones():
        raise ValidationError(_("%(zone)s is not a known time zone."), params={"zone": value})


# Words that public addresses use next to an organisation's short name (/help/staff/,
# /help/c/<token>/, /bookings/manage/<token>/, ...): an organisation named so could not
# reach its own pages there.
RESERVED_ORGANISATION_SLUGS = frozenset(
    {"c", "calendars", "feed", "hours", "manage", "new", "requests", "sessions", "staff"}
)


def validate_organisation_slug(value: str) -> None:
    if value in RESERVED_ORGANISATION_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is used by Luukku's own addresses; choose another short name."),
            params={"slug": value},
        )


def default_time_zone() -> str:
    return str(settings.LUUKKU_TIME_ZONE)


class Organisation(models.Model):
    """A customer of the installation: a university, a municipality, a training company."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), unique=True, validators=[validate_organisation_slug])
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=default_time_zone, validators=[validate_time_zone]
    )
    brand_colour = models.CharField(_("brand colour"), max_length=7, default="#1f5f8b")
    pseudonymise_analytics = models.BooleanField(
        _("pseudonymise participants in analytics"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    """A group of staff, e.g. a service team that answers one kind of request."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="team_name_unique_per_org"
            )
        ]

    def __str__(self) -> str:
        return self.name


class LocalMail(models.Model):
    """A message delivered to the built-in mailbox instead of a real SMTP server.

    The embedded default must work without any mail service, yet people still need to
    read magic links; staff read these at /mailbox/.
    """

    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)
    from_address = models.CharField(max_length=320)
    to_addresses = models.TextField(help_text="Comma-separated recipients.")
    subject = models.CharField(max_length=998)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    raw_message = models.TextField()

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("local mail")
        verbose_name_plural = _("local mailbox")

    def __str__(self) -> str:
        return f"{self.subject} → {self.to_addresses}"


class SweepRun(models.Model):
    """When each periodic sweep last started, so that several sweepers never run one twice."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    last_started_at = models.DateTimeField(_("last started"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("sweep run")
        verbose_name_plural = _("sweep runs")

    def __str__(self) -> str:
        return self.name


class Schedule(models.Model):
    """Weekly opening hours as local wall-clock times in one IANA zone.

    Stored as local times, never as UTC, so that 09:00 stays 09:00 across daylight saving
    changes; `luukku.core.opening_hours` expands them per date.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="schedules"
    )
    name = models.CharField(_("name"), max_length=200)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=default_time_zone, validators=[validate_time_zone]
    )

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OpeningPeriod(models.Model):
    """One open stretch on one weekday, e.g. Monday 09:00-16:00 (weekday 0 is Monday)."""

    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="periods")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=list(WEEKDAYS.items()))
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening period")
        verbose_name_plural = _("opening periods")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")), name="period_closes_after_opens"
            )
        ]

    def __str__(self) -> str:
        return f"{self.weekday} {self.opens:%H:%M}-{self.closes:%H:%M}"

    def clean(self) -> None:
        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError(_("Closing time must be after opening time."))


class ServiceKind(models.TextChoices):
    HELPDESK = "helpdesk", _("Helpdesk")
    CHAT = "chat", _("Chat")
    BOOKING = "booking", _("Booking calendar")
    KNOWLEDGE = "knowledge", _("Knowledge base")
    EFORM = "eform", _("E-form")
    OTHER = "other", _("Other service")


class Service(models.Model):
    """One entry of an organisation's service catalogue: every e-service on one page."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="services"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ServiceKind.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    audience = models.CharField(_("who it is for"), max_length=300, blank=True)
    sign_in_required = models.BooleanField(_("sign-in needed"), default=False)
    url = models.CharField(
        _("address"), max_length=500, help_text=_("A path on this site or a full https address.")
    )
    schedule = models.ForeignKey(
        Schedule,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("opening hours"),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    published = models.BooleanField(_("published"), default=True)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["position", "name"]
        indexes = [models.Index(fields=["organisation", "published", "position"])]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not (self.url.startswith("/") or self.url.startswith("https://")):
            raise ValidationError({"url": _("Use a path on this site or an https address.")})
        if self.schedule is not None and self.schedule.organisation_id != self.organisation_id:
            raise ValidationError({"schedule": _("Pick opening hours of this organisation.")})


# The outbox lives in its own module; imported here so that Django finds the model.
from luukku.core.outbox.models import OutboxMessage as OutboxMessage  # noqa: E402 (after the tenancy models it points at)
from luukku.core.outbox.models import OutboxStatus as OutboxStatus  # noqa: E402
