"""Organisations and teams: the tenancy every other app hangs its rows on."""

import functools
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
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


def default_time_zone() -> str:
    return str(settings.LUUKKU_TIME_ZONE)


class Organisation(models.Model):
    """A customer of the installation: a university, a municipality, a training company."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), unique=True)
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
