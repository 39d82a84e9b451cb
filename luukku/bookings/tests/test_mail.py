"""Invitations, changes, cancellations, reminders and feedback requests reach the SMTP server.

Every calendar file is parsed with the icalendar package.
"""

import datetime as dt
from typing import Any

import icalendar
import pytest
import time_machine
from django.core.mail import EmailMessage
from pytest_django import DjangoCaptureOnCommitCallbacks

from luukku.accounts.models import User
from luukku.bookings import actions
from luukku.bookings.models import (
    Booking,
    BookingCalendar,
)
from luukku.bookings.tests.factories import at, booker
from luukku.core.models import OutboxMessage
from luukku.core.outbox.worker import do_send_due
from luukku.core.testing.smtp import MailCatcher, ReceivedMail

pytestmark = pytest.mark.usefixtures("frozen")


def calendar_part(mail: ReceivedMail) -> tuple[str, Any]:
    """The text/calendar part inside multipart/alternative: (method parameter, parsed file)."""
    for part in mail.message.walk():
        if part.get_content_type() == "text/calendar" and not part.get_filename():
            return str(part.get_param("method")), icalendar.Calendar.from_ical(part.get_content())
    raise AssertionError("no text/calendar part")


def event_of(parsed: icalendar.Calendar) -> Any:
    (event,) = parsed.walk("VEVENT")
    return event


def book_with_mail(
    calendar: BookingCalendar,
    capture: DjangoCaptureOnCommitCallbacks,
    when: str = "2026-11-24 10:00",
) -> Booking:
    with capture(execute=True):
        return actions.do_create_booking(
            calendar=calendar,
            start=at(when),
            mode="video",
            topic=calendar.topics.first(),
            booker=booker(),
        )


def test_booking_sends_request_to_booker_and_advisor(
    calendar: BookingCalendar,
    advisor: User,
    smtp_server: MailCatcher,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    booking = book_with_mail(calendar, django_capture_on_commit_callbacks)
    received = smtp_server.wait_for(2)
    assert {mail.envelope_to[0] for mail in received} == {"vera@example.com", advisor.email}
    for mail in received:
        method, parsed = calendar_part(mail)
        assert method == "REQUEST" == str(parsed["METHOD"])
        event = event_of(parsed)
        assert str(event["UID"]) == f"{booking.uid}@luukku"
        assert int(event["SEQUENCE"]) == 0
        assert event.decoded("DTSTART") == at("2026-11-24 10:00")
        assert event.decoded("DTEND") == at("2026-11-24 10:30")
        assert "mailto:" in str(event["ORGANIZER"])
        attendees = {str(address).lower() for address in event["ATTENDEE"]}
        assert attendees == {"mailto:vera@example.com", f"mailto:{advisor.email}"}
        assert str(event["STATUS"]) == "CONFIRMED"
        assert booking.meeting_url in str(event["LOCATION"])
    to_booker = smtp_server.to("vera@example.com")[0]
    assert "/bookings/manage/" in to_booker.text()
    assert "/bookings/manage/" not in smtp_server.to(advisor.email)[0].text()
    assert "Europe/Helsinki" in to_booker.text()


def test_reschedule_sends_request_with_sequence_one_and_cancel_sends_cancel(
    calendar: BookingCalendar,
    smtp_server: MailCatcher,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    booking = book_with_mail(calendar, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_reschedule_booking(booking=booking, start=at("2026-11-25 11:00"))
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_cancel_booking(booking=booking)
    received = smtp_server.wait_for(6)
    files = [calendar_part(mail) for mail in smtp_server.to("vera@example.com")]
    assert [(method, int(event_of(parsed)["SEQUENCE"])) for method, parsed in files] == [
        ("REQUEST", 0),
        ("REQUEST", 1),
        ("CANCEL", 2),
    ]
    assert len({str(event_of(parsed)["UID"]) for _m, parsed in files}) == 1
    cancel = event_of(files[2][1])
    assert str(cancel["STATUS"]) == "CANCELLED"
    assert str(files[2][1]["METHOD"]) == "CANCEL"
    assert event_of(files[1][1]).decoded("DTSTART") == at("2026-11-25 11:00")
    assert len(received) == 6


def test_a_sent_message_is_never_sent_again(
    calendar: BookingCalendar,
    smtp_server: MailCatcher,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    book_with_mail(calendar, django_capture_on_commit_callbacks)
    smtp_server.wait_for(2)
    assert do_send_due().handled == 0
    OutboxMessage.objects.update(next_attempt_at=at("2026-11-20 09:00"))  # due again, if pending
    assert do_send_due().handled == 0
    assert len(smtp_server.received) == 2


def test_a_refused_recipient_is_given_up_with_the_answer_and_the_advisor_still_mailed(
    calendar: BookingCalendar,
    advisor: User,
    smtp_server: MailCatcher,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    smtp_server.refuse.add("vera@example.com")
    book_with_mail(calendar, django_capture_on_commit_callbacks)
    failed = OutboxMessage.objects.get(recipient="vera@example.com")
    assert failed.status == "failed"  # 550 is permanent: given up, with the server's answer
    assert failed.attempts == 1
    assert "550" in failed.last_error
    assert len(smtp_server.to(advisor.email)) == 1


def test_a_temporary_failure_is_retried_after_the_back_off(
    calendar: BookingCalendar,
    smtp_server: MailCatcher,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    frozen: time_machine.Traveller,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    accept = smtp_server.handle_DATA

    async def busy(server: object, session: object, envelope: object) -> str:
        return "451 try again later"

    monkeypatch.setattr(smtp_server, "handle_DATA", busy)
    book_with_mail(calendar, django_capture_on_commit_callbacks)
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"pending"}
    monkeypatch.setattr(smtp_server, "handle_DATA", accept)
    assert do_send_due().handled == 0  # still backing off
    frozen.shift(dt.timedelta(minutes=2))
    assert do_send_due().sent == 2
    assert len(smtp_server.to("vera@example.com")) == 1


def test_reminders_go_out_once_each_at_24_and_1_hours(
    calendar: BookingCalendar,
    smtp_server: MailCatcher,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    booking = book_with_mail(calendar, django_capture_on_commit_callbacks, "2026-11-25 12:00")
    smtp_server.wait_for(2)
    for moment in [
        "2026-11-24 11:00",
        "2026-11-24 12:05",
        "2026-11-24 12:10",
        "2026-11-25 11:05",
        "2026-11-25 11:30",
    ]:
        with (
            time_machine.travel(at(moment), tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            actions.run_booking_sweep()
    reminders = OutboxMessage.objects.filter(source_id=str(booking.pk), kind="bookings.reminder")
    assert sorted(row.params["variant"] for row in reminders) == [60, 1440]
    mails = [mail for mail in smtp_server.to("vera@example.com") if "Reminder" in mail.subject]
    assert len(mails) == 2


def test_feedback_request_arrives_after_the_session_once(
    calendar: BookingCalendar,
    smtp_server: MailCatcher,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    book_with_mail(calendar, django_capture_on_commit_callbacks)
    smtp_server.wait_for(2)
    with (
        time_machine.travel(at("2026-11-24 10:20"), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        actions.run_booking_sweep()  # during the session: nothing
    assert not OutboxMessage.objects.filter(kind="bookings.feedback").exists()
    for _sweep in range(2):
        with (
            time_machine.travel(at("2026-11-24 11:00"), tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            actions.run_booking_sweep()
    feedback = [mail for mail in smtp_server.received if "/feedback/answer/" in mail.text()]
    assert len(feedback) == 1
    assert feedback[0].envelope_to == ["vera@example.com"]


def test_no_feedback_request_for_a_cancelled_session(
    calendar: BookingCalendar,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    mailoutbox: list[EmailMessage],
) -> None:
    booking = book_with_mail(calendar, django_capture_on_commit_callbacks)
    actions.do_cancel_booking(booking=booking)
    actions.do_queue_due_messages(now=at("2026-11-24 11:00"))
    assert not OutboxMessage.objects.filter(kind="bookings.feedback").exists()


def test_sweep_is_registered() -> None:
    from luukku.core.sweeps import registered_sweeps

    sweep = next(s for s in registered_sweeps() if s.name == "bookings.messages")
    assert sweep.every == dt.timedelta(minutes=5)
