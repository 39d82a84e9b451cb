"""The members page: what coaches and participants see, role changes and removal."""

import pytest
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.testing.storage import assert_nothing_stored
from luukku.programmes.models import Programme, ProgrammeMembership, ProgrammeRole
from luukku.programmes.tests.factories import add_member, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def observer(programme: Programme) -> User:
    user = make_person("observer@example.com", "Olli Observer")
    add_member(programme, user, ProgrammeRole.OBSERVER)
    return user


def test_coach_sees_everyone_with_address_and_role(
    programme: Programme, coach: User, participant: User, observer: User, signed_in: SignIn
) -> None:
    html = signed_in(coach).get(reverse("programmes:members", args=[programme.pk])).content
    text = html.decode()
    assert "Olli Observer" in text
    assert participant.email in text
    assert "Joined" in text


def test_participant_sees_names_of_participants_and_coaches_only(
    programme: Programme, coach: User, participant: User, observer: User, signed_in: SignIn
) -> None:
    text = signed_in(participant).get(reverse("programmes:members", args=[programme.pk])).content
    html = text.decode()
    assert "Kaisa Coach" in html
    assert "Olli Observer" not in html
    assert coach.email not in html
    assert "Joined" not in html


def test_coach_changes_a_role(
    programme: Programme, coach: User, participant: User, signed_in: SignIn
) -> None:
    membership = ProgrammeMembership.objects.get(programme=programme, user=participant)
    url = reverse("programmes:member_role", args=[programme.pk, membership.pk])
    assert signed_in(coach).post(url, {"role": "coach"}).status_code == 302
    membership.refresh_from_db()
    assert membership.role == ProgrammeRole.COACH


def test_coach_removes_a_member(
    programme: Programme, coach: User, participant: User, signed_in: SignIn
) -> None:
    membership = ProgrammeMembership.objects.get(programme=programme, user=participant)
    url = reverse("programmes:member_remove", args=[programme.pk, membership.pk])
    client = signed_in(coach)
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert not ProgrammeMembership.objects.filter(pk=membership.pk).exists()
    assert User.objects.filter(pk=participant.pk).exists()


def test_last_coach_cannot_step_down(programme: Programme, coach: User, signed_in: SignIn) -> None:
    membership = ProgrammeMembership.objects.get(programme=programme, user=coach)
    client = signed_in(coach)
    role_url = reverse("programmes:member_role", args=[programme.pk, membership.pk])
    remove_url = reverse("programmes:member_remove", args=[programme.pk, membership.pk])
    with assert_nothing_stored(ProgrammeMembership):
        assert client.post(role_url, {"role": "participant"}).status_code == 400
        assert client.post(remove_url).status_code == 400


def test_participant_cannot_change_roles(
    programme: Programme, participant: User, signed_in: SignIn
) -> None:
    membership = ProgrammeMembership.objects.get(programme=programme, user=participant)
    url = reverse("programmes:member_role", args=[programme.pk, membership.pk])
    with assert_nothing_stored(ProgrammeMembership):
        assert signed_in(participant).post(url, {"role": "coach"}).status_code == 404
