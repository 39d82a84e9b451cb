import re
from datetime import timedelta
from typing import Protocol

import pytest
import time_machine
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from luukku.accounts.models import SignInLink, User
from luukku.conftest import make_user
from luukku.core.testing.storage import assert_nothing_stored

LINK_PATTERN = re.compile(r"http://[^\s]+/accounts/link/([\w-]+)/")


class RequestLink(Protocol):
    def __call__(self, email: str, next_path: str = ...) -> str: ...


@pytest.fixture
def request_link(
    client: Client,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> RequestLink:
    """Ask for a sign-in link and return the token found in the delivered e-mail."""

    def request(email: str, next_path: str = "") -> str:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("accounts:sign_in"), {"email": email, "next": next_path})
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:link_sent")
        assert mailoutbox, "no sign-in mail was delivered"
        assert mailoutbox[-1].to == [email.lower()]
        match = LINK_PATTERN.search(str(mailoutbox[-1].body))
        assert match is not None
        return match.group(1)

    return request


@pytest.fixture
def person(db: None) -> User:
    return make_user("person@example.com", "Pia Person")


def test_magic_link_signs_in_after_confirmation(
    client: Client, person: User, request_link: RequestLink
) -> None:
    token = request_link("Person@Example.com")
    link_url = reverse("accounts:use_link", args=[token])

    # A GET (what mail scanners do) must not spend the link.
    assert client.get(link_url).status_code == 200
    assert SignInLink.objects.get().used_at is None

    response = client.post(link_url)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


def test_unknown_address_gets_the_same_answer_and_no_mail(
    client: Client,
    person: User,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:sign_in"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:link_sent")
    assert mailoutbox == []


def test_a_used_link_is_refused_with_a_clear_page(
    client: Client, person: User, request_link: RequestLink
) -> None:
    token = request_link(person.email)
    url = reverse("accounts:use_link", args=[token])
    client.post(url)
    client.logout()
    with assert_nothing_stored(SignInLink, User):
        response = client.post(url)
    assert response.status_code == 410
    assert "no longer works" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_expired_link_is_refused(
    client: Client, person: User, request_link: RequestLink
) -> None:
    token = request_link(person.email)
    with (
        time_machine.travel(timezone.now() + timedelta(minutes=16)),
        assert_nothing_stored(SignInLink, User),
    ):
        response = client.post(reverse("accounts:use_link", args=[token]))
    assert response.status_code == 410


def test_a_made_up_link_is_refused(client: Client, person: User) -> None:
    with assert_nothing_stored(SignInLink, User):
        response = client.post(reverse("accounts:use_link", args=["forged-token"]))
    assert response.status_code == 410


def test_next_path_is_kept_but_never_leaves_the_site(
    client: Client, person: User, request_link: RequestLink
) -> None:
    token = request_link(person.email, next_path="/accounts/profile/")
    assert (
        client.post(reverse("accounts:use_link", args=[token]))["Location"] == "/accounts/profile/"
    )

    token = request_link(person.email, next_path="https://evil.example/")
    location = client.post(reverse("accounts:use_link", args=[token]))["Location"]
    assert "evil" not in location


def test_an_invalid_address_is_a_400_with_a_message(client: Client, db: None) -> None:
    with assert_nothing_stored(SignInLink, User):
        response = client.post(reverse("accounts:sign_in"), {"email": "not an address"})
    assert response.status_code == 400
    assert "Enter a valid email address" in response.content.decode()


def test_a_flood_of_sign_in_requests_is_rate_limited(client: Client, person: User) -> None:
    # Five links an hour per address (LUUKKU_SIGN_IN_RATE); the sixth request is refused.
    for _ in range(5):
        client.post(reverse("accounts:sign_in"), {"email": person.email})
    response = client.post(reverse("accounts:sign_in"), {"email": person.email})
    assert response.status_code == 429
    assert SignInLink.objects.filter(user=person).count() == 5


def test_password_sign_in_is_optional_and_checked(client: Client, db: None) -> None:
    User.objects.create_user("pw@example.com", password="a long secret phrase")
    url = reverse("accounts:password_sign_in")
    assert client.post(url, {"email": "pw@example.com", "password": "wrong"}).status_code == 400
    assert (
        client.post(
            url, {"email": "PW@example.com", "password": "a long secret phrase"}
        ).status_code
        == 302
    )


def test_users_without_a_password_cannot_sign_in_with_an_empty_one(
    client: Client, person: User
) -> None:
    with assert_nothing_stored(User):
        response = client.post(
            reverse("accounts:password_sign_in"), {"email": person.email, "password": ""}
        )
    assert response.status_code == 400


def test_sign_out_needs_a_post(client: Client, person: User) -> None:
    client.force_login(person)
    assert client.get(reverse("accounts:sign_out")).status_code == 405
    client.post(reverse("accounts:sign_out"))
    assert "_auth_user_id" not in client.session
