"""Anonymous booking is rate-limited per IP and per calendar, on the page and in the API,
and the API validates the booker's details with the page's form (lengths included)."""

import pytest
from django.test import Client, override_settings

from luukku.accounts.testing import SignIn
from luukku.bookings.models import Booking, BookingCalendar
from luukku.bookings.tests.factories import first_topic

pytestmark = pytest.mark.usefixtures("frozen")
API = "/api/v1/bookings/calendars/kaupunki/guidance"


def free_starts(client: Client) -> list[str]:
    return [item["start"] for item in client.get(f"{API}/free-times").json()]


def body(calendar: BookingCalendar, start: str, **extra: object) -> dict[str, object]:
    return {
        "start": start,
        "mode": "video",
        "topic": first_topic(calendar).pk,
        "name": "Api Person",
        "email": "api@example.com",
        **extra,
    }


def book(client: Client, payload: dict[str, object]) -> int:
    return client.post(f"{API}/bookings", payload, content_type="application/json").status_code


def test_the_api_refuses_a_question_longer_than_the_form_allows(
    client: Client, calendar: BookingCalendar
) -> None:
    start = free_starts(client)[0]
    response = client.post(
        f"{API}/bookings",
        body(calendar, start, question="x" * 4001),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "question" in response.json()["detail"]
    assert book(client, body(calendar, start, question="x" * 4000)) == 201


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "n" * 201), ("phone", "1" * 41), ("email", "not an address"), ("name", "")],
)
def test_the_api_validates_every_detail_like_the_form(
    client: Client, calendar: BookingCalendar, field: str, value: str
) -> None:
    start = free_starts(client)[0]
    payload = body(calendar, start, mode="phone", **{"phone": "+358 40 123", field: value})
    assert book(client, payload) == 422
    assert Booking.objects.count() == 0


@override_settings(BOOKING_IP_RATE="3/h", BOOKING_CALENDAR_RATE="100/h")
def test_one_ip_address_can_book_only_so_many_times(calendar: BookingCalendar) -> None:
    visitor = Client(REMOTE_ADDR="203.0.113.9")
    starts = free_starts(visitor)
    statuses = [
        book(visitor, body(calendar, start, email=f"throwaway{n}@example.com"))
        for n, start in enumerate(starts[:5])
    ]
    assert statuses == [201, 201, 201, 429, 429]
    other = Client(REMOTE_ADDR="198.51.100.20")
    assert book(other, body(calendar, starts[5], email="real@example.com")) == 201


@override_settings(BOOKING_IP_RATE="100/h", BOOKING_CALENDAR_RATE="2/h")
def test_one_calendar_takes_only_so_many_anonymous_bookings(
    calendar: BookingCalendar, signed_in: SignIn
) -> None:
    from luukku.conftest import make_user

    starts = free_starts(Client())
    statuses = [
        book(Client(REMOTE_ADDR=f"192.0.2.{n}"), body(calendar, start, email=f"t{n}@example.com"))
        for n, start in enumerate(starts[:3])
    ]
    assert statuses == [201, 201, 429]
    # A signed-in booker has a verified address and is not counted against the calendar.
    member = signed_in(make_user("member@example.com", "Mia Member"))
    assert book(member, body(calendar, starts[3])) == 201


@override_settings(BOOKING_IP_RATE="2/h")
def test_the_booking_page_has_the_same_ip_limit(client: Client, calendar: BookingCalendar) -> None:
    from luukku.bookings.tests.test_views import details, urls

    page = urls(calendar)["details"]
    statuses = [
        client.post(page, details(calendar, slot=start, email=f"b{n}@example.com")).status_code
        for n, start in enumerate(free_starts(client)[:3])
    ]
    assert statuses == [302, 302, 429]
