"""The booker's manage link: see the booking, move it, cancel it (POSTs behind pages)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from luukku.bookings import actions, queries
from luukku.bookings.ical import where
from luukku.bookings.models import Booking
from luukku.bookings.views.common import BadChoiceError, Choice, parse_slot
from luukku.bookings.views.public import render_times


def _manage_page(
    request: HttpRequest, booking: Booking, *, error: str = "", status: int = 200
) -> HttpResponse:
    if booking.is_cancelled and status == 200:
        status = 410  # the link still explains itself, but the booking is gone
    context = {
        "booking": booking,
        "where": where(booking),
        "booked": request.GET.get("booked") == "1",
        "token": request.resolver_match.kwargs["token"] if request.resolver_match else "",
        "error": error,
        "zone": booking.booker_time_zone,
    }
    return render(request, "bookings/manage.html", context, status=status)


@require_safe
def manage(request: HttpRequest, token: str) -> HttpResponse:
    return _manage_page(request, queries.access_booking_by_token(token))


def _choice(booking: Booking) -> Choice:
    return Choice(booking.topic, booking.mode, booking.advisor_id, booking.booker_time_zone)


@require_http_methods(["GET", "HEAD", "POST"])
def reschedule(request: HttpRequest, token: str) -> HttpResponse:
    booking = queries.access_booking_by_token(token)
    action = reverse("bookings:reschedule", args=[token])
    if booking.is_cancelled:
        return _manage_page(
            request, booking, error=_("This booking has been cancelled."), status=410
        )
    if request.method != "POST":
        return render_times(
            request,
            booking.calendar,
            _choice(booking),
            exclude_booking_id=booking.pk,
            action=action,
        )
    try:
        start = parse_slot(request.POST.get("slot"))
        actions.do_reschedule_booking(booking=booking, start=start)
    except BadChoiceError as error:
        return _manage_page(request, booking, error=str(error), status=400)
    except actions.SlotTakenError as error:
        return render_times(
            request,
            booking.calendar,
            _choice(booking),
            error=error.message,
            status=409,
            exclude_booking_id=booking.pk,
            action=action,
        )
    except actions.BookingError as error:
        return _manage_page(request, booking, error=error.message, status=error.status)
    messages.success(request, _("The booking was moved. Both calendars are updated."))
    return redirect("bookings:manage", token=token)


@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    booking = queries.access_booking_by_token(token)
    if request.method != "POST":
        if booking.is_cancelled:
            return _manage_page(request, booking)
        return render(
            request, "bookings/cancel.html", {"booking": booking, "zone": booking.booker_time_zone}
        )
    try:
        actions.do_cancel_booking(booking=booking)
    except actions.BookingError as error:
        return _manage_page(request, booking, error=error.message, status=error.status)
    messages.success(request, _("The booking was cancelled."))
    return redirect("bookings:manage", token=token)
