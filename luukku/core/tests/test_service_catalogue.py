"""The public service catalogue and its data; editing is tested in luukku/helpdesk."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from luukku.core.actions import do_save_schedule, do_save_service
from luukku.core.models import Organisation, ServiceKind

pytestmark = pytest.mark.django_db


def test_catalogue_lists_published_services_with_hours(
    client: Client, organisation: Organisation
) -> None:
    hours = do_save_schedule(
        organisation=organisation, name="Office", time_zone="Europe/Helsinki",
        periods=[(0, datetime.time(9), datetime.time(15, 30))],
    )  # fmt: skip
    do_save_service(
        organisation=organisation, kind=ServiceKind.HELPDESK, name="Ask us", url="/help/kaupunki/",
        audience="Students", schedule=hours,
    )  # fmt: skip
    do_save_service(
        organisation=organisation, kind=ServiceKind.CHAT, name="Hidden chat", url="/chat/",
        published=False,
    )  # fmt: skip
    page = client.get(reverse("core:service_catalogue", args=["kaupunki"])).content.decode()
    assert "Ask us" in page
    assert "Students" in page
    assert "09:00\u201315:30" in page
    assert "No sign-in needed" in page
    assert "Hidden chat" not in page


def test_unknown_organisation_is_404(client: Client, db: None) -> None:
    assert client.get(reverse("core:service_catalogue", args=["nobody"])).status_code == 404


def test_navigation_link_goes_to_the_only_catalogue(
    client: Client, organisation: Organisation
) -> None:
    do_save_service(organisation=organisation, kind=ServiceKind.OTHER, name="X", url="/x/")
    response = client.get(reverse("core:service_catalogues"))
    assert response["Location"] == reverse("core:service_catalogue", args=["kaupunki"])


@pytest.mark.parametrize("url", ["javascript:alert(1)", "http://insecure.example", "relative"])
def test_service_addresses_must_be_local_or_https(organisation: Organisation, url: str) -> None:
    with pytest.raises(ValidationError):
        do_save_service(organisation=organisation, kind=ServiceKind.OTHER, name="X", url=url)


def test_closing_must_follow_opening(organisation: Organisation) -> None:
    with pytest.raises(ValidationError):
        do_save_schedule(
            organisation=organisation, name="Bad", time_zone="Europe/Helsinki",
            periods=[(0, datetime.time(15), datetime.time(9))],
        )  # fmt: skip


def test_schedule_of_another_organisation_is_refused(
    organisation: Organisation, other_organisation: Organisation
) -> None:
    foreign = do_save_schedule(
        organisation=other_organisation, name="Theirs", time_zone="UTC", periods=[]
    )
    with pytest.raises(ValidationError):
        do_save_service(
            organisation=organisation, kind=ServiceKind.OTHER, name="X", url="/x/", schedule=foreign
        )
