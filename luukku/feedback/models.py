"""Anonymous feedback after a guidance session.

Modelled on LimeSurvey's anonymised mode: an answer keeps the calendar, the advisor (for
per-advisor summaries) and the month of the session, nothing else. No booking, no person,
no IP address, no time finer than the month. Its key is a random UUID, so neither the key
nor any listing ordered by it follows the order in which sessions or answers happened.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from luukku.core.models import Organisation

# Results of a group (calendar or advisor) stay hidden until this many answers exist.
MIN_ANSWERS_SHOWN = 5


class FeedbackInvitation(models.Model):
    """A one-time answer right. Deleted when used, so used rights leave nothing behind.

    It holds what the answer will carry and the hash of the e-mailed token; it never
    refers to the booking it was sent for.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    token_hash = models.CharField(max_length=64, unique=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    calendar = models.ForeignKey(
        "bookings.BookingCalendar", on_delete=models.CASCADE, related_name="+"
    )
    advisor = models.ForeignKey(
        "bookings.AdvisorSchedule",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    month = models.DateField()  # first day of the session's month
    expires_on = models.DateField()

    def __str__(self) -> str:
        return f"{self.calendar_id} · {self.month:%Y-%m}"


class FeedbackAnswer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    calendar = models.ForeignKey(
        "bookings.BookingCalendar", on_delete=models.CASCADE, related_name="+"
    )
    advisor = models.ForeignKey(
        "bookings.AdvisorSchedule",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    month = models.DateField(_("month"))
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    helped = models.TextField(_("what helped"), blank=True)
    idea = models.TextField(_("an idea"), blank=True)

    class Meta:
        verbose_name = _("feedback answer")
        verbose_name_plural = _("feedback answers")
        ordering = ["id"]  # random: the order says nothing about when anything happened

    def __str__(self) -> str:
        return f"{self.calendar_id} · {self.month:%Y-%m} · {self.rating}"
