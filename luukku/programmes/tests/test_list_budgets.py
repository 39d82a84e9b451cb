"""Query budgets of the programme list pages: the count does not grow with the rows."""

import itertools

import pytest
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.models import Organisation
from luukku.core.testing.queries import assert_flat_queries
from luukku.programmes.models import Programme
from luukku.programmes.tests.factories import add_member, make_person, make_programme

pytestmark = pytest.mark.django_db
numbers = itertools.count()


def test_programme_list_queries_do_not_grow_with_programmes(
    organisation: Organisation, coach: User, signed_in: SignIn
) -> None:
    def add(count: int) -> None:
        for _ in range(count):
            make_programme(organisation, coach=coach, name=f"Programme {next(numbers)}")

    assert_flat_queries(signed_in(coach), reverse("programmes:list"), add, budget=10)


def test_member_list_queries_do_not_grow_with_members(
    programme: Programme, coach: User, signed_in: SignIn
) -> None:
    def add(count: int) -> None:
        for _ in range(count):
            add_member(programme, make_person(f"member{next(numbers)}@example.com", "Member"))

    url = reverse("programmes:members", args=[programme.pk])
    assert_flat_queries(signed_in(coach), url, add, budget=15)
