"""Admin pages that may write do it through the actions, with the actions' rules."""

import pytest
from django.test import Client

from luukku.accounts.models import User
from luukku.core.models import Organisation, Service


@pytest.fixture
def installer(client: Client, db: None) -> Client:
    client.force_login(User.objects.create_superuser("root@example.com", "pw"))
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
