"""The programmes API: listing, reading plans, creating from templates, inviting."""

import datetime
import json

import pytest
from django.test import Client

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.models import Organisation
from luukku.core.testing.http import ClientResponse
from luukku.programmes.models import Programme, ProgrammeMembership
from luukku.programmes.tests.factories import make_page, make_person, make_programme, make_section

pytestmark = pytest.mark.django_db

BASE = "/api/v1/programmes/"


def _post(client: Client, url: str, payload: dict[str, object]) -> ClientResponse:
    return client.post(url, json.dumps(payload), content_type="application/json")


def test_list_returns_only_my_programmes(
    programme: Programme, participant: User, organisation: Organisation, signed_in: SignIn
) -> None:
    make_programme(organisation, coach=make_person("x@example.com"), name="Not mine")
    response = signed_in(participant).get(BASE)
    assert response.status_code == 200
    assert [item["name"] for item in response.json()] == [programme.name]
    assert response.json()[0]["role"] == "participant"


def test_detail_shows_participants_only_opened_sections(
    programme: Programme, participant: User, signed_in: SignIn
) -> None:
    make_page(make_section(programme, title="Open"))
    make_section(programme, title="Later", opens_on=programme.today() + datetime.timedelta(days=3))
    body = signed_in(participant).get(f"{BASE}{programme.pk}").json()
    assert [section["title"] for section in body["sections"]] == ["Open"]
    assert body["sections"][0]["pages"][0]["title"] == "Welcome"


def test_detail_of_a_foreign_programme_is_404(
    programme: Programme, other_organisation: Organisation, participant: User, signed_in: SignIn
) -> None:
    foreign = make_programme(other_organisation, coach=make_person("f@example.com"))
    response = signed_in(participant).get(f"{BASE}{foreign.pk}")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_signed_out_callers_get_401(programme: Programme, client: Client) -> None:
    assert client.get(BASE).status_code == 401


def test_staff_create_a_programme_from_a_builtin_template(
    staff_user: User, organisation: Organisation, signed_in: SignIn
) -> None:
    response = _post(
        signed_in(staff_user),
        BASE,
        {
            "organisation_id": organisation.pk,
            "name": "Sprint",
            "starts_on": "2025-03-03",
            "template": "builtin:design-sprint",
        },
    )
    assert response.status_code == 201, response.content
    programme = Programme.objects.get(pk=response.json()["id"])
    assert programme.sections.count() == 5
    assert response.json()["role"] == "coach"


def test_non_staff_cannot_create_programmes(
    participant: User, organisation: Organisation, signed_in: SignIn
) -> None:
    response = _post(
        signed_in(participant),
        BASE,
        {"organisation_id": organisation.pk, "name": "X", "starts_on": "2025-03-03"},
    )
    assert response.status_code == 403
    assert response.json()["error"] == "forbidden"


def test_invite_with_a_bad_row_returns_400_and_imports_nothing(
    programme: Programme, coach: User, signed_in: SignIn
) -> None:
    response = _post(
        signed_in(coach),
        f"{BASE}{programme.pk}/invitations",
        {"addresses": "ok@example.com\nbroken\n"},
    )
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "invalid_addresses"
    assert body["detail"][0].startswith("Line 2")
    assert not User.objects.filter(email="ok@example.com").exists()


def test_invite_adds_members_and_reports_existing_ones(
    programme: Programme, coach: User, participant: User, signed_in: SignIn
) -> None:
    response = _post(
        signed_in(coach),
        f"{BASE}{programme.pk}/invitations",
        {"addresses": f"new@example.com\nNEW@example.com\n{participant.email}", "role": "observer"},
    )
    assert response.status_code == 200
    assert response.json() == {
        "invited": ["new@example.com"],
        "already_members": [participant.email],
        "duplicates_merged": 1,
    }
    assert ProgrammeMembership.objects.get(user__email="new@example.com").role == "observer"


def test_participants_cannot_invite_through_the_api(
    programme: Programme, participant: User, signed_in: SignIn
) -> None:
    response = _post(
        signed_in(participant), f"{BASE}{programme.pk}/invitations", {"addresses": "a@b.example"}
    )
    assert response.status_code == 404
