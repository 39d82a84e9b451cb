"""Booking, rescheduling, cancelling and marking no-shows.

Overlap is prevented by the database, not by a check alone: the advisor's schedule row is
locked (select_for_update) before their free times are read and the booking written, so
two requests for one advisor run one after the other; on PostgreSQL an exclusion
constraint also refuses an overlapping row whatever the code does.
"""

import datetime as dt
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from luukku.accounts.models import User
from luukku.bookings import queries
from luukku.bookings.availability import AdvisorRules, is_free
from luukku.bookings.models import (
    AdvisorSchedule,
    Assignment,
    Booking,
    BookingCalendar,
    BookingStatus,
    CalendarAdvisor,
    MeetingLink,
    MessageKind,
    Mode,
    Topic,
)
from luukku.bookings.outbox import manage_token, queue_messages
from luukku.core.models import known_time_zones
from luukku.core.tokens import hash_token


class BookingError(Exception):
    """A booking that cannot be made or changed; `status` is the HTTP status to answer."""

    status = 422

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SlotTakenError(BookingError):
    status = 409


class DeadlineError(BookingError):
    status = 409


class BookingGoneError(BookingError):
    status = 410


@dataclass(frozen=True)
class BookerDetails:
    name: str
    email: str
    time_zone: str
    language: str = "en"
    phone: str = ""
    question: str = ""
    user: User | None = None


def _check_details(
    calendar: BookingCalendar, mode: str, topic: Topic | None, who: BookerDetails
) -> None:
    if mode not in calendar.modes:
        raise BookingError(_("Choose one of the offered ways to meet."))
    if topic is None and calendar.topics.exists():
        raise BookingError(_("Choose a topic."))
    if topic is not None and topic.calendar_id != calendar.pk:
        raise BookingError(_("Choose one of the offered topics."))
    if not who.name.strip():
        raise BookingError(_("Give your name."))
    try:
        validate_email(who.email)
    except ValidationError:
        raise BookingError(_("Give a valid e-mail address.")) from None
    if mode == Mode.PHONE and not who.phone.strip():
        raise BookingError(_("Give the phone number the advisor should call."))
    if who.time_zone not in known_time_zones():
        raise BookingError(_("Choose a known time zone."))


def check_time(calendar: BookingCalendar, start: dt.datetime, now: dt.datetime) -> None:
    """Refuse times in the past, inside the notice period or beyond the horizon."""
    rules = queries.slot_rules(calendar, now)
    if start <= now:
        raise BookingError(_("That time has already passed. Choose another time."))
    if start < rules.earliest:
        raise BookingError(
            _("Sessions must be booked at least %(minutes)d minutes ahead.")
            % {"minutes": calendar.notice_minutes}
        )
    if start >= rules.latest:
        raise BookingError(
            _("Sessions can be booked at most %(days)d days ahead.")
            % {"days": calendar.horizon_days}
        )


def _check_booker_limit(calendar: BookingCalendar, email: str, start: dt.datetime) -> None:
    """At most `booker_limit` sessions per person within any `booker_limit_days` days."""
    if not calendar.booker_limit:
        return
    # Lock the calendar row: two bookings of one person for different advisors must not
    # both pass the count.
    BookingCalendar.objects.select_for_update().filter(pk=calendar.pk).first()
    window = dt.timedelta(days=calendar.booker_limit_days)
    count = (
        Booking.objects.filter(
            calendar=calendar,
            booker_email__iexact=email,
            starts_at__gt=start - window,
            starts_at__lt=start + window,
        )
        .exclude(status=BookingStatus.CANCELLED)
        .count()
    )
    if count >= calendar.booker_limit:
        raise BookingError(
            _("You can book at most %(count)d sessions within %(days)d days in this calendar.")
            % {"count": calendar.booker_limit, "days": calendar.booker_limit_days}
        )


def _candidates(calendar: BookingCalendar, advisor_id: int | None) -> list[int]:
    """Advisors to try, in turn: the chosen one, or the least recently booked first."""
    schedule_ids = queries.calendar_schedule_ids(calendar)
    if calendar.assignment == Assignment.PICK and len(schedule_ids) > 1:
        if advisor_id not in schedule_ids:
            raise BookingError(_("Choose one of the advisors."))
        return [advisor_id]
    last = dict(
        Booking.objects.filter(calendar=calendar, advisor_id__in=schedule_ids)
        .values("advisor_id")
        .annotate(last=Max("created_at"))
        .values_list("advisor_id", "last")
    )
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    return sorted(schedule_ids, key=lambda pk: (last.get(pk) or oldest, schedule_ids.index(pk)))


def _advisor_rules(
    calendar: BookingCalendar, schedule_id: int, start: dt.datetime, exclude: int | None = None
) -> AdvisorRules:
    window = (start - dt.timedelta(days=1), start + dt.timedelta(days=1))
    return queries.load_rules(calendar, [schedule_id], window, exclude_booking_id=exclude)[0]


def _is_offered_at_all(calendar: BookingCalendar, start: dt.datetime, now: dt.datetime) -> bool:
    """Whether `start` lies on some advisor's grid of hours, ignoring who is busy."""
    rules = queries.slot_rules(calendar, now)
    for schedule_id in queries.calendar_schedule_ids(calendar):
        found = _advisor_rules(calendar, schedule_id, start)
        found.busy, found.booked_per_day = [], {}
        if is_free(found, rules, start):
            return True
    return False


def _meeting_url(calendar: BookingCalendar, schedule_id: int, mode: str) -> str:
    if mode != Mode.VIDEO:
        return ""
    if calendar.meeting_link == MeetingLink.FIXED:
        advisor = CalendarAdvisor.objects.filter(calendar=calendar, schedule_id=schedule_id)
        return advisor.values_list("room_url", flat=True).first() or ""
    room = f"{calendar.slug}-{secrets.token_urlsafe(12)}"
    if calendar.meeting_link == MeetingLink.GENERATED and calendar.meeting_base_url:
        return f"{calendar.meeting_base_url.rstrip('/')}/{room}"
    if calendar.meeting_link == MeetingLink.TEMPLATE:
        return calendar.meeting_url_template.replace("{room}", room)
    return ""


def _try_advisor(
    calendar: BookingCalendar, schedule_id: int, start: dt.datetime, now: dt.datetime
) -> bool:
    """Lock the advisor and tell whether `start` is still free for them."""
    AdvisorSchedule.objects.select_for_update().get(pk=schedule_id)
    rules = _advisor_rules(calendar, schedule_id, start)
    return is_free(rules, queries.slot_rules(calendar, now), start)


def do_create_booking(
    *,
    calendar: BookingCalendar,
    start: dt.datetime,
    mode: str,
    topic: Topic | None,
    booker: BookerDetails,
    advisor_id: int | None = None,
    now: dt.datetime | None = None,
) -> Booking:
    """Book `start` with the chosen or next free advisor; invitations go out after commit.

    Raises BookingError (bad input), SlotTakenError (someone was quicker).
    """
    now = now or timezone.now()
    _check_details(calendar, mode, topic, booker)
    check_time(calendar, start, now)
    with transaction.atomic():
        _check_booker_limit(calendar, booker.email, start)
        for schedule_id in _candidates(calendar, advisor_id):
            booking = _book_with(calendar, schedule_id, start, mode, topic, booker, now)
            if booking is not None:
                queue_messages(booking, MessageKind.REQUEST)
                _record_participation(booking)
                return booking
    if not _is_offered_at_all(calendar, start, now):
        raise BookingError(_("That is not one of the offered times. Choose a time from the list."))
    raise SlotTakenError(_("Someone else just booked that time. Please choose another time."))


def _record_participation(booking: Booking) -> None:
    """A programme member's booking counts as taking part in the programme."""
    calendar = booking.calendar
    if calendar.access != "programme" or not calendar.programme_id or not booking.booker_id:
        return
    from luukku.activity.actions import record_event
    from luukku.activity.models import EventKind

    record_event(
        organisation_id=calendar.organisation_id,
        programme_id=calendar.programme_id,
        user_id=booking.booker_id,
        kind=EventKind.BOOKING,
        occurred_at=booking.created_at,
    )


def _book_with(
    calendar: BookingCalendar,
    schedule_id: int,
    start: dt.datetime,
    mode: str,
    topic: Topic | None,
    booker: BookerDetails,
    now: dt.datetime,
) -> Booking | None:
    try:
        with transaction.atomic():
            if not _try_advisor(calendar, schedule_id, start, now):
                return None
            booking = Booking(
                organisation_id=calendar.organisation_id,
                calendar=calendar,
                topic=topic,
                advisor_id=schedule_id,
                booker=booker.user,
                booker_name=booker.name.strip()[:200],
                booker_email=booker.email.strip(),
                booker_time_zone=booker.time_zone,
                language=booker.language,
                mode=mode,
                phone=booker.phone.strip()[:40] if mode == Mode.PHONE else "",
                question=booker.question.strip(),
                meeting_url=_meeting_url(calendar, schedule_id, mode),
                starts_at=start,
                ends_at=start + dt.timedelta(minutes=calendar.duration_minutes),
                busy_until=start
                + dt.timedelta(minutes=calendar.duration_minutes + calendar.buffer_minutes),
                manage_token_hash=secrets.token_hex(32),  # replaced below, once the UID exists
            )
            booking.save()
            booking.manage_token_hash = hash_token(manage_token(booking))
            booking.save(update_fields=["manage_token_hash"])
            return booking
    except IntegrityError:  # PostgreSQL's exclusion constraint: an overlap slipped past
        return None


def _check_changeable(booking: Booking, *, by_advisor: bool, now: dt.datetime) -> None:
    if booking.status == BookingStatus.CANCELLED:
        raise BookingGoneError(_("This booking has been cancelled."))
    if booking.starts_at <= now:
        raise DeadlineError(_("This session has already started or passed."))
    deadline = booking.starts_at - dt.timedelta(hours=booking.calendar.cancel_deadline_hours)
    if not by_advisor and now > deadline:
        raise DeadlineError(
            _(
                "Changes are possible until %(hours)d hours before the session. "
                "Please contact the advisor."
            )
            % {"hours": booking.calendar.cancel_deadline_hours}
        )


def do_reschedule_booking(
    *,
    booking: Booking,
    start: dt.datetime,
    by_advisor: bool = False,
    now: dt.datetime | None = None,
) -> Booking:
    """Move the session to `start` with the same advisor; same UID, SEQUENCE raised."""
    now = now or timezone.now()
    _check_changeable(booking, by_advisor=by_advisor, now=now)
    check_time(booking.calendar, start, now)
    calendar = booking.calendar
    try:
        with transaction.atomic():
            AdvisorSchedule.objects.select_for_update().get(pk=booking.advisor_id)
            rules = _advisor_rules(calendar, booking.advisor_id, start, exclude=booking.pk)
            if not is_free(rules, queries.slot_rules(calendar, now), start):
                raise SlotTakenError(_("That time is no longer free. Please choose another time."))
            booking.starts_at = start
            booking.ends_at = start + dt.timedelta(minutes=calendar.duration_minutes)
            booking.busy_until = booking.ends_at + dt.timedelta(minutes=calendar.buffer_minutes)
            booking.sequence += 1
            booking.save(update_fields=["starts_at", "ends_at", "busy_until", "sequence"])
            queue_messages(booking, MessageKind.REQUEST)
    except IntegrityError:
        raise SlotTakenError(
            _("That time is no longer free. Please choose another time.")
        ) from None
    return booking


@transaction.atomic
def do_cancel_booking(
    *, booking: Booking, by_advisor: bool = False, now: dt.datetime | None = None
) -> Booking:
    """Cancel: STATUS:CANCELLED with a higher SEQUENCE goes to both calendars."""
    now = now or timezone.now()
    _check_changeable(booking, by_advisor=by_advisor, now=now)
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = now
    booking.sequence += 1
    booking.save(update_fields=["status", "cancelled_at", "sequence"])
    queue_messages(booking, MessageKind.CANCEL)
    return booking


def do_mark_no_show(*, booking: Booking, no_show: bool, now: dt.datetime | None = None) -> Booking:
    """The advisor records that the booker did not come (or undoes it) after the start."""
    now = now or timezone.now()
    if booking.status == BookingStatus.CANCELLED:
        raise BookingGoneError(_("This booking has been cancelled."))
    if booking.starts_at > now:
        raise BookingError(_("A no-show can be marked once the session has started."))
    booking.status = BookingStatus.NO_SHOW if no_show else BookingStatus.CONFIRMED
    booking.save(update_fields=["status"])
    return booking
