"""The people admin writes through the accounts actions and nothing else."""

import pytest
from django.test import Client

from luukku.accounts.models import OrganisationMembership, OrganisationRole, User
from luukku.core.models import Organisation

pytestmark = pytest.mark.django_db


def _installer(client: Client) -> Client:
    client.force_login(User.objects.create_superuser("root@example.com", "pw"))
    return client


def test_admin_gives_an_organisation_role(client: Client, organisation: Organisation) -> None:
    person = User.objects.create_user("anna@example.com")
    response = _installer(client).post(
        "/admin/accounts/organisationmembership/add/",
        {"organisation": organisation.pk, "user": person.pk, "role": OrganisationRole.ADMIN},
    )
    assert response.status_code == 302
    assert OrganisationMembership.objects.get(user=person).role == OrganisationRole.ADMIN


def test_admin_change_of_a_user_touches_only_access_fields(client: Client) -> None:
    person = User.objects.create_user("anna@example.com", display_name="Anna")
    response = _installer(client).post(
        f"/admin/accounts/user/{person.pk}/change/",
        {"email": "evil@example.com", "display_name": "Renamed", "is_active": ""},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.email, person.display_name, person.is_active) == (
        "anna@example.com",
        "Anna",
        False,
    )


def test_admin_creates_a_person_without_a_usable_password(client: Client) -> None:
    response = _installer(client).post(
        "/admin/accounts/user/add/", {"email": " New@Example.com", "display_name": "New"}
    )
    assert response.status_code == 302
    assert not User.objects.get(email="new@example.com").has_usable_password()


def test_admin_cannot_delete_a_person(client: Client) -> None:
    person = User.objects.create_user("anna@example.com")
    response = _installer(client).post(f"/admin/accounts/user/{person.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert User.objects.filter(pk=person.pk).exists()
