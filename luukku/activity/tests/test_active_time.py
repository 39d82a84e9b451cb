"""Active time is idempotent per person and 15-second bucket, whatever arrives and when.

Hand-built logs sent through the real tracking endpoint and the real rollup (issue 13.1,
issue 12.6): a batch that arrives twice, and a flood of pings, count at most one ping per
person per 15-second bucket, in one sweep or across sweeps, and a rebuild agrees.
"""

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client

from luukku.accounts.models import User
from luukku.activity import queries
from luukku.activity.models import ACTIVE_PING_SECONDS, MemberDayRollup
from luukku.activity.rollups import rebuild_rollups, roll_up_new_events
from luukku.activity.tests.rollup_helpers import add_events
from luukku.activity.tokens import make_tracking_token
from luukku.conftest import make_user
from luukku.core.models import Organisation
from luukku.programmes.models import Programme
from luukku.programmes.tests.factories import make_programme

URL = "/api/v1/activity/batch"
NOW = datetime(2026, 3, 10, 10, 0, 7, tzinfo=UTC)  # 7 s into a 15-second bucket
NOW_MS = int(NOW.timestamp() * 1000)


@pytest.fixture
def programme(organisation: Organisation) -> Programme:
    return make_programme(organisation, time_zone="Europe/Helsinki")


@pytest.fixture
def member(db: None) -> User:
    return make_user("pinger@example.com", "Pia Pinger")


def _post(client: Client, programme: Programme, member: User, events: list[dict[str, Any]]) -> None:
    token = make_tracking_token(
        user_id=member.pk, programme_id=programme.pk, organisation_id=programme.organisation_id
    )
    body = json.dumps({"token": token, "sent": NOW_MS, "events": events})
    response = client.post(URL, data=body, content_type="text/plain;charset=UTF-8")
    assert response.status_code == 202


def _active_seconds(programme: Programme, member: User) -> int:
    rows = MemberDayRollup.objects.filter(programme_id=programme.pk, user_id=member.pk)
    return sum(rows.values_list("active_seconds", flat=True))


def _four_pings() -> list[dict[str, Any]]:
    return [
        {"kind": "active_ping", "target": "page:1", "at": NOW_MS - 60_000 + n * 15_000}
        for n in range(4)
    ]


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("sweep_between", [False, True], ids=["one sweep", "two sweeps"])
def test_a_batch_that_arrives_twice_counts_its_active_time_once(
    signed_in: Any, programme: Programme, member: User, sweep_between: bool
) -> None:
    client = signed_in(member)
    _post(client, programme, member, _four_pings())
    if sweep_between:
        roll_up_new_events()
    _post(client, programme, member, _four_pings())  # the browser's retry of the same batch
    roll_up_new_events()
    assert _active_seconds(programme, member) == 4 * ACTIVE_PING_SECONDS
    rebuild_rollups()
    assert _active_seconds(programme, member) == 4 * ACTIVE_PING_SECONDS


@time_machine.travel(NOW, tick=True)
def test_310_pings_in_under_two_seconds_count_at_most_two_buckets(
    signed_in: Any, programme: Programme, member: User
) -> None:
    client = signed_in(member)
    started = datetime.now(tz=UTC)
    for round_number in range(31):  # 31 batches of 10 pings stamped "now"
        _post(client, programme, member, [{"kind": "active_ping", "target": "page:1"}] * 10)
        if round_number % 10 == 9:
            roll_up_new_events()
    elapsed = datetime.now(tz=UTC) - started
    roll_up_new_events()
    buckets = int(elapsed.total_seconds() // ACTIVE_PING_SECONDS) + 2
    assert _active_seconds(programme, member) <= buckets * ACTIVE_PING_SECONDS
    assert _active_seconds(programme, member) >= ACTIVE_PING_SECONDS


def test_a_late_ping_in_a_counted_bucket_adds_nothing_but_one_in_a_new_bucket_does(
    programme: Programme,
) -> None:
    start = datetime(2026, 3, 10, 10, 0, 0, tzinfo=UTC)
    add_events(programme, 5, [start + timedelta(seconds=15 * n) for n in range(4)])
    roll_up_new_events()
    # Out of order and after the watermark's sweep: one in a counted bucket, one in a new one.
    add_events(programme, 5, [start + timedelta(seconds=16), start - timedelta(seconds=10)])
    roll_up_new_events()
    assert _active_seconds_of(programme, 5) == 5 * ACTIVE_PING_SECONDS
    # A ping in the watermark's own bucket, a second after it, in a later sweep.
    add_events(programme, 5, [start + timedelta(seconds=46)])
    roll_up_new_events()
    assert _active_seconds_of(programme, 5) == 5 * ACTIVE_PING_SECONDS
    rebuild_rollups()
    assert _active_seconds_of(programme, 5) == 5 * ACTIVE_PING_SECONDS


def test_a_persons_visits_count_each_bucket_once(programme: Programme) -> None:
    start = datetime(2026, 3, 10, 10, 0, 0, tzinfo=UTC)
    times = [start + timedelta(seconds=15 * n) for n in range(4)]
    add_events(programme, 6, times + times + [start + timedelta(seconds=1)])
    (visit,) = queries.visits_for(6, programme.pk)
    assert visit.active_seconds == 4 * ACTIVE_PING_SECONDS


def _active_seconds_of(programme: Programme, user_id: int) -> int:
    rows = MemberDayRollup.objects.filter(programme_id=programme.pk, user_id=user_id)
    return sum(rows.values_list("active_seconds", flat=True))
