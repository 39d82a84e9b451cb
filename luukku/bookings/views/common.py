"""What the booking pages share: the booker's choices carried from page to page, times."""

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlencode

from django.http import HttpRequest, QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from luukku.bookings import queries
from luukku.bookings.models import Assignment, BookingCalendar, Topic
from luukku.core.models import known_time_zones

DAYS_PER_PAGE = 7


class BadChoiceError(Exception):
    """A parameter that no page of ours produces: a tampered or stale address (400)."""


@dataclass(frozen=True)
class Choice:
    """Topic, mode, advisor and the booker's zone, as chosen on the first page."""

    topic: Topic | None
    mode: str
    advisor_id: int | None
    zone: str

    def query(self, **extra: str) -> str:
        values = {
            "topic": self.topic.pk if self.topic else "",
            "mode": self.mode,
            "zone": self.zone,
        }
        if self.advisor_id:
            values["advisor"] = self.advisor_id
        return urlencode({**values, **extra})


def _int_or_none(value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise BadChoiceError(_("That address is not valid."))
    return int(value)


def read_choice(calendar: BookingCalendar, data: QueryDict) -> Choice:
    """The choices in a request; BadChoiceError for anything the calendar does not offer."""
    topics = {topic.pk: topic for topic in calendar.topics.all()}
    topic_id = _int_or_none(data.get("topic"))
    if (topic_id is None and topics) or (topic_id is not None and topic_id not in topics):
        raise BadChoiceError(_("Choose one of the offered topics."))
    mode = data.get("mode") or (calendar.modes[0] if len(calendar.modes) == 1 else "")
    if mode not in calendar.modes:
        raise BadChoiceError(_("Choose one of the offered ways to meet."))
    zone = data.get("zone") or timezone.get_current_timezone_name()
    if zone not in known_time_zones():
        raise BadChoiceError(_("That time zone is not known."))
    advisor_id = _int_or_none(data.get("advisor"))
    if calendar.assignment == Assignment.PICK:
        if advisor_id not in queries.calendar_schedule_ids(calendar):
            raise BadChoiceError(_("Choose one of the advisors."))
    else:
        advisor_id = None
    return Choice(topics.get(topic_id) if topic_id else None, mode, advisor_id, zone)


def parse_slot(value: str | None) -> dt.datetime:
    """An offered start time as the pages write it (UTC, ISO 8601); else BadChoiceError."""
    try:
        start = dt.datetime.fromisoformat(value or "")
    except ValueError:
        raise BadChoiceError(_("That time is not valid. Choose a time from the list.")) from None
    if start.tzinfo is None:
        raise BadChoiceError(_("That time is not valid. Choose a time from the list."))
    return start.astimezone(dt.UTC)


@dataclass(frozen=True)
class Day:
    date: dt.date
    times: list[dt.datetime]


def days_of(starts: list[dt.datetime], zone: str, page: int) -> tuple[list[Day], bool]:
    """Times grouped by the booker's local date, DAYS_PER_PAGE days per page; more pages?"""
    local = zoneinfo.ZoneInfo(zone)
    grouped = [
        Day(date, list(times))
        for date, times in groupby(starts, key=lambda start: start.astimezone(local).date())
    ]
    first = page * DAYS_PER_PAGE
    return grouped[first : first + DAYS_PER_PAGE], len(grouped) > first + DAYS_PER_PAGE


def page_number(request: HttpRequest) -> int:
    value = request.GET.get("page", "0")
    return min(int(value), 100) if value.isdigit() else 0
