"""Password forms are rate-limited; sign-in links are limited per address *and* requester,
so a stranger cannot block someone's sign-in, and the owner is told once per window."""

from ipaddress import ip_network

import pytest
from django.core.mail import EmailMessage
from django.test import Client, override_settings
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks

from luukku.accounts.models import SignInLink, User
from luukku.conftest import make_user


@pytest.fixture
def person(db: None) -> User:
    # English, so that the notice's subject reads as below (the default language is Finnish).
    return make_user("person@example.com", "Pia Person", language="en")


def test_admin_login_is_rate_limited_per_account(client: Client, db: None) -> None:
    make_user("root@example.com", is_staff=True, is_superuser=True, password="right horse x9")
    url = reverse("admin:login")
    statuses = [
        client.post(url, {"username": "root@example.com", "password": f"wrong {n}"}).status_code
        for n in range(11)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429


@override_settings(SIGN_IN_IP_RATE="3/h")
def test_admin_login_is_rate_limited_per_ip(client: Client, db: None) -> None:
    url = reverse("admin:login")
    for n in range(3):
        client.post(url, {"username": f"guess{n}@example.com", "password": "x"})
    response = client.post(url, {"username": "other@example.com", "password": "x"})
    assert response.status_code == 429


def test_password_sign_in_is_rate_limited_per_account_across_addresses(db: None) -> None:
    make_user("pw@example.com", password="a long secret phrase")
    url = reverse("accounts:password_sign_in")
    for n in range(10):
        Client(REMOTE_ADDR=f"192.0.2.{n}").post(url, {"email": "pw@example.com", "password": "no"})
    response = Client(REMOTE_ADDR="192.0.2.99").post(
        url, {"email": "pw@example.com", "password": "no"}
    )
    assert response.status_code == 429


def test_a_stranger_cannot_block_someones_sign_in_links(
    person: User,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    url = reverse("accounts:sign_in")
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [stranger.post(url, {"email": person.email}).status_code for _ in range(8)]
    assert statuses == [302] * 5 + [429] * 3
    # The person, from their own address, still gets a link.
    own = Client(REMOTE_ADDR="198.51.100.20")
    with django_capture_on_commit_callbacks(execute=True):
        assert own.post(url, {"email": person.email}).status_code == 302
    assert SignInLink.objects.filter(user=person).count() == 6


def test_the_person_is_told_once_per_window_when_their_limit_is_hit(
    person: User,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    url = reverse("accounts:sign_in")
    with django_capture_on_commit_callbacks(execute=True):
        for peer in ("203.0.113.9", "203.0.113.10"):
            stranger = Client(REMOTE_ADDR=peer)
            for _ in range(8):
                stranger.post(url, {"email": person.email})
    notices = [mail for mail in mailoutbox if "Many sign-in links" in str(mail.subject)]
    assert len(notices) == 1
    assert notices[0].to == [person.email]
    assert "/accounts/link/" not in str(notices[0].body)


def test_no_notice_for_an_address_without_an_account(
    db: None,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(7):
            stranger.post(reverse("accounts:sign_in"), {"email": "nobody@example.com"})
    assert mailoutbox == []


@override_settings(SIGN_IN_IP_RATE="2/h", TRUSTED_PROXIES=[ip_network("10.0.0.0/8")])
def test_behind_a_trusted_proxy_each_visitor_has_an_ip_bucket_of_their_own(db: None) -> None:
    url = reverse("accounts:use_link", args=["no-such-link"])
    balancer = Client(REMOTE_ADDR="10.0.0.2")

    def post_as(visitor: str) -> int:
        return balancer.post(url, HTTP_X_FORWARDED_FOR=visitor).status_code

    assert [post_as("203.0.113.9") for _ in range(3)] == [410, 410, 429]
    assert post_as("198.51.100.20") == 410
    # Forging the left part of the header does not buy a fresh bucket.
    assert post_as("1.2.3.4, 203.0.113.9") == 429


@override_settings(SIGN_IN_IP_RATE="2/h", TRUSTED_PROXIES=[])
def test_from_loopback_a_forged_forwarded_for_buys_no_fresh_bucket(db: None) -> None:
    url = reverse("accounts:use_link", args=["no-such-link"])
    local = Client(REMOTE_ADDR="127.0.0.1")
    statuses = [
        local.post(url, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code for n in range(3)
    ]
    assert statuses == [410, 410, 429]
