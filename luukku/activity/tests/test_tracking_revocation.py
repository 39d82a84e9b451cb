"""Removing a member ends their tracking token at once, not when it expires 12 hours later."""

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client

from luukku.activity.models import Event
from luukku.activity.tokens import make_tracking_token
from luukku.conftest import make_user
from luukku.programmes.actions.members import do_remove_member
from luukku.programmes.models import ProgrammeMembership
from luukku.programmes.tests.factories import add_member, make_programme

URL = "/api/v1/activity/batch"
NOW = datetime(2025, 5, 12, 10, 0, tzinfo=UTC)


def ping_batch(token: str, at: datetime) -> str:
    at_ms = int(at.timestamp() * 1000)
    events = [{"kind": "active_ping", "target": "page:1", "at": at_ms - 1000}]
    return json.dumps({"token": token, "sent": at_ms, "events": events})


def post(client: Client, token: str, at: datetime) -> Any:
    return client.post(URL, data=ping_batch(token, at), content_type="text/plain;charset=UTF-8")


@pytest.fixture
def setting(organisation: Any) -> tuple[Any, Any, Any]:
    coach = make_user("coach@example.com", "Coach")
    member = make_user("member@example.com", "Maija Member")
    programme = make_programme(organisation, coach=coach, participants=[member])
    return programme, coach, member


def token_of(member: Any, programme: Any) -> str:
    return make_tracking_token(
        user_id=member.pk, programme_id=programme.pk, organisation_id=programme.organisation_id
    )


def test_a_removed_members_token_stops_working_at_once(setting: Any, signed_in: Any) -> None:
    programme, _coach, member = setting
    client = signed_in(member)
    with time_machine.travel(NOW, tick=False):
        token = token_of(member, programme)
        assert post(client, token, NOW).status_code == 202
    with time_machine.travel(NOW + timedelta(minutes=5), tick=False):
        do_remove_member(membership=ProgrammeMembership.objects.get(user=member))
    later = NOW + timedelta(minutes=10)
    with time_machine.travel(later, tick=False):
        response = post(client, token, later)
    assert response.status_code == 403
    assert Event.objects.filter(user_id=member.pk).count() == 1


def test_a_member_added_again_gets_a_working_token(setting: Any, signed_in: Any) -> None:
    programme, _coach, member = setting
    client = signed_in(member)
    with time_machine.travel(NOW, tick=False):
        old = token_of(member, programme)
        do_remove_member(membership=ProgrammeMembership.objects.get(user=member))
    again = NOW + timedelta(minutes=1)
    with time_machine.travel(again, tick=False):
        add_member(programme, member)
        new = token_of(member, programme)
        assert post(client, new, again).status_code == 202
        assert post(client, old, again).status_code == 403


def test_removal_in_one_programme_leaves_the_other_counting(
    setting: Any, signed_in: Any, organisation: Any
) -> None:
    programme, coach, member = setting
    other = make_programme(organisation, coach=coach, participants=[member], name="Autumn")
    client = signed_in(member)
    with time_machine.travel(NOW, tick=False):
        token = token_of(member, other)
        do_remove_member(
            membership=ProgrammeMembership.objects.get(user=member, programme=programme)
        )
        assert post(client, token, NOW).status_code == 202
