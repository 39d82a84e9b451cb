import datetime
import zoneinfo
from typing import Any

import pytest
from django.template import defaultfilters
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from luukku.accounts.models import User
from luukku.activity.actions import record_event
from luukku.activity.models import EventKind
from luukku.conftest import make_user
from luukku.core.middleware import SESSION_TIME_ZONE_KEY
from luukku.core.models import Organisation
from luukku.programmes.actions import do_create_programme
from luukku.programmes.models import Programme

AT = datetime.datetime(2025, 5, 12, 12, 0, tzinfo=datetime.UTC)
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def programme_of(user: User, organisation: Organisation, name: str) -> Programme:
    return do_create_programme(
        organisation=organisation, creator=user, name=name, starts_on=datetime.date(2025, 5, 1)
    )


def record(user: User, programme: Programme, kind: EventKind, minutes: int, target: str) -> None:
    record_event(
        organisation_id=programme.organisation_id,
        programme_id=programme.pk,
        user_id=user.pk,
        kind=kind,
        target=target,
        occurred_at=AT + datetime.timedelta(minutes=minutes),
    )


@pytest.fixture
def person(organisation: Organisation) -> User:
    user = make_user("person@example.com", "Pirjo Person")
    programme = programme_of(user, organisation, "Spring coaching")
    record(user, programme, EventKind.PAGE_VIEW, 0, "page:mine")
    record(user, programme, EventKind.ACTIVE_PING, 1, "page:mine")
    record(user, programme, EventKind.ACTIVE_PING, 2, "page:mine")
    return user


@pytest.fixture
def stranger(other_organisation: Organisation) -> User:
    user = make_user("stranger@example.com", "Sakari Stranger")
    programme = programme_of(user, other_organisation, "Secret programme")
    record(user, programme, EventKind.FILE_OPEN, 0, "file:theirs")
    return user


def test_anonymous_visitor_is_sent_to_sign_in(client: Client) -> None:
    response = client.get(reverse("privacy:my_data"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))
    assert client.get(reverse("privacy:export")).status_code == 302


def test_page_shows_the_persons_profile_memberships_and_activity(
    signed_in: Any, person: User, stranger: User
) -> None:
    response = signed_in(person).get(reverse("privacy:my_data"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "person@example.com" in html
    assert "Spring coaching" in html
    assert "page:mine" in html
    assert response.context["event_counts"][0]["count"] == 2  # active pings
    assert response.context["visits"][0]["visit_count"] == 1
    assert response.context["visits"][0]["active_seconds"] == 30


def test_page_never_shows_anyone_elses_data(signed_in: Any, person: User, stranger: User) -> None:
    html = signed_in(person).get(reverse("privacy:my_data")).content.decode()
    for secret in ("stranger@example.com", "Secret programme", "file:theirs"):
        assert secret not in html


def test_event_times_are_shown_in_the_viewers_zone(signed_in: Any, person: User) -> None:
    client = signed_in(person)
    session = client.session
    session[SESSION_TIME_ZONE_KEY] = "America/New_York"
    session.save()
    response = client.get(reverse("privacy:my_data"), headers={"Accept-Language": "en"})
    with translation.override("en"):
        expected = defaultfilters.date(timezone.localtime(AT, NEW_YORK), "DATETIME_FORMAT")
    assert expected in response.content.decode()
    assert "America/New_York" in response.content.decode()


def test_org_role_is_listed(signed_in: Any, org_admin: User) -> None:
    response = signed_in(org_admin).get(reverse("privacy:my_data"))
    assert response.context["organisation_roles"][0]["organisation"] == "Kaupunki"
    assert response.context["programme_memberships"] == []


def test_export_is_a_json_download_of_the_persons_own_data(
    signed_in: Any, person: User, stranger: User
) -> None:
    response = signed_in(person).get(reverse("privacy:export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = response.json()
    assert data["profile"]["email"] == "person@example.com"
    assert [m["programme"] for m in data["programme_memberships"]] == ["Spring coaching"]
    assert {event["target"] for event in data["events"]} == {"page:mine"}
    assert data["visits"][0]["visits"][0]["active_seconds"] == 30
    assert data["recent_events"][0]["occurred_at"] == "2025-05-12T12:02:00Z"
    assert "stranger@example.com" not in response.content.decode()


def test_api_gives_the_same_data_to_its_owner_only(
    client: Client, signed_in: Any, person: User
) -> None:
    assert client.get("/api/v1/privacy/my-data").status_code == 401
    data = signed_in(person).get("/api/v1/privacy/my-data").json()
    assert data["profile"]["email"] == "person@example.com"
