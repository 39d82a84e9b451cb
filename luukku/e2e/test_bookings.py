"""A visitor books guidance without an account, moves it, cancels it, and gives feedback.

Both invitation e-mails go through a real SMTP server and their calendar files are parsed
with icalendar; axe-core checks every page on the way.
"""

import datetime as dt
import re
from collections.abc import Callable

import icalendar
from playwright.sync_api import Page, expect
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from luukku.bookings.actions import run_booking_sweep
from luukku.bookings.models import Booking, BookingCalendar
from luukku.bookings.tests.factories import make_advisor, make_calendar
from luukku.core.actions import do_create_organisation
from luukku.core.testing.smtp import MailCatcher, ReceivedMail
from luukku.e2e.conftest import assert_accessible
from luukku.feedback.actions import do_answer, do_issue_invitation, do_release_answers

PASSWORD = "advisor password for tests"
ALL_DAY = [(dt.time(0, 0), dt.time(23, 30))]
FEEDBACK_LINK = re.compile(r"https?://\S+/feedback/answer/[\w-]+/")


def itip(mail: ReceivedMail) -> tuple[str, int, str]:
    """(MIME method parameter, SEQUENCE, file METHOD) of the invitation in a message."""
    for part in mail.message.walk():
        if part.get_content_type() == "text/calendar" and not part.get_filename():
            parsed = icalendar.Calendar.from_ical(part.get_content())
            (event,) = parsed.walk("VEVENT")
            return str(part.get_param("method")), int(str(event["SEQUENCE"])), str(parsed["METHOD"])
    raise AssertionError("no invitation in " + mail.subject)


def choose_first_time(page: Page) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a time")
    assert_accessible(page)
    page.locator("input[name=slot]").first.check()
    page.get_by_role("button", name="Continue").click()


def visitor_books(page: Page, base_url: str) -> None:
    page.goto(base_url + "/bookings/uni/applicants/")
    assert_accessible(page)
    page.get_by_label("Applying").check()
    page.get_by_label("Video").check()
    page.get_by_role("button", name="Show free times").click()
    choose_first_time(page)
    assert_accessible(page)
    page.get_by_label("Your name").fill("Vera Visitor")
    page.get_by_label("E-mail address").fill("vera@example.com")
    page.get_by_label("Your question for the advisor").fill("Can I apply with a foreign degree?")
    page.get_by_role("button", name="Book this time").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your booking is confirmed")
    assert_accessible(page)


def visitor_moves_then_cancels(page: Page) -> None:
    page.get_by_role("link", name="Choose another time").click()
    page.locator("input[name=slot]").nth(3).check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("status").first).to_contain_text("moved")
    assert_accessible(page)
    page.get_by_role("link", name="Cancel the booking").click()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, cancel the booking").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("This booking has been cancelled")
    assert_accessible(page)


def visitor_gives_feedback(page: Page, smtp: MailCatcher) -> None:
    mail = next(mail for mail in smtp.received if FEEDBACK_LINK.search(mail.text()))
    match = FEEDBACK_LINK.search(mail.text())
    assert match is not None
    page.goto(match.group(0))
    assert_accessible(page)
    page.get_by_label("4", exact=True).check()
    page.get_by_label("What helped you?").fill("Clear answers")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your feedback")
    assert_accessible(page)


def advisor_reads_the_summary(page: Page, base_url: str, calendar: BookingCalendar) -> None:
    """Four more answers make five: the chart and its table appear."""
    # Same group as the visitor's answer (calendar + advisor + month): five release it.
    booking = Booking.objects.select_related("advisor").get(calendar=calendar, status="confirmed")
    for rating in (5, 5, 3, 4):
        raw = do_issue_invitation(
            calendar=calendar, advisor=booking.advisor, session_start=booking.starts_at
        )
        do_answer(raw_token=raw, rating=rating, helped="", idea="Evening times")
    assert do_release_answers() == 5
    page.goto(base_url + "/accounts/sign-in/password/")
    page.get_by_label("E-mail address").fill("advisor@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(base_url + f"/bookings/calendars/{calendar.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Feedback").click()
    expect(page.get_by_role("table", name="Answers per rating").first).to_be_visible()
    expect(page.get_by_text("5 answers, mean rating 4.2 / 5.").first).to_be_visible()
    expect(page.locator("canvas#chart-0")).to_have_attribute("role", "img")
    assert page.evaluate("typeof Chart !== 'undefined' && !!Chart.getChart('chart-0')")
    assert_accessible(page)


def test_visitor_books_moves_cancels_and_gives_feedback(
    live_server: LiveServer,
    new_page: Callable[[], Page],
    settings: Settings,
    smtp_server: MailCatcher,
    db: None,
) -> None:
    settings.SITE_URL = live_server.url
    organisation = do_create_organisation(name="University", slug="uni")
    advisor = make_advisor(organisation, "advisor@example.com", hours=ALL_DAY)
    advisor.set_password(PASSWORD)
    advisor.save(update_fields=["password"])
    calendar = make_calendar(organisation, [advisor], slug="applicants", name="Applicants")
    page = new_page()
    page.set_viewport_size({"width": 390, "height": 844})  # a phone

    visitor_books(page, live_server.url)
    first = smtp_server.wait_for(2)
    assert {mail.envelope_to[0] for mail in first} == {"vera@example.com", "advisor@example.com"}
    assert {itip(mail) for mail in first} == {("REQUEST", 0, "REQUEST")}

    visitor_moves_then_cancels(page)
    received = smtp_server.wait_for(6)
    assert sorted(
        itip(mail)[:2] for mail in received if mail.envelope_to == ["vera@example.com"]
    ) == [
        ("CANCEL", 2),
        ("REQUEST", 0),
        ("REQUEST", 1),
    ]

    visitor_books(page, live_server.url)
    smtp_server.wait_for(8)
    booking = Booking.objects.get(status="confirmed")
    run_booking_sweep(now=booking.ends_at + dt.timedelta(minutes=30))
    smtp_server.wait_for(9)
    visitor_gives_feedback(new_page(), smtp_server)
    advisor_reads_the_summary(new_page(), live_server.url, calendar)
