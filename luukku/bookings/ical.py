"""iCalendar files: iTIP invitations and cancellations (RFC 5546) and advisors' feeds.

The organizer is the service itself (the sender address); advisor and booker are both
attendees. Outlook and Google add an invitation to an attendee's calendar by themselves,
whereas an organizer receiving their own invitation is often shown a confusing "you are
the organizer" message and nothing is added. Times are written in UTC, which every client
reads without a VTIMEZONE block.
"""

from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parseaddr

import icalendar
from django.conf import settings
from django.utils import timezone

from luukku.bookings.models import Booking, BookingStatus

PRODID = "-//Luukku//Bookings//EN"


def booking_uid(booking: Booking) -> str:
    return f"{booking.uid}@luukku"


def _calendar(method: str | None) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    return calendar


def _person(email: str, name: str) -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{email}")
    address.params["cn"] = icalendar.vText(name or email)
    return address


def _attendee(email: str, name: str, cancelled: bool) -> icalendar.vCalAddress:
    address = _person(email, name)
    address.params["role"] = icalendar.vText("REQ-PARTICIPANT")
    address.params["partstat"] = icalendar.vText("DECLINED" if cancelled else "ACCEPTED")
    address.params["rsvp"] = icalendar.vText("FALSE")
    return address


def where(booking: Booking) -> str:
    """The place of the session: the video link, the phone number or the address."""
    if booking.mode == "phone":
        return booking.phone
    if booking.mode == "on_site":
        return booking.calendar.location
    return booking.meeting_url


def booking_event(booking: Booking, *, stamp: datetime, private: bool = False) -> icalendar.Event:
    cancelled = booking.status == BookingStatus.CANCELLED
    topic = booking.topic.name if booking.topic else ""
    event = icalendar.Event()
    event.add("uid", booking_uid(booking))
    event.add("sequence", booking.sequence)
    event.add("dtstamp", stamp)
    event.add("dtstart", booking.starts_at.astimezone(UTC))
    event.add("dtend", booking.ends_at.astimezone(UTC))
    summary = f"{booking.calendar.name}: {topic}" if topic else booking.calendar.name
    event.add("summary", f"{summary} · {booking.booker_name}" if private else summary)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    if where(booking):
        event.add("location", where(booking))
    description = [where(booking)]
    if private and booking.question:
        description.append(booking.question)
    event.add("description", "\n\n".join(filter(None, description)))
    if booking.meeting_url and booking.mode == "video":
        event.add("url", booking.meeting_url)
    sender_name, sender = parseaddr(settings.DEFAULT_FROM_EMAIL)
    event.add("organizer", _person(sender, booking.calendar.name or sender_name))
    advisor = booking.advisor.user
    event.add("attendee", _attendee(advisor.email, str(advisor), cancelled))
    event.add("attendee", _attendee(booking.booker_email, booking.booker_name, cancelled))
    return event


def itip_file(booking: Booking, method: str, *, stamp: datetime | None = None) -> bytes:
    """METHOD:REQUEST for a new or moved session, METHOD:CANCEL for a cancelled one."""
    calendar = _calendar(method)
    calendar.add_component(booking_event(booking, stamp=stamp or timezone.now()))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def feed_file(name: str, bookings: Iterable[Booking]) -> bytes:
    """An advisor's private subscription feed: their sessions, with the booker's details."""
    calendar = _calendar(None)
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for booking in bookings:
        calendar.add_component(booking_event(booking, stamp=stamp, private=True))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
