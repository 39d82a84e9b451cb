"""Writes for anonymous feedback: issuing one-time answer rights and storing answers."""

import datetime as dt
import secrets
import zoneinfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luukku.bookings.models import AdvisorSchedule, BookingCalendar
from luukku.core.tokens import hash_token
from luukku.feedback.models import FeedbackAnswer, FeedbackInvitation

# How long a feedback link works.
INVITATION_DAYS = 30


class FeedbackGoneError(Exception):
    """The link was used already, has expired or never existed (all look the same)."""


def session_month(calendar: BookingCalendar, session_start: dt.datetime) -> dt.date:
    local = session_start.astimezone(zoneinfo.ZoneInfo(calendar.organisation.time_zone))
    return local.date().replace(day=1)


def do_issue_invitation(
    *, calendar: BookingCalendar, advisor: AdvisorSchedule | None, session_start: dt.datetime
) -> str:
    """Store a one-time answer right (only its hash) and return the raw token for the e-mail.

    The right knows the calendar, the advisor and the month, never the booking.
    """
    raw = secrets.token_urlsafe(32)
    FeedbackInvitation.objects.create(
        token_hash=hash_token(raw),
        organisation_id=calendar.organisation_id,
        calendar=calendar,
        advisor=advisor,
        month=session_month(calendar, session_start),
        expires_on=_today(calendar) + dt.timedelta(days=INVITATION_DAYS),
    )
    return raw


def _today(calendar: BookingCalendar) -> dt.date:
    """A link lasts to the end of its last day where the organisation is, not the server."""
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(calendar.organisation.time_zone))


def find_invitation(raw_token: str) -> FeedbackInvitation:
    invitation = (
        FeedbackInvitation.objects.select_related("calendar__organisation")
        .filter(token_hash=hash_token(raw_token))
        .first()
    )
    if invitation is None or invitation.expires_on < _today(invitation.calendar):
        raise FeedbackGoneError(_("This feedback link has been used already or has expired."))
    return invitation


@transaction.atomic
def do_answer(*, raw_token: str, rating: int, helped: str, idea: str) -> FeedbackAnswer:
    """Store the answer with the invitation's calendar, advisor and month; use up the right."""
    invitation = find_invitation(raw_token)
    # Deleting (not marking) the right means no row records which rights were used.
    deleted, _rows = FeedbackInvitation.objects.filter(pk=invitation.pk).delete()
    if not deleted:  # a concurrent answer with the same link got there first
        raise FeedbackGoneError(_("This feedback link has been used already or has expired."))
    answer = FeedbackAnswer(
        organisation_id=invitation.organisation_id,
        calendar_id=invitation.calendar_id,
        advisor_id=invitation.advisor_id,
        month=invitation.month,
        rating=rating,
        helped=helped.strip()[:5000],
        idea=idea.strip()[:5000],
    )
    answer.full_clean()
    answer.save()
    return answer
