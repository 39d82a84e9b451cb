"""The mail log: "did this person get the mail, and if not, why", each organisation its own."""

import pytest
from django.test import Client
from django.urls import reverse

from luukku.accounts.actions import do_set_organisation_role
from luukku.accounts.models import OrganisationRole, User
from luukku.accounts.testing import SignIn
from luukku.conftest import make_user
from luukku.core.models import Organisation, OutboxMessage
from luukku.core.outbox.actions import do_enqueue_message


@pytest.fixture
def refused(organisation: Organisation) -> OutboxMessage:
    row_id = do_enqueue_message(
        kind="test.kind", key="test:1", recipient="Veera@Example.com", source_app="test",
        source_id=1, organisation_id=organisation.pk,
    )  # fmt: skip
    OutboxMessage.objects.filter(pk=row_id).update(
        status="failed", attempts=5, subject="Your transcript", last_error="550 no such user"
    )
    return OutboxMessage.objects.get(pk=row_id)


@pytest.fixture
def other_admin(other_organisation: Organisation) -> User:
    user = make_user("other-admin@example.com")
    do_set_organisation_role(
        organisation=other_organisation, user=user, role=OrganisationRole.ADMIN
    )
    return user


def search(client: Client, address: str = "veera@example.com") -> str:
    response = client.get(reverse("accounts:mail_log"), {"to": address})
    assert response.status_code == 200
    return response.content.decode()


def test_an_admin_sees_why_the_mail_did_not_arrive(
    signed_in: SignIn, org_admin: User, refused: OutboxMessage
) -> None:
    page = search(signed_in(org_admin), "VEERA@example.com ")
    for shown in ("Your transcript", "test.kind", "Failed", "550 no such user", ">5<"):
        assert shown in page
    detail = signed_in(org_admin).get(reverse("accounts:mail_log_message", args=[refused.pk]))
    assert "550 no such user" in detail.content.decode()


def test_installation_staff_see_every_organisation(
    signed_in: SignIn, refused: OutboxMessage
) -> None:
    staff = make_user("root@example.com", is_staff=True)
    assert "Your transcript" in search(signed_in(staff))


def test_another_organisations_admin_sees_none_of_it(
    signed_in: SignIn, other_admin: User, refused: OutboxMessage
) -> None:
    client = signed_in(other_admin)
    assert "Your transcript" not in search(client)
    detail = client.get(reverse("accounts:mail_log_message", args=[refused.pk]))
    assert detail.status_code == 404


@pytest.mark.parametrize("role", [None, OrganisationRole.STAFF])
def test_participants_and_staff_members_get_a_404(
    signed_in: SignIn, organisation: Organisation, refused: OutboxMessage, role: OrganisationRole
) -> None:
    person = make_user("person@example.com")
    if role:
        do_set_organisation_role(organisation=organisation, user=person, role=role)
    client = signed_in(person)
    assert client.get(reverse("accounts:mail_log"), {"to": "veera@example.com"}).status_code == 404
    detail = client.get(reverse("accounts:mail_log_message", args=[refused.pk]))
    assert detail.status_code == 404


def test_the_navigation_links_the_log_for_admins_only(
    signed_in: SignIn, org_admin: User, staff_user: User
) -> None:
    link = reverse("accounts:mail_log")
    assert link in signed_in(org_admin).get(reverse("accounts:profile")).content.decode()
    assert link not in signed_in(staff_user).get(reverse("accounts:profile")).content.decode()
