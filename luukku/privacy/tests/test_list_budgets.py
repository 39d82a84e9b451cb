"""Query budget of "My data": the count does not grow with programmes and visits."""

import itertools

import pytest
from django.urls import reverse

from luukku.accounts.testing import SignIn
from luukku.activity.models import EventKind
from luukku.conftest import make_user
from luukku.core.models import Organisation
from luukku.core.testing.queries import assert_flat_queries
from luukku.privacy.tests.test_my_data import programme_of, record

pytestmark = pytest.mark.django_db
numbers = itertools.count()


def test_my_data_queries_do_not_grow_with_programmes_and_visits(
    organisation: Organisation, signed_in: SignIn
) -> None:
    person = make_user("person@example.com", "Pirjo Person")

    def add(count: int) -> None:
        for _ in range(count):
            number = next(numbers)
            programme = programme_of(person, organisation, f"Programme {number}")
            # Hours apart: each event is a visit of its own.
            record(person, programme, EventKind.PAGE_VIEW, 180 * number, f"page:{number}")

    assert_flat_queries(signed_in(person), reverse("privacy:my_data"), add, budget=12)
