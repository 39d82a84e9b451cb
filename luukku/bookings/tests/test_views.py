"""The booking pages from the outside: the flow, permissions and bad input."""

import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.bookings.models import Booking, BookingCalendar, BookingStatus
from luukku.bookings.outbox import manage_token
from luukku.bookings.tests.factories import at, first_topic, make_advisor, make_calendar
from luukku.core.models import Organisation, OutboxMessage
from luukku.core.testing.storage import assert_nothing_stored
from luukku.programmes.tests.factories import add_member, make_programme

pytestmark = pytest.mark.usefixtures("frozen")
SLOT = "2026-11-24T08:00:00+00:00"  # 10:00 in Helsinki


def urls(calendar: BookingCalendar) -> dict[str, str]:
    args = [calendar.organisation.slug, calendar.slug]
    return {name: reverse(f"bookings:{name}", args=args) for name in ("start", "times", "details")}


def choice(calendar: BookingCalendar, **extra: str | int) -> dict[str, str | int]:
    values: dict[str, str | int] = {
        "topic": first_topic(calendar).pk,
        "mode": "video",
        "zone": "Europe/Helsinki",
    }
    values.update(extra)
    return values


def details(calendar: BookingCalendar, **extra: str | int) -> dict[str, str | int]:
    return {
        **choice(calendar),
        "slot": SLOT,
        "name": "Vera Visitor",
        "email": "vera@example.com",
        "question": "Can I apply twice?",
        **extra,
    }


def test_visitor_books_without_an_account(client: Client, calendar: BookingCalendar) -> None:
    page = client.get(urls(calendar)["start"])
    assert page.status_code == 200
    assert "Applying" in page.content.decode()
    times = client.get(urls(calendar)["times"], choice(calendar))
    content = times.content.decode()
    assert times.status_code == 200
    assert f'value="{SLOT}"' in content
    assert "Times are shown in Europe/Helsinki" in content
    assert ">10:00<" in content
    form = client.get(urls(calendar)["details"], {**choice(calendar), "slot": SLOT})
    assert form.status_code == 200
    assert "Your question for the advisor" in form.content.decode()
    response = client.post(urls(calendar)["details"], details(calendar))
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("bookings:manage", args=[manage_token(booking)]))
    confirmation = client.get(response["Location"])
    assert "Your booking is confirmed" in confirmation.content.decode()
    assert booking.question == "Can I apply twice?"
    assert booking.booker is None


def test_times_are_shown_in_the_bookers_zone(client: Client, calendar: BookingCalendar) -> None:
    content = client.get(
        urls(calendar)["times"], choice(calendar, zone="America/New_York")
    ).content.decode()
    assert "Times are shown in America/New_York" in content
    assert ">03:00<" in content  # 10:00 in Helsinki is 03:00 in New York


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"slot": "yesterday at ten"}, 400),
        ({"zone": "Mars/Olympus"}, 400),
        ({"topic": "999999"}, 400),
        ({"mode": "carrier-pigeon"}, 400),
        ({"slot": "2026-11-23T05:00:00+00:00"}, 422),  # in the past
        ({"slot": "2026-11-23T06:30:00+00:00"}, 422),  # inside the notice period
        ({"slot": "2026-11-24T08:10:00+00:00"}, 422),  # not on the grid: tampered
        ({"slot": "2026-11-24T20:00:00+00:00"}, 422),  # outside hours
        ({"email": "nonsense"}, 422),
    ],
)
def test_bad_input_is_refused_and_nothing_is_half_created(
    client: Client, calendar: BookingCalendar, change: dict[str, str], status: int
) -> None:
    response = client.post(urls(calendar)["details"], details(calendar, **change))
    assert response.status_code == status
    assert re.search(r'role="alert"|errorlist', response.content.decode())
    assert not Booking.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_taken_slot_answers_409_with_fresh_times(client: Client, calendar: BookingCalendar) -> None:
    client.post(urls(calendar)["details"], details(calendar))
    again = client.post(urls(calendar)["details"], details(calendar, email="bo@example.com"))
    content = again.content.decode()
    assert again.status_code == 409
    assert "Someone else just booked that time" in content
    assert f'value="{SLOT}"' not in content
    assert 'value="2026-11-24T08:30:00+00:00"' in content
    assert Booking.objects.count() == 1


def test_signed_in_calendar_sends_visitors_to_sign_in(
    client: Client, organisation: Organisation, advisor: User
) -> None:
    calendar = make_calendar(organisation, [advisor], slug="students", access="signed_in")
    response = client.get(urls(calendar)["start"])
    assert response.status_code == 302
    assert "sign-in" in response["Location"]
    assert client.post(urls(calendar)["details"], details(calendar)).status_code == 302
    assert not Booking.objects.exists()


def test_signed_in_booker_uses_the_account_address(
    signed_in: SignIn, organisation: Organisation, advisor: User
) -> None:
    from luukku.conftest import make_user

    calendar = make_calendar(organisation, [advisor], slug="students", access="signed_in")
    student = make_user("student@example.com", "Sam Student")
    response = signed_in(student).post(
        urls(calendar)["details"], details(calendar, email="x@example.com")
    )
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.booker == student
    assert booking.booker_email == "student@example.com"


def test_programme_calendar_is_for_members_only(
    signed_in: SignIn, organisation: Organisation, advisor: User
) -> None:
    from luukku.conftest import make_user

    programme = make_programme(organisation)
    calendar = make_calendar(
        organisation, [advisor], slug="members", access="programme", programme=programme
    )
    outsider, member = make_user("out@example.com"), make_user("in@example.com")
    add_member(programme, member)
    assert signed_in(outsider).get(urls(calendar)["start"]).status_code == 404
    with assert_nothing_stored(Booking, OutboxMessage):
        refused = signed_in(outsider).post(urls(calendar)["details"], details(calendar))
    assert refused.status_code == 404
    assert signed_in(member).get(urls(calendar)["start"]).status_code == 200
    assert signed_in(member).post(urls(calendar)["details"], details(calendar)).status_code == 302
    from luukku.activity.models import Event

    event = Event.objects.get(kind="booking")
    assert (event.user_id, event.programme_id) == (member.pk, programme.pk)


def test_manage_link_moves_and_cancels_then_answers_410(
    client: Client, calendar: BookingCalendar
) -> None:
    client.post(urls(calendar)["details"], details(calendar))
    booking = Booking.objects.get()
    token = manage_token(booking)
    assert client.get(reverse("bookings:reschedule", args=[token])).status_code == 200
    moved = client.post(
        reverse("bookings:reschedule", args=[token]), {"slot": "2026-11-25T09:00:00+00:00"}
    )
    assert moved.status_code == 302
    booking.refresh_from_db()
    assert booking.starts_at == at("2026-11-25 11:00")
    assert booking.sequence == 1
    assert (
        "Cancel the booking?"
        in client.get(reverse("bookings:cancel", args=[token])).content.decode()
    )
    assert client.post(reverse("bookings:cancel", args=[token])).status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    with assert_nothing_stored(Booking, OutboxMessage):
        reused = client.post(reverse("bookings:cancel", args=[token]))
        again = client.post(
            reverse("bookings:reschedule", args=[token]), {"slot": "2026-11-26T09:00:00+00:00"}
        )
    assert reused.status_code == 410
    assert "has been cancelled" in reused.content.decode()
    assert again.status_code == 410
    assert client.get(reverse("bookings:manage", args=[token])).status_code == 410
    booking.refresh_from_db()
    assert booking.sequence == 2


def test_unknown_or_altered_manage_link_is_404(client: Client, calendar: BookingCalendar) -> None:
    client.post(urls(calendar)["details"], details(calendar))
    token = manage_token(Booking.objects.get())
    assert client.get(reverse("bookings:manage", args=[token[:-1] + "x"])).status_code == 404
    assert client.post(reverse("bookings:cancel", args=["nothing"])).status_code == 404


def test_staff_pages_are_404_for_outsiders(
    client: Client, signed_in: SignIn, calendar: BookingCalendar, other_organisation: Organisation
) -> None:
    from luukku.conftest import make_user

    client.post(urls(calendar)["details"], details(calendar))
    booking = Booking.objects.get()
    outsider = make_advisor(other_organisation, "outsider@example.com")
    pages = [
        reverse("bookings:calendar", args=[calendar.pk]),
        reverse("bookings:calendar_edit", args=[calendar.pk]),
        reverse("bookings:statistics", args=[calendar.pk]),
        reverse("bookings:booking", args=[booking.pk]),
        reverse("bookings:availability", args=[calendar.organisation_id]),
        reverse("feedback:summary", args=[calendar.pk]),
    ]
    browser = signed_in(outsider)
    for page in pages:
        assert browser.get(page).status_code == 404, page
    with assert_nothing_stored(Booking, OutboxMessage):
        refused = browser.post(
            reverse("bookings:booking_change", args=[booking.pk]), {"change": "cancel"}
        )
    assert refused.status_code == 404
    nobody = make_user("nobody@example.com")
    assert (
        signed_in(nobody)
        .get(reverse("bookings:calendar_new", args=[calendar.organisation_id]))
        .status_code
        == 404
    )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_advisor_sees_sessions_marks_no_show_and_reads_statistics(
    client: Client,
    signed_in: SignIn,
    calendar: BookingCalendar,
    advisor: User,
    frozen: time_machine.Traveller,
) -> None:
    client.post(urls(calendar)["details"], details(calendar))
    booking = Booking.objects.get()
    browser = signed_in(advisor)
    home = browser.get(reverse("bookings:advisor_home")).content.decode()
    assert "Vera Visitor" in home
    assert "/bookings/feed/" in home
    frozen.move_to(at("2026-11-24 10:15"))
    assert (
        browser.post(
            reverse("bookings:booking_change", args=[booking.pk]), {"change": "no_show"}
        ).status_code
        == 302
    )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.NO_SHOW
    csv = browser.get(
        reverse("bookings:statistics", args=[calendar.pk]), {"format": "csv"}
    ).content.decode()
    assert csv.splitlines()[1] == "2026-11,Applying,Video,1,0,1,0"


def test_feed_lists_the_advisors_sessions_with_the_secret_only(
    client: Client, calendar: BookingCalendar, advisor: User
) -> None:
    import icalendar

    from luukku.bookings import queries
    from luukku.bookings.tests.factories import schedule_of

    client.post(urls(calendar)["details"], details(calendar))
    schedule = schedule_of(advisor, calendar.organisation)
    url = reverse("bookings:feed", args=[schedule.pk, queries.feed_token(schedule)])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    assert "Vera Visitor" in str(events[0]["SUMMARY"])
    assert client.get(reverse("bookings:feed", args=[schedule.pk, "0" * 40])).status_code == 404


def test_the_feed_ends_when_the_advisor_leaves_the_organisation(
    client: Client, calendar: BookingCalendar, advisor: User
) -> None:
    from luukku.accounts.models import OrganisationMembership
    from luukku.bookings import queries
    from luukku.bookings.tests.factories import schedule_of

    schedule = schedule_of(advisor, calendar.organisation)
    url = reverse("bookings:feed", args=[schedule.pk, queries.feed_token(schedule)])
    assert client.get(url).status_code == 200
    OrganisationMembership.objects.filter(user=advisor).delete()
    assert client.get(url).status_code == 404
    advisor.is_active = False
    advisor.save(update_fields=["is_active"])
    assert client.get(url).status_code == 404


def test_admin_creates_a_calendar(
    signed_in: SignIn, org_admin: User, organisation: Organisation, advisor: User
) -> None:
    browser = signed_in(org_admin)
    response = browser.post(
        reverse("bookings:calendar_new", args=[organisation.pk]),
        {
            "name": "Applicants",
            "slug": "applicants",
            "duration_minutes": 30,
            "modes": ["video", "phone"],
            "access": "anyone",
            "assignment": "round_robin",
            "buffer_minutes": 0,
            "notice_minutes": 120,
            "horizon_days": 30,
            "daily_cap": 0,
            "booker_limit": 0,
            "booker_limit_days": 7,
            "cancel_deadline_hours": 0,
            "meeting_link": "generated",
            "meeting_base_url": "https://meet.example.org",
            "topics_text": "Applying\nStudies",
            "advisor_users": [advisor.pk],
            "reminders_text": "60, 1440",
            "is_active": "on",
            "ask_feedback": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    from luukku.bookings.models import BookingCalendar

    created = BookingCalendar.objects.get(slug="applicants")
    assert created.reminder_minutes == [1440, 60]
    assert list(created.topics.values_list("name", flat=True)) == ["Applying", "Studies"]


def test_advisor_sets_hours_with_clear_messages(
    signed_in: SignIn, organisation: Organisation, advisor: User
) -> None:
    hours = signed_in(advisor).post(
        reverse("bookings:availability", args=[organisation.pk]),
        {
            "time_zone": "Europe/Stockholm",
            "day_0": "09:00-12:00, 13:00-15:00",
            "exceptions": "2026-12-24 closed",
        },
    )
    assert hours.status_code == 302
    bad = signed_in(advisor).post(
        reverse("bookings:availability", args=[organisation.pk]),
        {
            "time_zone": "Europe/Stockholm",
            "day_0": "nine to five",
        },
    )
    assert bad.status_code == 422
    assert "09:00-16:00" in bad.content.decode()


def test_admin_sets_fixed_rooms_used_by_new_bookings(
    client: Client, signed_in: SignIn, org_admin: User, organisation: Organisation, advisor: User
) -> None:
    from luukku.bookings.tests.factories import schedule_of

    calendar = make_calendar(organisation, [advisor], slug="rooms", meeting_link="fixed")
    schedule = schedule_of(advisor, organisation)
    url = reverse("bookings:calendar_rooms", args=[calendar.pk])
    bad = signed_in(org_admin).post(url, {f"room-{schedule.pk}": "not a url"})
    assert bad.status_code == 302
    good = signed_in(org_admin).post(url, {f"room-{schedule.pk}": "https://meet.example.org/anna"})
    assert good.status_code == 302
    client.logout()
    client.post(urls(calendar)["details"], details(calendar))
    assert Booking.objects.get().meeting_url == "https://meet.example.org/anna"
    assert (
        signed_in(advisor).post(url, {f"room-{schedule.pk}": "https://x.example"}).status_code
        == 404
    )
