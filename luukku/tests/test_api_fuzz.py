"""Every API operation, fuzzed from its OpenAPI schema by schemathesis, never answers 5xx.

Runs in-process (WSGI) with a signed-in session of an organisation admin who coaches a
programme, so that generated requests get past authentication into the operations. On top
of schemathesis's own values, every string may carry a NUL or a lone surrogate.
"""

import secrets
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings

from luukku.accounts.actions import do_set_organisation_role
from luukku.accounts.models import OrganisationRole
from luukku.core.models import Organisation
from luukku.programmes.tests.factories import make_person, make_programme

EXAMPLES_PER_OPERATION = 5
REAL_IDS: dict[str, object] = {}


@pytest.fixture(autouse=True)
def connection_kept_between_requests() -> Iterator[None]:
    """Keep the test's database connection across the in-process WSGI calls.

    Django closes "old" connections when a request starts and finishes; with the
    PostgreSQL pool (CONN_MAX_AGE 0) that closes the connection holding the test's
    transaction. Django's own test client disconnects the same handler for this reason.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def signed_in_cookies(organisation: Organisation) -> dict[str, str]:
    user = make_person("fuzz@example.com", "Fuzz Coach")
    do_set_organisation_role(organisation=organisation, user=user, role=OrganisationRole.ADMIN)
    programme = make_programme(organisation, coach=user)
    REAL_IDS.update(
        programme_id=programme.pk, organisation=organisation.slug, slug=organisation.slug
    )
    client = Client()
    client.force_login(user)
    return {
        django_settings.SESSION_COOKIE_NAME: client.cookies[
            django_settings.SESSION_COOKIE_NAME
        ].value,
        django_settings.CSRF_COOKIE_NAME: CSRF_SECRET,
    }


CSRF_SECRET = secrets.token_hex(16)  # 32 characters: Django takes the unmasked secret too
# Generating the schema needs settings, not the database: it can load at collection.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
@pytest.mark.django_db
def test_no_api_operation_answers_5xx(case: Any, signed_in_cookies: dict[str, str]) -> None:
    # Half the examples aim at the real programme and organisation, to get past the 404s.
    if case.path_parameters and len(repr(case.body)) % 2:
        for name, value in REAL_IDS.items():
            if name in case.path_parameters:
                case.path_parameters[name] = value
    response = case.call(cookies=signed_in_cookies, headers={"X-CSRFToken": CSRF_SECRET})
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:500])
    if response.status_code >= 400 and response.headers.get("Content-Type", [""])[0].startswith(
        "application/json"
    ):
        assert "error" in response.json(), response.text[:500]
