"""Booking calendars, advisors' availability and bookings (their e-mail goes by core's outbox).

Availability is stored as wall-clock time plus an IANA zone per advisor and expanded per
date (see availability.py), so a DST change moves nothing people agreed on.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from luukku.core.models import Organisation, default_time_zone, validate_time_zone


class Access(models.TextChoices):
    ANYONE = "anyone", _("Anyone, without signing in")
    SIGNED_IN = "signed_in", _("Signed-in people")
    PROGRAMME = "programme", _("Members of a programme")


class Assignment(models.TextChoices):
    ROUND_ROBIN = "round_robin", _("Team: the next free advisor in turn")
    PICK = "pick", _("Team: the booker picks a person")


class Mode(models.TextChoices):
    VIDEO = "video", _("Video")
    PHONE = "phone", _("Phone")
    ON_SITE = "on_site", _("On site")


class MeetingLink(models.TextChoices):
    NONE = "none", _("No link")
    FIXED = "fixed", _("A fixed room per advisor")
    GENERATED = "generated", _("A generated room name on a video service")
    TEMPLATE = "template", _("An address template")


class BookingCalendar(models.Model):
    """What people can book: topics, length, modes, who may book and the rules of time."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="booking_calendars"
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"))
    description = models.TextField(_("description"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("length in minutes"), default=30, validators=[MinValueValidator(5)]
    )
    modes = models.JSONField(_("modes"), default=list, blank=True)
    location = models.CharField(_("address for on-site meetings"), max_length=300, blank=True)
    access = models.CharField(_("who may book"), max_length=12, choices=Access.choices)
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assignment = models.CharField(
        _("advisors"), max_length=12, choices=Assignment.choices, default=Assignment.ROUND_ROBIN
    )
    buffer_minutes = models.PositiveSmallIntegerField(_("buffer between sessions"), default=0)
    notice_minutes = models.PositiveIntegerField(_("minimum notice in minutes"), default=120)
    horizon_days = models.PositiveSmallIntegerField(
        _("bookable days ahead"), default=30, validators=[MinValueValidator(1)]
    )
    daily_cap = models.PositiveSmallIntegerField(
        _("most sessions per advisor a day (0: no limit)"), default=0
    )
    booker_limit = models.PositiveSmallIntegerField(
        _("most sessions per person (0: no limit)"), default=0
    )
    booker_limit_days = models.PositiveSmallIntegerField(
        _("within days"), default=7, validators=[MinValueValidator(1)]
    )
    cancel_deadline_hours = models.PositiveSmallIntegerField(
        _("bookers may cancel until hours before"), default=0
    )
    meeting_link = models.CharField(
        _("meeting link"), max_length=10, choices=MeetingLink.choices, default=MeetingLink.NONE
    )
    meeting_base_url = models.URLField(_("video service address"), blank=True)
    meeting_url_template = models.CharField(_("address template"), max_length=500, blank=True)
    reminder_minutes = models.JSONField(_("reminders, minutes before"), default=list, blank=True)
    ask_feedback = models.BooleanField(_("ask for anonymous feedback"), default=True)
    is_active = models.BooleanField(_("open for booking"), default=True)

    class Meta:
        verbose_name = _("booking calendar")
        verbose_name_plural = _("booking calendars")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "slug"], name="booking_calendar_slug_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Topic(models.Model):
    calendar = models.ForeignKey(BookingCalendar, on_delete=models.CASCADE, related_name="topics")
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class AdvisorSchedule(models.Model):
    """One advisor's bookable hours in one organisation; also the row locked while booking."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="advisor_schedules"
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=default_time_zone, validators=[validate_time_zone]
    )
    # Raised to revoke the calendar feed address: the token is an HMAC over it.
    feed_version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_schedule_per_user")
        ]

    def __str__(self) -> str:
        return str(self.user)


class WeeklyHours(models.Model):
    schedule = models.ForeignKey(AdvisorSchedule, on_delete=models.CASCADE, related_name="weekly")
    weekday = models.PositiveSmallIntegerField(validators=[MaxValueValidator(6)])  # 0 = Monday
    starts = models.TimeField()
    ends = models.TimeField()

    class Meta:
        ordering = ["weekday", "starts"]
        constraints = [
            models.CheckConstraint(condition=Q(starts__lt=models.F("ends")), name="weekly_order")
        ]

    def __str__(self) -> str:
        return f"{self.weekday} {self.starts:%H:%M}-{self.ends:%H:%M}"


class DateException(models.Model):
    """A date whose hours replace the weekly ones; a row without times closes the date."""

    schedule = models.ForeignKey(
        AdvisorSchedule, on_delete=models.CASCADE, related_name="exceptions"
    )
    date = models.DateField()
    starts = models.TimeField(null=True, blank=True)
    ends = models.TimeField(null=True, blank=True)

    class Meta:
        ordering = ["date", "starts"]

    def __str__(self) -> str:
        return f"{self.date} {self.starts or ''}-{self.ends or ''}"


class CalendarAdvisor(models.Model):
    calendar = models.ForeignKey(BookingCalendar, on_delete=models.CASCADE, related_name="advisors")
    schedule = models.ForeignKey(AdvisorSchedule, on_delete=models.CASCADE, related_name="+")
    room_url = models.URLField(_("fixed meeting room"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["calendar", "schedule"], name="advisor_once_per_cal")
        ]

    def __str__(self) -> str:
        return f"{self.calendar_id} · {self.schedule_id}"


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")
    NO_SHOW = "no_show", _("No-show")


class Booking(models.Model):
    """One session. While not cancelled it occupies [starts_at, busy_until) of its advisor.

    On PostgreSQL an exclusion constraint (migration 0002) makes overlapping rows impossible;
    the booking actions also lock the advisor's schedule row, which serialises SQLite too.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    calendar = models.ForeignKey(BookingCalendar, on_delete=models.PROTECT, related_name="bookings")
    topic = models.ForeignKey(Topic, on_delete=models.SET_NULL, null=True, related_name="+")
    advisor = models.ForeignKey(AdvisorSchedule, on_delete=models.PROTECT, related_name="bookings")
    booker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    booker_name = models.CharField(_("name"), max_length=200)
    booker_email = models.EmailField(_("e-mail address"))
    booker_time_zone = models.CharField(max_length=64, validators=[validate_time_zone])
    language = models.CharField(max_length=5, default="en")
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    question = models.TextField(_("question for the advisor"), blank=True)
    meeting_url = models.CharField(max_length=500, blank=True)
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    busy_until = models.DateTimeField()
    status = models.CharField(
        max_length=10, choices=BookingStatus.choices, default=BookingStatus.CONFIRMED
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    manage_token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["advisor", "starts_at"], name="booking_advisor_time")]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=models.F("ends_at"))
                & Q(ends_at__lte=models.F("busy_until")),
                name="booking_times_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.calendar} · {self.starts_at:%Y-%m-%d %H:%M} · {self.booker_name}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == BookingStatus.CANCELLED


class MessageKind(models.TextChoices):
    REQUEST = "request", _("Invitation")
    CANCEL = "cancel", _("Cancellation")
    REMINDER = "reminder", _("Reminder")
    FEEDBACK = "feedback", _("Feedback request")
