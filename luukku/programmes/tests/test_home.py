"""The programme home: what is new since the last visit, deadlines, and recorded views."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.activity.actions import record_event
from luukku.activity.models import Event, EventKind
from luukku.core.models import Organisation
from luukku.programmes import actions
from luukku.programmes.models import Programme, ProgrammeMembership
from luukku.programmes.tests.factories import (
    make_page,
    make_page_file,
    make_person,
    make_section,
    make_task,
)

pytestmark = pytest.mark.django_db

MONDAY = datetime.datetime(2025, 3, 3, 9, 0, tzinfo=datetime.UTC)


def _news_section(html: str) -> str:
    start = html.index('id="new-title"')
    return html[start : html.index('id="deadlines-title"')]


def _visit(programme: Programme, user: User, at: datetime.datetime) -> None:
    record_event(
        organisation_id=programme.organisation_id,
        programme_id=programme.pk,
        user_id=user.pk,
        kind=EventKind.PAGE_VIEW,
        target="home",
        occurred_at=at,
    )


def test_home_lists_pages_added_and_updated_since_the_last_visit(
    programme: Programme, participant: User, signed_in: SignIn
) -> None:
    section = make_section(programme)
    with time_machine.travel(MONDAY, tick=False):
        old = make_page(section, title="Old page")
        changed = make_page(section, title="Changed page")
    _visit(programme, participant, MONDAY + datetime.timedelta(hours=1))
    with time_machine.travel(MONDAY + datetime.timedelta(days=1), tick=False):
        make_page(section, title="Brand new page")
        actions.do_update_page(page=changed, title="Changed page", body="More", video_url="")
    with time_machine.travel(MONDAY + datetime.timedelta(days=2), tick=False):
        response = signed_in(participant).get(reverse("programmes:home", args=[programme.pk]))
    news = _news_section(response.content.decode())
    assert "Brand new page" in news
    assert "Updated page:" in news
    assert "Changed page" in news
    assert old.title not in news


def test_home_lists_sections_opened_since_the_last_visit(
    programme: Programme, participant: User, signed_in: SignIn
) -> None:
    make_section(programme, title="Week two", opens_on=datetime.date(2025, 3, 10))
    _visit(programme, participant, MONDAY)
    with time_machine.travel(MONDAY + datetime.timedelta(days=8), tick=False):
        response = signed_in(participant).get(reverse("programmes:home", args=[programme.pk]))
    assert "Section opened:" in _news_section(response.content.decode())


def test_first_visit_counts_news_from_joining(
    programme: Programme,
    organisation: Organisation,
    signed_in: SignIn,
) -> None:
    section = make_section(programme)
    with time_machine.travel(MONDAY, tick=False):
        make_page(section, title="Before joining")
        newcomer = make_person("new@example.com")
        ProgrammeMembership.objects.create(programme=programme, user=newcomer, role="participant")
    with time_machine.travel(MONDAY + datetime.timedelta(days=1), tick=False):
        make_page(section, title="After joining")
        response = signed_in(newcomer).get(reverse("programmes:home", args=[programme.pk]))
    news = _news_section(response.content.decode())
    assert "After joining" in news
    assert "Before joining" not in news


def test_home_shows_upcoming_deadlines(
    programme: Programme, participant: User, signed_in: SignIn
) -> None:
    section = make_section(programme)
    make_task(section, title="Past task", due_on=programme.today() - datetime.timedelta(days=1))
    make_task(section, title="Next task", due_on=programme.today() + datetime.timedelta(days=2))
    html = signed_in(participant).get(reverse("programmes:home", args=[programme.pk])).content
    deadlines = html.decode().split('id="deadlines-title"')[1].split('id="plan-title"')[0]
    assert "Next task" in deadlines
    assert "Past task" not in deadlines


def test_views_are_recorded_as_events(
    programme: Programme, participant: User, signed_in: SignIn
) -> None:
    page = make_page(make_section(programme))
    page_file = make_page_file(page)
    client = signed_in(participant)
    client.get(reverse("programmes:home", args=[programme.pk]))
    client.get(reverse("programmes:section", args=[programme.pk, page.section_id]))
    client.get(reverse("programmes:page", args=[programme.pk, page.pk]))
    client.get(reverse("programmes:file", args=[programme.pk, page_file.pk]))
    events = Event.objects.filter(user_id=participant.pk, programme_id=programme.pk)
    assert sorted(events.values_list("kind", "target")) == sorted(
        [
            (EventKind.PAGE_VIEW, "home"),
            (EventKind.PAGE_VIEW, f"section:{page.section_id}"),
            (EventKind.PAGE_VIEW, f"page:{page.pk}"),
            (EventKind.FILE_OPEN, f"file:{page_file.pk}"),
        ]
    )


def test_observer_views_are_not_recorded(programme: Programme, signed_in: SignIn) -> None:
    observer = make_person("observer@example.com")
    ProgrammeMembership.objects.create(programme=programme, user=observer, role="observer")
    response = signed_in(observer).get(reverse("programmes:home", args=[programme.pk]))
    assert response.status_code == 200
    assert not Event.objects.filter(user_id=observer.pk).exists()
