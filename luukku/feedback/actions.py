"""Writes for anonymous feedback: one-time answer links, answers, and their release.

The anonymity mechanism is luukku.core.anonymity; docs/anonymous-feedback.md says what it
protects against. Here: what a feedback right carries, how answers are grouped (calendar +
advisor + month, and calendar + month for what is left over), and when groups close.
"""

import datetime as dt
import secrets
import zoneinfo
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from luukku.bookings.models import AdvisorSchedule, BookingCalendar
from luukku.core import anonymity
from luukku.feedback.models import FeedbackAnswer, FeedbackPoolEntry, SpentFeedbackRight

PURPOSE = "feedback"
# How long a feedback link works.
INVITATION_DAYS = 30
# A month's groups close (no link for them can still be answered) this long after it ends:
# links go out up to three days after a session and work for INVITATION_DAYS.
CLOSE_AFTER_MONTH_DAYS = INVITATION_DAYS + 4
# Left-over answers of a closed group that cannot make five even without the advisor are
# deleted unread this many days after the month, rather than shown in a group under five.
DISCARD_AFTER_MONTH_DAYS = 365
TEXT_MAX_LENGTH = 5000


class FeedbackGoneError(Exception):
    """The link was used already, has expired or never existed (all look the same)."""

    def __init__(self) -> None:
        super().__init__(_("This feedback link has been used already or has expired."))


@dataclass(frozen=True)
class Invitation:
    """An opened feedback link: what the answer will keep, and the right to spend."""

    calendar: BookingCalendar
    advisor_id: int | None
    month: dt.date
    right: anonymity.Right


def session_month(calendar: BookingCalendar, session_start: dt.datetime) -> dt.date:
    local = session_start.astimezone(zoneinfo.ZoneInfo(calendar.organisation.time_zone))
    return anonymity.month_of(local.date())


def do_issue_invitation(
    *,
    calendar: BookingCalendar,
    advisor: AdvisorSchedule | None,
    session_start: dt.datetime,
    subject: str | None = None,
) -> str:
    """The raw token of a one-time answer link. Writes nothing to the database.

    `subject` (e.g. the booking's UID) makes every link issued for it share one right, so
    a re-sent e-mail cannot buy a second answer; the link itself never names it.
    """
    nonce = anonymity.nonce_for(PURPOSE, subject) if subject else secrets.token_hex(32)
    claims = {
        "o": calendar.organisation_id,
        "c": calendar.pk,
        "a": advisor.pk if advisor else None,
        "m": session_month(calendar, session_start).isoformat(),
    }
    expires_on = _today(calendar) + dt.timedelta(days=INVITATION_DAYS)
    return anonymity.issue_right(PURPOSE, claims, nonce=nonce, expires_on=expires_on)


def _today(calendar: BookingCalendar) -> dt.date:
    """A link lasts to the end of its last day where the organisation is, not the server."""
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(calendar.organisation.time_zone))


def find_invitation(raw_token: str) -> Invitation:
    try:
        # The signature first (with the earliest "today" on Earth), then the expiry on the
        # organisation's own calendar day, once the token says which organisation it is.
        earliest = timezone.now().astimezone(dt.timezone(dt.timedelta(hours=-12))).date()
        right = anonymity.open_right(PURPOSE, raw_token, today=earliest)
        calendar = BookingCalendar.objects.select_related("organisation").get(
            pk=right.claims["c"], organisation_id=right.claims["o"]
        )
        if right.expires_on < _today(calendar):
            raise anonymity.RightGoneError
        month = dt.date.fromisoformat(right.claims["m"])
        advisor_id = right.claims["a"]
    except (anonymity.RightGoneError, BookingCalendar.DoesNotExist, KeyError, ValueError):
        raise FeedbackGoneError from None
    if anonymity.is_spent(SpentFeedbackRight, right):
        raise FeedbackGoneError
    return Invitation(calendar=calendar, advisor_id=advisor_id, month=month, right=right)


def group_of(invitation: Invitation) -> str:
    calendar = invitation.calendar
    advisor = invitation.advisor_id or "-"
    return f"{calendar.organisation_id}:{calendar.pk}:{advisor}:{invitation.month:%Y-%m}"


def do_answer(*, raw_token: str, rating: int, helped: str, idea: str) -> None:
    """Use up the link, then keep the answer sealed until its group is released.

    Two transactions, in this order, and not inside any other: the right's spending and
    the answer share no transaction id. The answer reaches FeedbackAnswer only with four
    or more others of its group (do_release_answers, run by the sweep).
    """
    if rating not in range(1, 6):
        raise ValueError("A rating is 1-5.")
    invitation = find_invitation(raw_token)
    try:
        anonymity.spend_right(SpentFeedbackRight, invitation.right)
    except anonymity.RightGoneError:
        raise FeedbackGoneError from None
    payload = {
        "rating": rating,
        "helped": helped.strip()[:TEXT_MAX_LENGTH],
        "idea": idea.strip()[:TEXT_MAX_LENGTH],
    }
    anonymity.add_to_pool(FeedbackPoolEntry, group=group_of(invitation), payload=payload)


def _store(group: str, payloads: list[dict[str, Any]]) -> None:
    organisation_id, calendar_id, advisor, month = group.split(":")
    FeedbackAnswer.objects.bulk_create(
        [
            FeedbackAnswer(
                organisation_id=int(organisation_id),
                calendar_id=int(calendar_id),
                advisor_id=None if advisor == "-" else int(advisor),
                month=dt.date.fromisoformat(f"{month}-01"),
                rating=int(payload["rating"]),
                helped=str(payload["helped"]),
                idea=str(payload["idea"]),
            )
            for payload in payloads
        ]
    )


def _close_small_groups(today: dt.date) -> None:
    """Closed groups under five: merge into calendar + month; drop what still cannot show."""
    for group, count in anonymity.waiting_groups(FeedbackPoolEntry).items():
        organisation_id, calendar_id, advisor, month = group.split(":")
        month_end = dt.date.fromisoformat(f"{month}-01") + dt.timedelta(days=31)
        discard_after = month_end + dt.timedelta(days=DISCARD_AFTER_MONTH_DAYS)
        if advisor != "-" and today > month_end + dt.timedelta(days=CLOSE_AFTER_MONTH_DAYS):
            coarse = f"{organisation_id}:{calendar_id}:-:{month}"
            anonymity.regroup(FeedbackPoolEntry, group=group, into=coarse)
        elif advisor == "-" and count < anonymity.MIN_GROUP and today > discard_after:
            anonymity.discard(FeedbackPoolEntry, group=group)


def do_release_answers(*, today: dt.date | None = None) -> int:
    """Release every group of five or more waiting answers (shuffled); return how many."""
    today = today or timezone.localdate()
    released = anonymity.release_ready(FeedbackPoolEntry, store=_store)
    _close_small_groups(today)
    released += anonymity.release_ready(FeedbackPoolEntry, store=_store)
    anonymity.forget_expired_rights(SpentFeedbackRight, today=today)
    return released
