import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.test import Client

from luukku.accounts.models import User
from luukku.activity.models import Event, EventKind
from luukku.activity.tokens import make_tracking_token
from luukku.conftest import make_user
from luukku.core.testing.storage import assert_nothing_stored

URL = "/api/v1/activity/batch"
NOW = datetime(2025, 5, 12, 10, 0, tzinfo=UTC)
NOW_MS = int(NOW.timestamp() * 1000)


@pytest.fixture
def member(db: None) -> User:
    return make_user("member@example.com", "Maija Member")


def token_for(user: User, programme_id: int = 7, organisation_id: int = 3) -> str:
    return make_tracking_token(
        user_id=user.pk, programme_id=programme_id, organisation_id=organisation_id
    )


def post(client: Client, body: Any, **headers: str) -> Any:
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data=data, content_type="text/plain;charset=UTF-8", headers=headers)


def pings(count: int, *, start_ms: int = NOW_MS - 60_000) -> list[dict[str, Any]]:
    return [
        {"kind": "active_ping", "target": "page:1", "at": start_ms + i * 15_000}
        for i in range(count)
    ]


@time_machine.travel(NOW, tick=False)
def test_batch_from_the_sessions_member_is_one_insert(
    signed_in: Any, member: User, django_assert_num_queries: Any
) -> None:
    client = signed_in(member)
    body = {"token": token_for(member), "sent": NOW_MS, "events": pings(4)}
    # The session comes from the cache: a query on the database cache, none on Redis.
    session_queries = 1 if isinstance(caches["default"], DatabaseCache) else 0
    # Plus one indexed look-up: has this member left the programme since the token was signed?
    with django_assert_num_queries(session_queries + 2) as captured:
        response = post(client, body)
    assert response.status_code == 202
    assert response.json() == {"accepted": 4, "ignored": 0}
    statements = [query["sql"] for query in captured.captured_queries]
    assert sum(sql.startswith("INSERT") for sql in statements) == 1
    assert not any("accounts_user" in sql or "programmes_" in sql for sql in statements)
    events = list(Event.objects.order_by("occurred_at"))
    assert [(e.user_id, e.programme_id, e.organisation_id) for e in events] == [
        (member.pk, 7, 3)
    ] * 4
    assert [e.active_seconds for e in events] == [15] * 4


def test_batch_without_a_session_is_401(member: User, client: Client) -> None:
    response = post(client, {"token": token_for(member), "events": pings(1)})
    assert response.status_code == 401
    assert response.json()["error"] == "unauthenticated"
    assert not Event.objects.exists()


def test_token_of_another_user_is_403(signed_in: Any, member: User) -> None:
    other = make_user("other@example.com")
    response = post(signed_in(member), {"token": token_for(other), "events": pings(1)})
    assert response.status_code == 403
    assert not Event.objects.exists()


def test_tampered_token_is_403(signed_in: Any, member: User) -> None:
    token = token_for(member)
    forged = token_for(member, programme_id=8).split(":")[0] + ":" + token.split(":", 1)[1]
    response = post(signed_in(member), {"token": forged, "events": pings(1)})
    assert response.status_code == 403
    assert not Event.objects.exists()


def test_expired_token_is_403(signed_in: Any, member: User) -> None:
    with time_machine.travel(NOW - timedelta(hours=13), tick=False):
        token = token_for(member)
    with time_machine.travel(NOW, tick=False), assert_nothing_stored(Event):
        response = post(signed_in(member), {"token": token, "events": pings(1)})
    assert response.status_code == 403


@time_machine.travel(NOW, tick=False)
def test_forged_kinds_extra_ids_and_malformed_entries_are_ignored(
    signed_in: Any, member: User
) -> None:
    events = [
        {"kind": "active_ping", "at": NOW_MS},
        {"kind": "file_open", "target": "file:5", "at": NOW_MS},
        {"kind": "post", "at": NOW_MS},
        {"kind": "booking"},
        {"kind": "active_ping", "at": NOW_MS, "user_id": 999},
        {"kind": "file_open", "target": "file:6", "programme_id": 1},
        {"kind": ["active_ping"]},
        {"kind": "file_open", "target": "x" * 65},
        {"kind": "file_open", "at": "yesterday"},
        "active_ping",
        None,
    ]
    response = post(signed_in(member), {"token": token_for(member), "events": events})
    assert response.json() == {"accepted": 2, "ignored": 9}
    stored = set(Event.objects.values_list("kind", "target", "user_id", "programme_id"))
    assert stored == {
        (EventKind.ACTIVE_PING, "", member.pk, 7),
        (EventKind.FILE_OPEN, "file:5", member.pk, 7),
    }


@time_machine.travel(NOW, tick=False)
def test_only_fifty_events_of_a_batch_are_kept(signed_in: Any, member: User) -> None:
    events = [{"kind": "file_open", "target": f"file:{i}"} for i in range(60)]
    body = {"token": token_for(member), "events": events}
    assert post(signed_in(member), body).json() == {"accepted": 50, "ignored": 10}


@time_machine.travel(NOW, tick=False)
def test_repeated_pings_in_one_batch_count_once(signed_in: Any, member: User) -> None:
    events = [{"kind": "active_ping", "at": NOW_MS}] * 5
    response = post(signed_in(member), {"token": token_for(member), "events": events})
    assert response.json() == {"accepted": 1, "ignored": 4}


@time_machine.travel(NOW, tick=False)
def test_client_times_are_clamped_to_the_last_minutes(signed_in: Any, member: User) -> None:
    events = [
        {"kind": "file_open", "target": "future", "at": NOW_MS + 3_600_000},
        {"kind": "file_open", "target": "past", "at": NOW_MS - 86_400_000},
        {"kind": "file_open", "target": "recent", "at": NOW_MS - 60_000},
        {"kind": "file_open", "target": "untimed"},
    ]
    post(signed_in(member), {"token": token_for(member), "events": events})
    times = dict(Event.objects.values_list("target", "occurred_at"))
    assert times == {
        "future": NOW,
        "past": NOW - timedelta(minutes=5),
        "recent": NOW - timedelta(minutes=1),
        "untimed": NOW,
    }


@time_machine.travel(NOW, tick=False)
def test_a_wrong_client_clock_is_corrected_by_its_send_time(signed_in: Any, member: User) -> None:
    two_hours_behind = NOW_MS - 7_200_000
    body = {
        "token": token_for(member),
        "sent": two_hours_behind,
        "events": [{"kind": "file_open", "at": two_hours_behind - 30_000}],
    }
    post(signed_in(member), body)
    assert Event.objects.get().occurred_at == NOW - timedelta(seconds=30)


def test_oversized_payload_is_413(signed_in: Any, member: User) -> None:
    body = {"token": token_for(member), "events": [], "padding": "x" * 70_000}
    response = post(signed_in(member), body)
    assert response.status_code == 413
    assert response.json()["error"] == "too_large"


@pytest.mark.parametrize(
    "body", ["{not json", "[]", '{"events": []}', '{"token": "t"}', b"\xff\xfe"]
)
def test_bad_json_is_400(signed_in: Any, member: User, body: str | bytes) -> None:
    response = post(signed_in(member), body)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid"


def test_cross_site_request_is_403(signed_in: Any, member: User) -> None:
    body = {"token": token_for(member), "events": pings(1)}
    response = post(signed_in(member), body, Sec_Fetch_Site="cross-site")
    assert response.status_code == 403
    response = post(signed_in(member), body, Origin="https://evil.example")
    assert response.status_code == 403
    assert not Event.objects.exists()


def test_same_origin_beacon_without_csrf_token_is_accepted(member: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    body = {"token": token_for(member), "events": pings(1, start_ms=0)}
    response = post(client, body, Origin="http://testserver", Sec_Fetch_Site="same-origin")
    assert response.status_code == 202
