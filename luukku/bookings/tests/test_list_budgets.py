"""Query budgets of an advisor's session lists: the count does not grow with the sessions."""

import datetime as dt
import itertools

import pytest
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.bookings import actions
from luukku.bookings.models import BookingCalendar
from luukku.bookings.tests.factories import at, booker, first_topic
from luukku.core.testing.queries import assert_flat_queries

pytestmark = pytest.mark.usefixtures("frozen")


def add_sessions(calendar: BookingCalendar, slots: "itertools.count[int]", count: int) -> None:
    """Book `count` more half-hour sessions, one after another from Tuesday 9:00 on."""
    for _ in range(count):
        number = next(slots)
        start = at("2026-11-24 09:00") + dt.timedelta(days=number // 12, minutes=30 * (number % 12))
        actions.do_create_booking(
            calendar=calendar, start=start, mode="video", topic=first_topic(calendar),
            booker=booker(f"Visitor {number}", f"visitor{number}@example.com"),
        )  # fmt: skip


@pytest.mark.parametrize(
    ("page", "budget"), [("bookings:advisor_home", 14), ("bookings:calendar", 12)]
)
def test_session_lists_do_not_grow_with_sessions(
    calendar: BookingCalendar, advisor: User, signed_in: SignIn, page: str, budget: int
) -> None:
    slots = itertools.count()
    url = reverse(page) if page == "bookings:advisor_home" else reverse(page, args=[calendar.pk])
    assert_flat_queries(
        signed_in(advisor), url, lambda count: add_sessions(calendar, slots, count), budget=budget
    )
