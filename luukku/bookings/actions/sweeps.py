"""The periodic sweep: reminders before sessions, feedback requests after them.

Runs every few minutes (registered in apps.py). Every row it makes is unique in the
outbox, so running it twice, or in two processes at once, sends nothing twice.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from luukku.bookings.models import Booking, BookingStatus, MessageKind
from luukku.bookings.outbox import queue_messages

# How long after a session's end the feedback request goes out, and how long after that
# a late sweep still sends it.
FEEDBACK_AFTER = dt.timedelta(minutes=15)
FEEDBACK_WINDOW = dt.timedelta(days=3)


def default_reminders() -> list[int]:
    return list(settings.BOOKING_REMINDER_MINUTES)


def _queue_reminders(now: dt.datetime) -> int:
    longest = max([*default_reminders(), 0]) + 60 * 24 * 7
    upcoming = Booking.objects.filter(
        status=BookingStatus.CONFIRMED,
        starts_at__gt=now,
        starts_at__lte=now + dt.timedelta(minutes=longest),
    ).select_related("calendar", "advisor__user")
    queued = 0
    for booking in upcoming:
        offsets = booking.calendar.reminder_minutes or default_reminders()
        # Only the nearest due reminder: a booking made 30 minutes ahead gets no
        # "tomorrow" reminder, and a late sweep does not send both at once.
        due = [m for m in offsets if booking.starts_at - dt.timedelta(minutes=m) <= now]
        made_after = [
            m for m in due if booking.created_at < booking.starts_at - dt.timedelta(minutes=m)
        ]
        if made_after:
            queue_messages(booking, MessageKind.REMINDER, to_advisor=False, variant=min(made_after))
            queued += 1
    return queued


def _queue_feedback(now: dt.datetime) -> int:
    ended = Booking.objects.filter(
        status=BookingStatus.CONFIRMED,
        calendar__ask_feedback=True,
        ends_at__lte=now - FEEDBACK_AFTER,
        ends_at__gt=now - FEEDBACK_WINDOW,
    ).select_related("calendar", "advisor__user")
    queued = 0
    for booking in ended:
        queue_messages(booking, MessageKind.FEEDBACK, to_advisor=False)
        queued += 1
    return queued


def do_queue_due_messages(*, now: dt.datetime | None = None) -> int:
    """Make the due reminder and feedback rows; they are sent after the commit."""
    now = now or timezone.now()
    with transaction.atomic():
        return _queue_reminders(now) + _queue_feedback(now)


def run_booking_sweep(now: dt.datetime | None = None) -> None:
    """Queue what is due; sending and retrying are the core outbox's."""
    do_queue_due_messages(now=now or timezone.now())
