"""Query budgets of the analytics lists: the count does not grow with the programmes."""

import itertools

import pytest
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.conftest import make_user
from luukku.core.models import Organisation
from luukku.core.testing.queries import assert_flat_queries
from luukku.programmes.tests.factories import make_programme

pytestmark = pytest.mark.django_db
numbers = itertools.count()


def add_programmes(organisation: Organisation, coach: User, count: int) -> None:
    for _ in range(count):
        make_programme(organisation, coach=coach, name=f"Programme {next(numbers)}")


def test_analytics_index_queries_do_not_grow_with_programmes(
    organisation: Organisation, signed_in: SignIn
) -> None:
    coach = make_user("coach@example.com", "Cai Coach")
    url = reverse("insights:index")
    assert_flat_queries(
        signed_in(coach), url, lambda count: add_programmes(organisation, coach, count), budget=10
    )


def test_organisation_comparison_queries_do_not_grow_with_programmes(
    organisation: Organisation, org_admin: User, signed_in: SignIn
) -> None:
    coach = make_user("coach@example.com", "Cai Coach")
    url = reverse("insights:organisation", args=[organisation.pk])
    assert_flat_queries(
        signed_in(org_admin), url, lambda count: add_programmes(organisation, coach, count),
        budget=15,
    )  # fmt: skip


def test_the_index_lists_exactly_the_programmes_can_see_analytics_allows(
    organisation: Organisation, other_organisation: Organisation
) -> None:
    from luukku.accounts.actions import do_set_organisation_role
    from luukku.accounts.models import OrganisationRole
    from luukku.insights.queries import analysable_programmes, can_see_analytics
    from luukku.programmes.models import Programme, ProgrammeRole
    from luukku.programmes.tests.factories import add_member

    person = make_user("person@example.com")
    coached, observed, attended, _no_role, foreign = (
        make_programme(organisation, name=name) for name in ("A", "B", "C", "D", "E")
    )
    add_member(coached, person, ProgrammeRole.COACH)
    add_member(observed, person, ProgrammeRole.OBSERVER)
    add_member(attended, person, ProgrammeRole.PARTICIPANT)
    foreign.organisation = other_organisation
    foreign.save(update_fields=["organisation"])
    do_set_organisation_role(
        organisation=other_organisation, user=person, role=OrganisationRole.ADMIN
    )
    expected = {p.name for p in Programme.objects.all() if can_see_analytics(person, p)}
    assert expected == {"A", "B", "E"}
    assert {p.name for p in analysable_programmes(person)} == expected
