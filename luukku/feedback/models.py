"""Anonymous feedback after a guidance session.

Modelled on LimeSurvey's anonymised mode: an answer keeps the calendar, the advisor (for
per-advisor summaries) and the month of the session, nothing else. No booking, no person,
no IP address, no time finer than the month. Its key is a random UUID, so neither the key
nor any listing ordered by it follows the order in which sessions or answers happened.

Against someone holding the database as well (transaction ids, dead rows, insertion
order), the right to answer is a signed link rather than a row, and answers wait sealed in
FeedbackPoolEntry until their group can be released in a shuffled batch of five or more:
luukku.core.anonymity and docs/anonymous-feedback.md.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from luukku.core.anonymity import MIN_GROUP, PoolEntryBase, SpentRightBase
from luukku.core.models import Organisation

# Results of a group (calendar or advisor) stay hidden until this many answers exist.
MIN_ANSWERS_SHOWN = MIN_GROUP


class SpentFeedbackRight(SpentRightBase):
    """A used feedback link: only the hash of its nonce (luukku.core.anonymity)."""

    def __str__(self) -> str:
        return self.key_hash[:12]


class FeedbackPoolEntry(PoolEntryBase):
    """An answer waiting, sealed, until its calendar + advisor + month has five to release."""

    class Meta:
        verbose_name = _("waiting feedback answer")
        verbose_name_plural = _("waiting feedback answers")

    def __str__(self) -> str:
        return self.group


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
