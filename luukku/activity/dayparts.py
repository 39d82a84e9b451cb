"""Day parts and weekends in an organisation's time zone (DESIGN: day 07-17, evening 17-23,
night 23-07; weekend = Saturday and Sunday)."""

import zoneinfo
from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class DayPart(models.TextChoices):
    DAY = "day", _("Day (07-17)")
    EVENING = "evening", _("Evening (17-23)")
    NIGHT = "night", _("Night (23-07)")


DAY_STARTS = 7
EVENING_STARTS = 17
NIGHT_STARTS = 23
SATURDAY = 5


def to_local(moment: datetime, time_zone: str) -> datetime:
    """The wall-clock time of an aware moment in an IANA zone."""
    return moment.astimezone(zoneinfo.ZoneInfo(time_zone))


def day_part(local: datetime) -> DayPart:
    """The day part of a wall-clock time (pass a time already in the organisation's zone)."""
    if DAY_STARTS <= local.hour < EVENING_STARTS:
        return DayPart.DAY
    if EVENING_STARTS <= local.hour < NIGHT_STARTS:
        return DayPart.EVENING
    return DayPart.NIGHT


def is_weekend(local: datetime) -> bool:
    """Saturday or Sunday on the wall clock (pass a time in the organisation's zone)."""
    return local.weekday() >= SATURDAY
