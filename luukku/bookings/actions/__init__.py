"""Writes for bookings, one module per topic; import from here."""

from luukku.bookings.actions.bookings import (
    BookerDetails,
    BookingError,
    BookingGoneError,
    DeadlineError,
    SlotTakenError,
    check_time,
    do_cancel_booking,
    do_create_booking,
    do_mark_no_show,
    do_reschedule_booking,
)
from luukku.bookings.actions.calendars import (
    do_get_schedule,
    do_rotate_feed,
    do_save_calendar,
    do_set_availability,
    do_set_room,
)
from luukku.bookings.actions.sweeps import do_queue_due_messages, run_booking_sweep

__all__ = [
    "BookerDetails",
    "BookingError",
    "BookingGoneError",
    "DeadlineError",
    "SlotTakenError",
    "check_time",
    "do_cancel_booking",
    "do_create_booking",
    "do_get_schedule",
    "do_mark_no_show",
    "do_queue_due_messages",
    "do_reschedule_booking",
    "do_rotate_feed",
    "do_save_calendar",
    "do_set_availability",
    "do_set_room",
    "run_booking_sweep",
]
