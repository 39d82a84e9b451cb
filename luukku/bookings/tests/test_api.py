import pytest
from django.test import Client

from luukku.bookings.models import Booking, BookingCalendar
from luukku.bookings.tests.factories import first_topic
from luukku.core.models import OutboxMessage
from luukku.core.testing.storage import assert_nothing_stored

pytestmark = pytest.mark.usefixtures("frozen")
BASE = "/api/v1/bookings"


def test_free_times_book_and_cancel_through_the_api(
    client: Client, calendar: BookingCalendar
) -> None:
    times = client.get(
        f"{BASE}/calendars/kaupunki/guidance/free-times", {"zone": "America/New_York"}
    )
    assert times.status_code == 200
    first = times.json()[0]
    assert first["local"].endswith("-05:00")
    body = {
        "start": first["start"],
        "mode": "video",
        "topic": first_topic(calendar).pk,
        "name": "Api Person",
        "email": "api@example.com",
    }
    created = client.post(
        f"{BASE}/calendars/kaupunki/guidance/bookings", body, content_type="application/json"
    )
    assert created.status_code == 201
    assert created.json()["sequence"] == 0
    again = client.post(
        f"{BASE}/calendars/kaupunki/guidance/bookings", body, content_type="application/json"
    )
    assert again.status_code == 409
    assert again.json()["error"] == "error"
    token = created.json()["manage_url"].rstrip("/").rsplit("/", 1)[1]
    assert client.post(f"{BASE}/manage/{token}/cancel").json()["status"] == "cancelled"
    gone = client.post(f"{BASE}/manage/{token}/cancel")
    assert gone.status_code == 410
    assert "cancelled" in gone.json()["detail"]
    assert Booking.objects.count() == 1


def test_api_refuses_bad_input_and_outsiders(client: Client, calendar: BookingCalendar) -> None:
    bad_zone = client.get(
        f"{BASE}/calendars/kaupunki/guidance/free-times", {"zone": "Nowhere/Else"}
    )
    assert bad_zone.status_code == 400
    past = {
        "start": "2026-11-20T08:00:00+00:00",
        "mode": "video",
        "topic": first_topic(calendar).pk,
        "name": "P",
        "email": "p@example.com",
    }
    with assert_nothing_stored(Booking, OutboxMessage):
        response = client.post(
            f"{BASE}/calendars/kaupunki/guidance/bookings", past, content_type="application/json"
        )
    assert response.status_code == 422
    assert "passed" in response.json()["detail"]
    assert client.get(f"{BASE}/calendars/{calendar.pk}/statistics").status_code == 404
    assert client.get(f"{BASE}/calendars/kaupunki/nope/free-times").status_code == 404
