"""How many bookings one visitor, and one calendar's anonymous bookers, may make.

Each booking mails its invitation to whatever address the booker typed, so without a limit
anyone could book a calendar full with throw-away addresses and mail strangers from it. The
page and the API both ask here before booking, so the two cannot drift apart.
"""

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from luukku.accounts.queries import active_user
from luukku.bookings.models import BookingCalendar


def _calendar_key(calendar: BookingCalendar) -> str:
    return f"calendar:{calendar.pk}"


def booking_rate_limited(request: HttpRequest, calendar: BookingCalendar) -> bool:
    """Count one booking attempt; True when the visitor or the calendar is over its limit.

    Per visitor's IP address (luukku.core.client_ip) always; per calendar only for bookers
    who are not signed in, whose addresses nobody has verified.
    """
    over_ip = is_ratelimited(
        request,
        group="bookings.create.ip",
        key="ip",
        rate=settings.BOOKING_IP_RATE,
        increment=True,
    )
    if active_user(request.user) is not None:
        return bool(over_ip)
    over_calendar = is_ratelimited(
        request,
        group="bookings.create.calendar",
        key=lambda group, request: _calendar_key(calendar),
        rate=settings.BOOKING_CALENDAR_RATE,
        increment=True,
    )
    return bool(over_ip or over_calendar)
