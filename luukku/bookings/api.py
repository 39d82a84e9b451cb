"""The bookings part of the HTTP API (mounted at /api/v1/bookings/): the pages' actions."""

import datetime as dt
import zoneinfo

from django.http import HttpRequest
from django.utils import translation
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from luukku.accounts.queries import active_user
from luukku.bookings import actions, queries
from luukku.bookings.forms import DetailsForm
from luukku.bookings.limits import booking_rate_limited
from luukku.bookings.models import Booking, BookingCalendar, Mode, Topic
from luukku.bookings.outbox import manage_url
from luukku.bookings.stats import monthly_statistics
from luukku.core.models import known_time_zones

router = Router(tags=["bookings"])


class FreeTime(Schema):
    start: dt.datetime
    local: str
    advisors: list[int]


class BookingIn(Schema):
    start: dt.datetime
    mode: str
    topic: int | None = None
    advisor: int | None = None
    name: str
    email: str = ""
    phone: str = ""
    question: str = ""
    time_zone: str = "Europe/Helsinki"


class BookingOut(Schema):
    uid: str
    start: dt.datetime
    end: dt.datetime
    status: str
    sequence: int
    manage_url: str


class StatisticsOut(Schema):
    month: dt.date
    topic: str
    mode: str
    booked: int
    cancelled: int
    no_shows: int


def _calendar(request: HttpRequest, organisation: str, calendar: str) -> BookingCalendar:
    try:
        return queries.access_calendar_for_booking(request.user, organisation, calendar)
    except queries.SignInRequiredError:
        raise HttpError(401, "Sign in first.") from None


@router.get("/calendars/{organisation}/{calendar}/free-times", response=list[FreeTime])
def free_times(
    request: HttpRequest,
    organisation: str,
    calendar: str,
    zone: str = "UTC",
    advisor: int | None = None,
) -> list[FreeTime]:
    """Bookable start times, with the local time in `zone` (an IANA name)."""
    found = _calendar(request, organisation, calendar)
    if zone not in known_time_zones():
        raise HttpError(400, "Unknown time zone.")
    local = zoneinfo.ZoneInfo(zone)
    free = queries.free_times(found, advisor_id=advisor)
    return [
        FreeTime(start=start, local=start.astimezone(local).isoformat(), advisors=ids)
        for start, ids in free.items()
    ]


@router.post("/calendars/{organisation}/{calendar}/bookings", response={201: BookingOut})
def create_booking(
    request: HttpRequest, organisation: str, calendar: str, payload: BookingIn
) -> Status:
    found = _calendar(request, organisation, calendar)
    topic = (
        Topic.objects.filter(calendar=found, pk=payload.topic).first() if payload.topic else None
    )
    if payload.topic and topic is None:
        raise HttpError(422, "Choose one of the offered topics.")
    booker = _booker(request, payload)
    if booking_rate_limited(request, found):
        raise HttpError(429, "Too many bookings. Please wait a while and try again.")
    if payload.start.tzinfo is None:
        raise HttpError(422, "Give the start with its UTC offset.")
    try:
        booking = actions.do_create_booking(
            calendar=found,
            start=payload.start,
            mode=payload.mode,
            topic=topic,
            booker=booker,
            advisor_id=payload.advisor,
        )
    except actions.BookingError as error:
        raise HttpError(error.status, error.message) from None
    return Status(201, _out(booking))


def _booker(request: HttpRequest, payload: BookingIn) -> actions.BookerDetails:
    """Validate the details with the booking page's form: one rule for both, lengths included."""
    form = DetailsForm(
        {
            "name": payload.name,
            "email": payload.email,
            "phone": payload.phone,
            "question": payload.question,
        },
        phone=payload.mode == Mode.PHONE,
        person=active_user(request.user),
    )
    if not form.is_valid():
        messages = [
            f"{field}: {' '.join(map(str, errors))}" for field, errors in form.errors.items()
        ]
        raise HttpError(422, " ".join(messages))
    return form.booker_details(
        time_zone=payload.time_zone, language=translation.get_language() or "en"
    )


def _out(booking: Booking) -> BookingOut:
    return BookingOut(
        uid=str(booking.uid),
        start=booking.starts_at,
        end=booking.ends_at,
        status=booking.status,
        sequence=booking.sequence,
        manage_url=manage_url(booking),
    )


@router.post("/manage/{token}/cancel", response=BookingOut)
def cancel_booking(request: HttpRequest, token: str) -> BookingOut:
    booking = queries.access_booking_by_token(token)
    try:
        actions.do_cancel_booking(booking=booking)
    except actions.BookingError as error:
        raise HttpError(error.status, error.message) from None
    return _out(booking)


@router.get("/calendars/{calendar_id}/statistics", response=list[StatisticsOut])
def statistics(request: HttpRequest, calendar_id: int) -> list[StatisticsOut]:
    """Per month, topic and mode; for the organisation's admins and the calendar's advisors."""
    found = queries.access_calendar(request.user, calendar_id)
    return [StatisticsOut(**row.__dict__) for row in monthly_statistics(found)]
