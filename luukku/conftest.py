"""Fixtures shared by every app's tests: an organisation and its people."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from luukku.accounts.actions import do_set_organisation_role
from luukku.accounts.models import OrganisationRole, User
from luukku.accounts.testing import SignIn
from luukku.core.actions import do_create_organisation
from luukku.core.models import Organisation
from luukku.core.testing.smtp import MailCatcher, SmtpServer


@pytest.fixture
def organisation(db: None) -> Organisation:
    return do_create_organisation(name="Kaupunki", slug="kaupunki")


@pytest.fixture
def other_organisation(db: None) -> Organisation:
    return do_create_organisation(name="Other Org", slug="other-org")


def make_user(email: str, name: str = "", **fields: Any) -> User:
    return User.objects.create_user(email, display_name=name, **fields)


@pytest.fixture
def staff_user(organisation: Organisation) -> User:
    user = make_user("staff@example.com", "Sanna Staff")
    do_set_organisation_role(organisation=organisation, user=user, role=OrganisationRole.STAFF)
    return user


@pytest.fixture
def org_admin(organisation: Organisation) -> User:
    user = make_user("admin@example.com", "Aino Admin")
    do_set_organisation_role(organisation=organisation, user=user, role=OrganisationRole.ADMIN)
    return user


@pytest.fixture
def signed_in(client: Client) -> SignIn:
    """Return a function that signs a user in on the test client."""

    def sign_in(user: User) -> Client:
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Rate-limit counters live in the cache; with Redis they would outlive a test."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    # The database cache is rolled back with each test already, and touching it here
    # would need database access in tests that have none.
    if not isinstance(caches["default"], DatabaseCache):
        caches["default"].clear()


@pytest.fixture(autouse=True)
def _english_by_default() -> Iterator[None]:
    """Each test starts in English, whatever an earlier test's request activated.

    Views activate the viewer's language in the thread and nothing resets it, so without
    this a message's language would depend on which test ran before in the same worker.
    """
    with translation.override("en"):
        yield


@pytest.fixture
def client() -> Client:
    """A test client that asks for English, so assertions can read the English texts.

    The installation default language is Finnish; tests of translations ask for fi or sv.
    """
    return Client(headers={"accept-language": "en"})


@pytest.fixture
def smtp_server(settings: Any) -> Iterator[MailCatcher]:
    """A real SMTP server on a free port, with Django's e-mail pointed at it.

    Use `smtp_server.received` (parsed messages) or `smtp_server.wait_for(n)`.
    """
    with SmtpServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        yield server.catcher
