"""Query budget of a calendar's feedback summary: the count does not grow with answers."""

import itertools

import pytest
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.bookings.models import BookingCalendar
from luukku.bookings.tests.factories import make_advisor, make_calendar
from luukku.core.models import Organisation
from luukku.core.testing.queries import assert_flat_queries
from luukku.feedback import actions
from luukku.feedback.tests.test_feedback import issue

pytestmark = pytest.mark.django_db
ratings = itertools.cycle([5, 4, 3, 2, 1])


@pytest.fixture
def advisor(organisation: Organisation) -> User:
    return make_advisor(organisation, "anna@example.com")


@pytest.fixture
def calendar(organisation: Organisation, advisor: User) -> BookingCalendar:
    return make_calendar(organisation, [advisor])


def test_summary_queries_do_not_grow_with_answers(
    calendar: BookingCalendar, advisor: User, org_admin: User, signed_in: SignIn
) -> None:
    def add(count: int) -> None:
        for _ in range(count):
            token = issue(calendar, advisor)
            actions.do_answer(raw_token=token, rating=next(ratings), helped="Yes", idea="")

    url = reverse("feedback:summary", args=[calendar.pk])
    assert_flat_queries(signed_in(org_admin), url, add, budget=12)
