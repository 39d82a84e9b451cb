"""Who may see what: other programmes, other organisations and coach pages are 404."""

import pytest
from django.test import Client
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.models import Organisation
from luukku.programmes.models import Programme
from luukku.programmes.tests.factories import (
    make_page,
    make_page_file,
    make_person,
    make_programme,
    make_section,
    make_task,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_programme(organisation: Organisation, coach: User) -> Programme:
    return make_programme(organisation, coach=coach, name="Other programme")


def _content_urls(programme: Programme) -> list[str]:
    section = make_section(programme)
    page = make_page(section)
    page_file = make_page_file(page)
    return [
        reverse("programmes:home", args=[programme.pk]),
        reverse("programmes:plan", args=[programme.pk]),
        reverse("programmes:members", args=[programme.pk]),
        reverse("programmes:section", args=[programme.pk, section.pk]),
        reverse("programmes:page", args=[programme.pk, page.pk]),
        reverse("programmes:file", args=[programme.pk, page_file.pk]),
    ]


def test_participant_of_one_programme_gets_404_in_another(
    participant: User, other_programme: Programme, signed_in: SignIn
) -> None:
    client = signed_in(participant)
    for url in _content_urls(other_programme):
        assert client.get(url).status_code == 404, url


def test_participant_gets_404_for_another_organisations_programme(
    participant: User, other_organisation: Organisation, signed_in: SignIn
) -> None:
    foreign_coach = make_person("foreign@example.com")
    foreign = make_programme(other_organisation, coach=foreign_coach)
    client = signed_in(participant)
    for url in _content_urls(foreign):
        assert client.get(url).status_code == 404, url


def test_page_of_another_programme_is_404_even_through_my_programme_url(
    programme: Programme, participant: User, other_programme: Programme, signed_in: SignIn
) -> None:
    page = make_page(make_section(other_programme))
    url = reverse("programmes:page", args=[programme.pk, page.pk])
    assert signed_in(participant).get(url).status_code == 404


def test_participant_cannot_reach_coach_pages(
    programme: Programme, participant: User, signed_in: SignIn
) -> None:
    section = make_section(programme)
    page = make_page(section)
    task = make_task(section)
    page_file = make_page_file(page)
    client = signed_in(participant)
    urls = [
        reverse("programmes:settings", args=[programme.pk]),
        reverse("programmes:save_template", args=[programme.pk]),
        reverse("programmes:invite", args=[programme.pk]),
        reverse("programmes:section_create", args=[programme.pk]),
        reverse("programmes:section_edit", args=[programme.pk, section.pk]),
        reverse("programmes:section_delete", args=[programme.pk, section.pk]),
        reverse("programmes:page_create", args=[programme.pk, section.pk]),
        reverse("programmes:page_edit", args=[programme.pk, page.pk]),
        reverse("programmes:page_delete", args=[programme.pk, page.pk]),
        reverse("programmes:task_create", args=[programme.pk, section.pk]),
        reverse("programmes:task_edit", args=[programme.pk, task.pk]),
        reverse("programmes:task_delete", args=[programme.pk, task.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"title": "Hacked", "name": "Hacked"}).status_code == 404, url
    post_only = [
        reverse("programmes:section_move", args=[programme.pk, section.pk]),
        reverse("programmes:page_move", args=[programme.pk, page.pk]),
        reverse("programmes:file_delete", args=[programme.pk, page_file.pk]),
    ]
    for url in post_only:
        assert client.post(url, {"step": "up"}).status_code == 404, url
    assert programme.sections.get().pages.get().files.count() == 1


def test_signed_out_visitors_are_sent_to_sign_in(programme: Programme, client: Client) -> None:
    response = client.get(reverse("programmes:home", args=[programme.pk]))
    assert response.status_code == 302
    assert reverse("accounts:sign_in") in response["Location"]


def test_organisation_admin_counts_as_coach(
    programme: Programme, org_admin: User, signed_in: SignIn
) -> None:
    response = signed_in(org_admin).get(reverse("programmes:settings", args=[programme.pk]))
    assert response.status_code == 200


def test_programme_list_shows_only_my_programmes(
    programme: Programme, participant: User, other_programme: Programme, signed_in: SignIn
) -> None:
    content = signed_in(participant).get(reverse("programmes:list")).content.decode()
    assert programme.name in content
    assert "Other programme" not in content
