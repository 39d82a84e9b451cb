"""Every coach page renders, and list pages keep a fixed number of queries."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.testing.images import image_bytes
from luukku.programmes.models import Page, Programme, ProgrammeMembership, Section, Task
from luukku.programmes.tests.factories import (
    make_page,
    make_page_file,
    make_section,
    make_task,
)

pytestmark = pytest.mark.django_db

PNG_BYTES = image_bytes("PNG")


def test_every_coach_page_renders(
    programme: Programme, coach: User, participant: User, signed_in: SignIn
) -> None:
    section = make_section(programme)
    page = make_page(section)
    make_page_file(page)
    task = make_task(section, due_on=datetime.date(2025, 3, 9))
    membership = ProgrammeMembership.objects.get(user=participant)
    client = signed_in(coach)
    urls = [
        reverse("programmes:list"),
        reverse("programmes:home", args=[programme.pk]),
        reverse("programmes:plan", args=[programme.pk]),
        reverse("programmes:members", args=[programme.pk]),
        reverse("programmes:invite", args=[programme.pk]),
        reverse("programmes:settings", args=[programme.pk]),
        reverse("programmes:save_template", args=[programme.pk]),
        reverse("programmes:section", args=[programme.pk, section.pk]),
        reverse("programmes:section_create", args=[programme.pk]),
        reverse("programmes:section_edit", args=[programme.pk, section.pk]),
        reverse("programmes:section_delete", args=[programme.pk, section.pk]),
        reverse("programmes:page", args=[programme.pk, page.pk]),
        reverse("programmes:page_create", args=[programme.pk, section.pk]),
        reverse("programmes:page_edit", args=[programme.pk, page.pk]),
        reverse("programmes:page_delete", args=[programme.pk, page.pk]),
        reverse("programmes:task_create", args=[programme.pk, section.pk]),
        reverse("programmes:task_edit", args=[programme.pk, task.pk]),
        reverse("programmes:task_delete", args=[programme.pk, task.pk]),
        reverse("programmes:member_remove", args=[programme.pk, membership.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.content.decode().count("<h1") == 1, url


def test_coach_uploads_a_cover_image_members_can_see(
    programme: Programme, coach: User, participant: User, signed_in: SignIn
) -> None:
    response = signed_in(coach).post(
        reverse("programmes:settings", args=[programme.pk]),
        {
            "name": "Renamed",
            "description": "",
            "starts_on": programme.starts_on.isoformat(),
            "ends_on": programme.ends_on.isoformat(),
            "plan_unit": "month",
            "time_zone": "Europe/Stockholm",
            "cover_image": SimpleUploadedFile("cover.png", PNG_BYTES),
        },
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.name == "Renamed"
    assert programme.time_zone == "Europe/Stockholm"
    cover = signed_in(participant).get(reverse("programmes:cover", args=[programme.pk]))
    assert cover.status_code == 200
    assert cover["Content-Type"] == "image/png"


def test_plan_query_count_does_not_grow_with_sections(
    programme: Programme,
    participant: User,
    signed_in: SignIn,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    client = signed_in(participant)
    url = reverse("programmes:plan", args=[programme.pk])
    for number in range(8):
        section = make_section(programme, title=f"Week {number}")
        make_page(section)
        make_task(section)
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200


def test_deleting_asks_first_then_removes_section_page_and_task(
    programme: Programme, coach: User, signed_in: SignIn
) -> None:
    section = make_section(programme)
    page = make_page(section)
    task = make_task(section)
    client = signed_in(coach)
    section_url = reverse("programmes:section", args=[programme.pk, section.pk])

    task_delete = reverse("programmes:task_delete", args=[programme.pk, task.pk])
    assert client.get(task_delete).status_code == 200
    assert Task.objects.filter(pk=task.pk).exists()
    response = client.post(task_delete)
    assert response["Location"] == section_url
    assert not Task.objects.filter(pk=task.pk).exists()

    response = client.post(reverse("programmes:page_delete", args=[programme.pk, page.pk]))
    assert response["Location"] == section_url
    assert not Page.objects.filter(pk=page.pk).exists()

    response = client.post(reverse("programmes:section_delete", args=[programme.pk, section.pk]))
    assert response["Location"] == reverse("programmes:plan", args=[programme.pk])
    assert not Section.objects.filter(pk=section.pk).exists()
