"""Sections open on their date, in the programme's time zone; before it only coaches see them."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.programmes.models import Programme, Section
from luukku.programmes.tests.factories import make_page, make_page_file, make_section

pytestmark = pytest.mark.django_db

OPENS_ON = datetime.date(2025, 3, 10)
# 23:30 on 9 March and 00:30 on 10 March in Helsinki (UTC+2).
EVENING_BEFORE = datetime.datetime(2025, 3, 9, 21, 30, tzinfo=datetime.UTC)
JUST_AFTER_MIDNIGHT = datetime.datetime(2025, 3, 9, 22, 30, tzinfo=datetime.UTC)


@pytest.fixture
def later_section(programme: Programme) -> Section:
    return make_section(programme, title="Week two", opens_on=OPENS_ON)


def test_participant_gets_404_for_a_section_before_it_opens(
    programme: Programme, participant: User, later_section: Section, signed_in: SignIn
) -> None:
    client = signed_in(participant)
    with time_machine.travel(EVENING_BEFORE, tick=False):
        url = reverse("programmes:section", args=[programme.pk, later_section.pk])
        assert client.get(url).status_code == 404


def test_section_opens_at_midnight_in_the_programme_time_zone(
    programme: Programme, participant: User, later_section: Section, signed_in: SignIn
) -> None:
    client = signed_in(participant)
    with time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False):
        url = reverse("programmes:section", args=[programme.pk, later_section.pk])
        assert client.get(url).status_code == 200


def test_pages_and_files_of_an_unopened_section_are_404_for_participants(
    programme: Programme, participant: User, later_section: Section, signed_in: SignIn
) -> None:
    page = make_page(later_section, title="Hidden page")
    page_file = make_page_file(page)
    client = signed_in(participant)
    with time_machine.travel(EVENING_BEFORE, tick=False):
        assert (
            client.get(reverse("programmes:page", args=[programme.pk, page.pk])).status_code == 404
        )
        file_url = reverse("programmes:file", args=[programme.pk, page_file.pk])
        assert client.get(file_url).status_code == 404


def test_coach_can_open_an_unopened_section_and_sees_it_marked(
    programme: Programme, coach: User, later_section: Section, signed_in: SignIn
) -> None:
    with time_machine.travel(EVENING_BEFORE, tick=False):
        url = reverse("programmes:section", args=[programme.pk, later_section.pk])
        response = signed_in(coach).get(url)
    assert response.status_code == 200
    assert "Not open yet" in response.content.decode()


def test_plan_lists_only_opened_sections_for_participants(
    programme: Programme, participant: User, later_section: Section, signed_in: SignIn
) -> None:
    make_section(programme, title="Open from the start")
    client = signed_in(participant)
    with time_machine.travel(EVENING_BEFORE, tick=False):
        content = client.get(reverse("programmes:plan", args=[programme.pk])).content.decode()
    assert "Open from the start" in content
    assert "Week two" not in content


def test_plan_shows_coaches_every_section(
    programme: Programme, coach: User, later_section: Section, signed_in: SignIn
) -> None:
    with time_machine.travel(EVENING_BEFORE, tick=False):
        content = signed_in(coach).get(reverse("programmes:plan", args=[programme.pk])).content
    assert "Week two" in content.decode()


def test_coach_can_reorder_sections(programme: Programme, coach: User, signed_in: SignIn) -> None:
    first = make_section(programme, title="First")
    second = make_section(programme, title="Second")
    client = signed_in(coach)
    url = reverse("programmes:section_move", args=[programme.pk, second.pk])
    assert client.post(url, {"step": "up"}).status_code == 302
    titles = list(programme.sections.order_by("position").values_list("title", flat=True))
    assert titles == ["Second", "First"]
    assert first.pk != second.pk


def test_coach_creates_a_section_with_an_opening_date(
    programme: Programme, coach: User, signed_in: SignIn
) -> None:
    response = signed_in(coach).post(
        reverse("programmes:section_create", args=[programme.pk]),
        {"title": "Week three", "summary": "", "opens_on": "2025-03-17"},
    )
    assert response.status_code == 302
    assert programme.sections.get(title="Week three").opens_on == datetime.date(2025, 3, 17)
