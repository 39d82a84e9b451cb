"""Inviting people one by one or as a pasted/CSV list, all or nothing."""

from typing import Protocol

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.testing.http import ClientResponse
from luukku.programmes.models import Programme, ProgrammeMembership, ProgrammeRole

pytestmark = pytest.mark.django_db


class Invite(Protocol):
    def __call__(
        self, client: Client, programme: Programme, addresses: str, role: str = ...
    ) -> ClientResponse: ...


@pytest.fixture
def invite(django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks) -> Invite:
    """Post the invite form; invitations are e-mailed once the transaction commits."""

    def post(
        client: Client, programme: Programme, addresses: str, role: str = "participant"
    ) -> ClientResponse:
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                reverse("programmes:invite", args=[programme.pk]),
                {"addresses": addresses, "role": role, "message": ""},
            )

    return post


def test_a_bad_row_imports_nobody_and_reports_its_line(
    programme: Programme, coach: User, signed_in: SignIn, invite: Invite
) -> None:
    addresses = "anna@example.com\nBertta, bertta@example.com\nnot-an-address\n"
    response = invite(signed_in(coach), programme, addresses)
    assert response.status_code == 400
    assert "Line 3" in response.content.decode()
    assert not User.objects.filter(email__in=["anna@example.com", "bertta@example.com"]).exists()
    assert ProgrammeMembership.objects.filter(programme=programme).count() == 2
    assert mail.outbox == []


def test_duplicates_are_merged(
    programme: Programme, coach: User, signed_in: SignIn, invite: Invite
) -> None:
    response = invite(
        signed_in(coach), programme, "anna@example.com\nAnna@Example.com\nbo@example.com"
    )
    assert response.status_code == 302
    assert ProgrammeMembership.objects.filter(user__email="anna@example.com").count() == 1
    assert len(mail.outbox) == 2


def test_existing_member_is_reported_not_duplicated(
    programme: Programme, coach: User, participant: User, signed_in: SignIn, invite: Invite
) -> None:
    client = signed_in(coach)
    response = invite(client, programme, f"{participant.email}\nnew@example.com", role="coach")
    assert response.status_code == 302
    assert ProgrammeMembership.objects.get(programme=programme, user=participant).role == (
        ProgrammeRole.PARTICIPANT
    )
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Already a member" in m and str(participant) in m for m in messages)
    assert [message.to for message in mail.outbox] == [["new@example.com"]]


def test_invitation_email_carries_a_sign_in_link_to_the_programme(
    programme: Programme, coach: User, signed_in: SignIn, invite: Invite
) -> None:
    invite(signed_in(coach), programme, "Maija Meikäläinen, maija@example.com")
    (message,) = mail.outbox
    assert message.to == ["maija@example.com"]
    assert programme.name in message.body
    assert "/accounts/link/" in message.body
    user = User.objects.get(email="maija@example.com")
    assert user.display_name == "Maija Meikäläinen"
    membership = ProgrammeMembership.objects.get(programme=programme, user=user)
    assert membership.invited_by == coach
    link = user.sign_in_links.get()
    assert link.next_path == reverse("programmes:home", args=[programme.pk])


def test_csv_file_with_header_is_imported(
    programme: Programme, coach: User, signed_in: SignIn, invite: Invite
) -> None:
    csv_file = SimpleUploadedFile(
        "people.csv", b"name,email\nAino,aino@example.com\nEero,eero@example.com\n"
    )
    response = signed_in(coach).post(
        reverse("programmes:invite", args=[programme.pk]),
        {"csv_file": csv_file, "role": "observer", "message": ""},
    )
    assert response.status_code == 302
    roles = ProgrammeMembership.objects.filter(role=ProgrammeRole.OBSERVER)
    assert sorted(roles.values_list("user__email", flat=True)) == [
        "aino@example.com",
        "eero@example.com",
    ]


def test_empty_list_is_refused(
    programme: Programme, coach: User, signed_in: SignIn, invite: Invite
) -> None:
    assert invite(signed_in(coach), programme, "   \n").status_code == 400


def test_participant_cannot_invite(
    programme: Programme, participant: User, signed_in: SignIn, invite: Invite
) -> None:
    response = invite(signed_in(participant), programme, "x@example.com")
    assert response.status_code == 404
    assert not User.objects.filter(email="x@example.com").exists()
