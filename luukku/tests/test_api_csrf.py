"""One CSRF rule for the whole API: a session-authenticated write without the token is refused."""

import re

import pytest
from django.test import Client

from config.api import api
from luukku.accounts.models import User

# Path parameters are filled with plausible values: the CSRF check runs before any lookup.
PARAMETER = re.compile(r"\{(\w+)\}")
WRITE_METHODS = ("post", "put", "patch", "delete")
# Operations that defend themselves otherwise; each one is a deliberate, reviewed choice.
EXEMPT = {("post", "/api/v1/activity/batch")}


def write_operations() -> list[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return sorted(
        (method, path)
        for path, item in schema["paths"].items()
        for method in item
        if method in WRITE_METHODS
    )


def concrete(path: str) -> str:
    return PARAMETER.sub(lambda match: "x" if "token" in match.group(1) else "1", path)


def test_the_api_has_write_operations_to_check() -> None:
    operations = write_operations()
    assert ("post", "/api/v1/bookings/calendars/{organisation}/{calendar}/bookings") in operations
    assert len(operations) > 10


@pytest.mark.parametrize(("method", "path"), write_operations())
def test_session_write_without_csrf_token_is_refused(db: None, method: str, path: str) -> None:
    user = User.objects.create_user("csrf@example.com", display_name="Csrf Person")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = getattr(client, method)(concrete(path), "{}", content_type="application/json")
    if (method, path) in EXEMPT:
        assert response.status_code != 403 or response.json()["error"] != "csrf_failed"
        return
    assert response.status_code == 403, response.content
    assert response.json()["error"] in ("csrf_failed", "error")


def test_session_booking_with_csrf_token_passes_the_check(db: None) -> None:
    user = User.objects.create_user("csrf@example.com", display_name="Csrf Person")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/accounts/sign-in/")  # a page with a form sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/api/v1/bookings/calendars/nobody/nothing/bookings",
        "{}",
        content_type="application/json",
        headers={"x-csrftoken": token},
    )
    assert response.status_code != 403


def test_booking_without_session_needs_no_csrf_token(db: None) -> None:
    # Scripts and other non-browser clients carry no cookie, so no ambient authority.
    response = Client(enforce_csrf_checks=True).post(
        "/api/v1/bookings/calendars/nobody/nothing/bookings", "{}", content_type="application/json"
    )
    assert response.status_code != 403
