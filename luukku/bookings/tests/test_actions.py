"""Booking, moving, cancelling: the rules and the refusals."""

import datetime as dt
from typing import Any

import pytest

from luukku.accounts.models import User
from luukku.bookings import actions, queries
from luukku.bookings.models import (
    Booking,
    BookingCalendar,
    BookingStatus,
)
from luukku.bookings.outbox import manage_token
from luukku.bookings.tests.conftest import NOW
from luukku.bookings.tests.factories import at, booker, make_advisor, make_calendar, schedule_of
from luukku.core.models import Organisation, OutboxMessage

pytestmark = pytest.mark.usefixtures("frozen")


def book(calendar: BookingCalendar, when: str, **fields: Any) -> Booking:
    values: dict[str, Any] = {
        "calendar": calendar,
        "start": at(when),
        "mode": "video",
        "topic": calendar.topics.first(),
        "booker": booker(),
    }
    values.update(fields)
    return actions.do_create_booking(**values)


def test_booking_occupies_the_time_and_queues_two_invitations(
    calendar: BookingCalendar, advisor: User
) -> None:
    booking = book(calendar, "2026-11-24 10:00")
    assert booking.ends_at - booking.starts_at == dt.timedelta(minutes=30)
    assert booking.meeting_url.startswith("https://meet.example.org/guidance-")
    assert at("2026-11-24 10:00") not in queries.free_times(calendar)
    recipients = set(
        OutboxMessage.objects.filter(kind="bookings.request").values_list("recipient", flat=True)
    )
    assert recipients == {"vera@example.com", advisor.email}


def test_manage_token_is_stored_only_as_a_hash(calendar: BookingCalendar) -> None:
    booking = book(calendar, "2026-11-24 10:00")
    token = manage_token(booking)
    assert len(token) >= 43
    assert token not in booking.manage_token_hash
    assert queries.access_booking_by_token(token) == booking


def test_second_booking_of_same_slot_is_refused(calendar: BookingCalendar) -> None:
    book(calendar, "2026-11-24 10:00")
    with pytest.raises(actions.SlotTakenError):
        book(calendar, "2026-11-24 10:00", booker=booker("Bo", "bo@example.com"))
    assert Booking.objects.count() == 1


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("2026-11-23 07:30", "already passed"),
        ("2026-11-23 08:30", "at least 60 minutes ahead"),
        ("2027-01-10 10:00", "at most 30 days ahead"),
        ("2026-11-24 17:00", "not one of the offered times"),
        ("2026-11-24 10:10", "not one of the offered times"),
    ],
)
def test_bad_times_are_refused_and_nothing_is_stored(
    calendar: BookingCalendar, when: str, message: str
) -> None:
    with pytest.raises(actions.BookingError, match=message):
        book(calendar, when)
    assert not Booking.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_bad_details_are_refused(calendar: BookingCalendar) -> None:
    with pytest.raises(actions.BookingError, match="phone number"):
        book(calendar, "2026-11-24 10:00", mode="phone")
    with pytest.raises(actions.BookingError, match="ways to meet"):
        book(calendar, "2026-11-24 10:00", mode="on_site")
    with pytest.raises(actions.BookingError, match="e-mail"):
        book(calendar, "2026-11-24 10:00", booker=booker(email="not-an-address"))
    with pytest.raises(actions.BookingError, match="time zone"):
        book(calendar, "2026-11-24 10:00", booker=booker(time_zone="Mars/Olympus"))
    assert not Booking.objects.exists()


def test_phone_booking_keeps_the_number_and_no_video_link(calendar: BookingCalendar) -> None:
    booking = book(calendar, "2026-11-24 10:00", mode="phone", booker=booker(phone="+358 40 123"))
    assert booking.phone == "+358 40 123"
    assert booking.meeting_url == ""


def test_round_robin_spreads_bookings_over_the_team(
    organisation: Organisation, advisor: User
) -> None:
    second = make_advisor(organisation, "ben@example.com")
    calendar = make_calendar(organisation, [advisor, second], slug="team")
    first = book(calendar, "2026-11-24 10:00")
    other = book(calendar, "2026-11-24 11:00", booker=booker("Bo", "bo@example.com"))
    assert {first.advisor.user, other.advisor.user} == {advisor, second}
    same_time = book(calendar, "2026-11-24 10:00", booker=booker("Cy", "cy@example.com"))
    assert same_time.advisor_id != first.advisor_id


def test_pick_a_person_books_the_chosen_advisor_only(
    organisation: Organisation, advisor: User
) -> None:
    second = make_advisor(organisation, "ben@example.com")
    calendar = make_calendar(organisation, [advisor, second], slug="pick", assignment="pick")
    chosen = schedule_of(second, organisation)
    booking = book(calendar, "2026-11-24 10:00", advisor_id=chosen.pk)
    assert booking.advisor == chosen
    with pytest.raises(actions.SlotTakenError):
        book(
            calendar, "2026-11-24 10:00", advisor_id=chosen.pk, booker=booker(email="b@example.com")
        )
    with pytest.raises(actions.BookingError, match="advisors"):
        book(calendar, "2026-11-24 11:00", advisor_id=None)


def test_buffer_keeps_time_free_after_a_session(
    organisation: Organisation, advisor: User, calendar: BookingCalendar
) -> None:
    buffered = make_calendar(organisation, [advisor], slug="buffered", buffer_minutes=15)
    book(buffered, "2026-11-24 09:45")  # busy until 10:30 with the buffer
    free = queries.free_times(calendar)
    assert at("2026-11-24 10:00") not in free
    assert at("2026-11-24 10:30") in free
    assert at("2026-11-24 10:30") in queries.free_times(buffered)


def test_daily_cap_and_booker_limit(organisation: Organisation, advisor: User) -> None:
    calendar = make_calendar(organisation, [advisor], slug="capped", daily_cap=1, booker_limit=1)
    book(calendar, "2026-11-24 10:00")
    with pytest.raises(actions.BookingError, match=r"at most 1 sessions within 7 days"):
        book(calendar, "2026-11-26 10:00")
    with pytest.raises(actions.BookingError, match=r"not one of the offered|Someone else"):
        book(calendar, "2026-11-24 12:00", booker=booker(email="other@example.com"))
    assert book(calendar, "2026-12-02 10:00").pk  # a week later the limit allows one more


def test_reschedule_keeps_uid_and_raises_sequence(calendar: BookingCalendar) -> None:
    booking = book(calendar, "2026-11-24 10:00")
    uid = booking.uid
    actions.do_reschedule_booking(booking=booking, start=at("2026-11-25 12:00"))
    booking.refresh_from_db()
    assert (booking.uid, booking.sequence) == (uid, 1)
    assert booking.starts_at == at("2026-11-25 12:00")
    requests = OutboxMessage.objects.filter(kind="bookings.request")
    assert len([row for row in requests if row.params["sequence"] == 1]) == 2
    assert at("2026-11-24 10:00") in queries.free_times(calendar)


def test_reschedule_onto_a_taken_time_is_refused(calendar: BookingCalendar) -> None:
    booking = book(calendar, "2026-11-24 10:00")
    book(calendar, "2026-11-24 11:00", booker=booker(email="b@example.com"))
    with pytest.raises(actions.SlotTakenError):
        actions.do_reschedule_booking(booking=booking, start=at("2026-11-24 11:00"))
    booking.refresh_from_db()
    assert booking.sequence == 0
    assert booking.starts_at == at("2026-11-24 10:00")


def test_cancel_frees_the_time_and_cannot_repeat(calendar: BookingCalendar) -> None:
    booking = book(calendar, "2026-11-24 10:00")
    actions.do_cancel_booking(booking=booking)
    assert booking.status == BookingStatus.CANCELLED
    assert booking.sequence == 1
    assert at("2026-11-24 10:00") in queries.free_times(calendar)
    with pytest.raises(actions.BookingGoneError):
        actions.do_cancel_booking(booking=booking)
    with pytest.raises(actions.BookingGoneError):
        actions.do_reschedule_booking(booking=booking, start=at("2026-11-25 10:00"))


def test_cancellation_deadline_binds_the_booker_not_the_advisor(
    organisation: Organisation, advisor: User
) -> None:
    calendar = make_calendar(organisation, [advisor], slug="strict", cancel_deadline_hours=24)
    booking = book(calendar, "2026-11-24 10:00")
    with pytest.raises(actions.DeadlineError, match="24 hours"):
        actions.do_cancel_booking(booking=booking, now=at("2026-11-23 11:00"))
    actions.do_cancel_booking(booking=booking, by_advisor=True, now=at("2026-11-23 11:00"))


def test_no_show_only_after_the_start(calendar: BookingCalendar) -> None:
    booking = book(calendar, "2026-11-24 10:00")
    with pytest.raises(actions.BookingError, match="once the session has started"):
        actions.do_mark_no_show(booking=booking, no_show=True)
    actions.do_mark_no_show(booking=booking, no_show=True, now=at("2026-11-24 10:20"))
    assert booking.status == BookingStatus.NO_SHOW


def test_advisor_in_two_calendars_is_never_double_booked(
    organisation: Organisation, advisor: User, calendar: BookingCalendar
) -> None:
    other = make_calendar(organisation, [advisor], slug="second")
    book(calendar, "2026-11-24 10:00")
    with pytest.raises(actions.SlotTakenError):
        book(other, "2026-11-24 10:00", booker=booker(email="b@example.com"))


def test_now_is_frozen_for_these_tests() -> None:
    from django.utils import timezone

    assert timezone.now() == NOW
