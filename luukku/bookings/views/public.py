"""The booking flow: topic -> free times -> details and a question -> confirmation."""

import datetime as dt
import functools
from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_http_methods, require_safe

from luukku.accounts.queries import active_user
from luukku.bookings import actions, queries
from luukku.bookings.forms import DetailsForm
from luukku.bookings.limits import booking_rate_limited
from luukku.bookings.models import Assignment, BookingCalendar, Mode
from luukku.bookings.outbox import manage_token
from luukku.bookings.views.common import (
    BadChoiceError,
    Choice,
    days_of,
    page_number,
    parse_slot,
    read_choice,
)
from luukku.core.models import region_time_zone_choices
from luukku.core.views import rate_limited


def _calendar(request: HttpRequest, organisation: str, calendar: str) -> BookingCalendar:
    return queries.access_calendar_for_booking(request.user, organisation, calendar)


def _bad_choice(
    request: HttpRequest, calendar: BookingCalendar, error: BadChoiceError
) -> HttpResponse:
    context = {"calendar": calendar, "error": str(error)}
    return render(request, "bookings/bad_choice.html", context, status=400)


def _guarded(
    view: Callable[[HttpRequest, BookingCalendar], HttpResponse],
) -> Callable[[HttpRequest, str, str], HttpResponse]:
    """Send visitors of sign-in calendars to sign in; answer tampered choices with a 400."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, organisation: str, calendar: str) -> HttpResponse:
        try:
            found = _calendar(request, organisation, calendar)
        except queries.SignInRequiredError:
            return redirect_to_login(request.get_full_path())
        try:
            return view(request, found)
        except BadChoiceError as error:
            return _bad_choice(request, found, error)

    return wrapper


@require_safe
@_guarded
def start(request: HttpRequest, calendar: BookingCalendar) -> HttpResponse:
    context = {
        "calendar": calendar,
        "topics": calendar.topics.all(),
        "modes": [(mode, Mode(mode).label) for mode in calendar.modes],
        "advisors": queries.calendar_advisors(calendar)
        if calendar.assignment == Assignment.PICK
        else [],
        "zones": region_time_zone_choices(),
        "zone": request.GET.get("zone") or timezone.get_current_timezone_name(),
    }
    return render(request, "bookings/start.html", context)


def render_times(
    request: HttpRequest,
    calendar: BookingCalendar,
    choice: Choice,
    *,
    error: str = "",
    status: int = 200,
    exclude_booking_id: int | None = None,
    action: str = "",
) -> HttpResponse:
    free = queries.free_times(
        calendar, advisor_id=choice.advisor_id, exclude_booking_id=exclude_booking_id
    )
    page = page_number(request)
    days, more = days_of(list(free), choice.zone, page)
    context = {
        "calendar": calendar,
        "choice": choice,
        "days": days,
        "page": page,
        "more": more,
        "error": error,
        "action": action
        or reverse("bookings:details", args=[calendar.organisation.slug, calendar.slug]),
        "method": "post" if exclude_booking_id else "get",
    }
    return render(request, "bookings/times.html", context, status=status)


@require_safe
@_guarded
def times(request: HttpRequest, calendar: BookingCalendar) -> HttpResponse:
    return render_times(request, calendar, read_choice(calendar, request.GET))


def _booker(request: HttpRequest, form: DetailsForm, choice: Choice) -> actions.BookerDetails:
    return form.booker_details(time_zone=choice.zone, language=translation.get_language() or "en")


@require_http_methods(["GET", "HEAD", "POST"])
@_guarded
def details(request: HttpRequest, calendar: BookingCalendar) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    choice = read_choice(calendar, data)
    slot = parse_slot(data.get("slot"))
    person = active_user(request.user)
    form = DetailsForm(
        request.POST if request.method == "POST" else None,
        phone=choice.mode == Mode.PHONE,
        person=person,
    )
    if request.method == "POST" and form.is_valid():
        if booking_rate_limited(request, calendar):
            return rate_limited(request)
        try:
            booking = actions.do_create_booking(
                calendar=calendar,
                start=slot,
                mode=choice.mode,
                topic=choice.topic,
                booker=_booker(request, form, choice),
                advisor_id=choice.advisor_id,
            )
        except actions.SlotTakenError as error:
            return render_times(request, calendar, choice, error=error.message, status=409)
        except actions.BookingError as error:
            return _details_page(request, calendar, choice, slot, form, error.message, error.status)
        url = reverse("bookings:manage", args=[manage_token(booking)])
        return redirect(url + "?" + urlencode({"booked": 1}))
    if request.method == "POST":
        return _details_page(request, calendar, choice, slot, form, "", 422)
    try:
        actions.check_time(calendar, slot, timezone.now())
    except actions.BookingError as error:
        return _details_page(request, calendar, choice, slot, form, error.message, error.status)
    return _details_page(request, calendar, choice, slot, form, "", 200)


def _details_page(
    request: HttpRequest,
    calendar: BookingCalendar,
    choice: Choice,
    slot: dt.datetime,
    form: DetailsForm,
    error: str,
    status: int,
) -> HttpResponse:
    context = {"calendar": calendar, "choice": choice, "slot": slot, "form": form, "error": error}
    return render(request, "bookings/details.html", context, status=status)
