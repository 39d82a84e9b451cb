"""Admin pages that may write do it through the actions, with the actions' rules."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from luukku.core.models import Organisation, Schedule, Service


@pytest.fixture
def installer(client: Client, db: None) -> Client:
    # core imports no other app, so the user model comes from settings.
    client.force_login(get_user_model().objects.create_superuser("root@example.com", "pw"))
    return client


def _form(organisation: Organisation, **changes: str) -> dict[str, str]:
    fields = {
        "name": organisation.name,
        "time_zone": organisation.time_zone,
        "brand_colour": organisation.brand_colour,
    }
    return fields | changes


def test_admin_change_of_an_organisation_keeps_its_slug_and_stores_the_new_name(
    installer: Client, organisation: Organisation
) -> None:
    url = f"/admin/core/organisation/{organisation.pk}/change/"
    response = installer.post(url, _form(organisation, name="Kaupunki 2", slug="hijacked"))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.name, organisation.slug) == ("Kaupunki 2", "kaupunki")


def test_admin_change_with_an_unknown_time_zone_is_refused_and_nothing_stored(
    installer: Client, organisation: Organisation
) -> None:
    url = f"/admin/core/organisation/{organisation.pk}/change/"
    response = installer.post(url, _form(organisation, name="Renamed", time_zone="Mars/Olympus"))
    assert response.status_code == 200  # the form again, with the error
    organisation.refresh_from_db()
    assert (organisation.name, organisation.time_zone) != ("Renamed", "Mars/Olympus")
    assert organisation.name == "Kaupunki"


def test_admin_creates_an_organisation_through_the_action(installer: Client) -> None:
    response = installer.post(
        "/admin/core/organisation/add/",
        {"name": "Yliopisto", "slug": "yliopisto", "time_zone": "Europe/Helsinki",
         "brand_colour": "#000000"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Organisation.objects.filter(slug="yliopisto", name="Yliopisto").exists()


def test_admin_cannot_delete_an_organisation(installer: Client, organisation: Organisation) -> None:
    url = f"/admin/core/organisation/{organisation.pk}/delete/"
    assert installer.post(url, {"post": "yes"}).status_code == 403
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_admin_cannot_change_a_catalogue_service(
    installer: Client, organisation: Organisation
) -> None:
    service = Service.objects.create(organisation=organisation, name="Chat", kind="chat")
    url = f"/admin/core/service/{service.pk}/change/"
    changed = installer.post(url, {"name": "Renamed", "organisation": organisation.pk})
    deleted = installer.post(f"/admin/core/service/{service.pk}/delete/", {"post": "yes"})
    assert (changed.status_code, deleted.status_code) == (403, 403)
    service.refresh_from_db()
    assert service.name == "Chat"


def _week(
    organisation: Organisation, *periods: tuple[str, str, str], **fields: str
) -> dict[str, str]:
    data = {"organisation": str(organisation.pk), "name": "Desk", "time_zone": "Europe/Helsinki"}
    data |= {"periods-TOTAL_FORMS": str(len(periods)), "periods-INITIAL_FORMS": "0"}
    for number, (weekday, opens, closes) in enumerate(periods):
        data |= {f"periods-{number}-weekday": weekday, f"periods-{number}-opens": opens,
                 f"periods-{number}-closes": closes}  # fmt: skip
    return data | fields


def test_admin_saves_a_split_day_through_the_schedule_action(
    installer: Client, organisation: Organisation
) -> None:
    data = _week(organisation, ("0", "09:00", "12:00"), ("0", "13:00", "16:00"))
    response = installer.post("/admin/core/schedule/add/", data)
    assert response.status_code == 302
    schedule = Schedule.objects.get(organisation=organisation, name="Desk")
    assert [(p.opens.hour, p.closes.hour) for p in schedule.periods.all()] == [(9, 12), (13, 16)]


def test_admin_refuses_a_period_that_closes_before_it_opens_and_stores_nothing(
    installer: Client, organisation: Organisation
) -> None:
    response = installer.post(
        "/admin/core/schedule/add/", _week(organisation, ("0", "16:00", "09:00"))
    )
    assert response.status_code == 200
    assert not Schedule.objects.filter(name="Desk").exists()
