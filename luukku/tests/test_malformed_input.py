"""The outside probe's malformed inputs each get a clear 4xx, never a 500."""

import json

import pytest
from django.test import Client

from luukku.accounts.actions import do_set_organisation_role
from luukku.accounts.models import OrganisationRole, User
from luukku.activity.tokens import make_tracking_token
from luukku.core.models import Organisation
from luukku.programmes.models import Programme
from luukku.programmes.tests.factories import make_person, make_programme

pytestmark = pytest.mark.django_db
NUL = "Fees\u0000grants"
# JSON text with an unpaired surrogate escape: valid JSON, but no database can store it.
SURROGATE_JSON = '"Fees \\ud800 grants"'


@pytest.fixture
def coach(organisation: Organisation) -> User:
    user = make_person("coach@example.com", "Kaisa Coach")
    do_set_organisation_role(organisation=organisation, user=user, role=OrganisationRole.ADMIN)
    return user


@pytest.fixture
def programme(organisation: Organisation, coach: User) -> Programme:
    return make_programme(organisation, coach=coach)


@pytest.fixture
def api(coach: User) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(coach)
    return client


def _post(client: Client, url: str, body: str) -> tuple[int, dict[str, object]]:
    response = client.post(url, body, content_type="application/json")
    return response.status_code, response.json()


def _programme_body(organisation: Organisation, name: str = '"Spring"', starts: str = "") -> str:
    starts_on = starts or "2026-01-05"
    return f'{{"organisation_id": {organisation.pk}, "name": {name}, "starts_on": "{starts_on}"}}'


@pytest.mark.parametrize("title", [json.dumps(NUL), SURROGATE_JSON])
def test_thread_title_with_nul_or_lone_surrogate_is_400(
    api: Client, programme: Programme, title: str
) -> None:
    url = f"/api/v1/discussions/programmes/{programme.pk}/threads"
    status, body = _post(api, url, f'{{"title": {title}, "body": "x"}}')
    assert (status, body["error"]) == (400, "invalid_text")


@pytest.mark.parametrize("name", [json.dumps(NUL), SURROGATE_JSON])
def test_programme_name_with_nul_or_lone_surrogate_is_400(
    api: Client, organisation: Organisation, name: str
) -> None:
    status, body = _post(api, "/api/v1/programmes/", _programme_body(organisation, name))
    assert (status, body["error"]) == (400, "invalid_text")


def test_programme_starting_on_the_last_representable_day_is_4xx(
    api: Client, organisation: Organisation
) -> None:
    status, body = _post(
        api, "/api/v1/programmes/", _programme_body(organisation, starts="9999-12-31")
    )
    assert 400 <= status < 500
    assert "error" in body


def test_notification_offset_beyond_64_bits_is_4xx(api: Client) -> None:
    response = api.get("/api/v1/notifications/", {"offset": str(2**64)})
    assert 400 <= response.status_code < 500
    assert "error" in response.json()


def test_path_parameter_with_nul_is_400(api: Client) -> None:
    response = api.get("/api/v1/knowledge/kau%00punki/answer", {"q": "hello"})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_text"


def _tracking(coach: User, programme: Programme) -> str:
    return make_tracking_token(
        user_id=coach.pk, programme_id=programme.pk, organisation_id=programme.organisation_id
    )


def test_tracking_target_with_nul_is_400(api: Client, coach: User, programme: Programme) -> None:
    event = {"kind": "page_view", "target": NUL}
    body = json.dumps({"token": _tracking(coach, programme), "events": [event]})
    status, answer = _post(api, "/api/v1/activity/batch", body)
    assert status == 400
    assert "NUL" in str(answer["detail"])


def test_deeply_nested_tracking_batch_is_400(
    api: Client, coach: User, programme: Programme
) -> None:
    nested = "[" * 100_000 + "]" * 100_000
    body = f'{{"token": "{_tracking(coach, programme)}", "events": [], "extra": {nested}}}'
    status, answer = _post(api, "/api/v1/activity/batch", body)
    assert status in (400, 413)
    assert answer["error"] in ("invalid", "too_large")


def test_deeply_nested_api_body_is_400(api: Client, programme: Programme) -> None:
    nested = "[" * 5_000 + "]" * 5_000
    url = f"/api/v1/discussions/programmes/{programme.pk}/threads"
    status, answer = _post(api, url, f'{{"title": "t", "body": {nested}}}')
    assert (status, answer["error"]) == (400, "too_deep")


@pytest.mark.parametrize("separator", ["\r", "\r\n", "\n"])
def test_invitation_list_with_bare_cr_lines_invites_everyone(
    api: Client, programme: Programme, separator: str
) -> None:
    addresses = separator.join(["Maija, maija@example.com", "pekka@example.com"])
    url = f"/api/v1/programmes/{programme.pk}/invitations"
    status, body = _post(api, url, json.dumps({"addresses": addresses}))
    assert status < 300, body
    assert sorted(body["invited"]) == ["maija@example.com", "pekka@example.com"]  # type: ignore[call-overload]


@pytest.mark.parametrize("path", ["/knowledge/kaupunki/ask/?q=a%00b", "/services/?x=%00"])
def test_page_query_with_nul_is_400(api: Client, organisation: Organisation, path: str) -> None:
    response = api.get(path)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_text"
