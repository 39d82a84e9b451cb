"""Organisation admins edit the service catalogue; staff and outsiders cannot."""

import pytest
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.models import Organisation, Service

pytestmark = pytest.mark.django_db


def data(**overrides: str) -> dict[str, str]:
    values = {"name": "Ask us", "kind": "helpdesk", "url": "/help/kaupunki/", "position": "0",
              "published": "on", "audience": "Students"}  # fmt: skip
    values.update(overrides)
    return values


def test_admin_adds_edits_and_removes_a_service(
    signed_in: SignIn, organisation: Organisation, org_admin: User
) -> None:
    client = signed_in(org_admin)
    response = client.post(reverse("helpdesk:service_new", args=[organisation.pk]), data())
    assert response.status_code == 302
    service = Service.objects.get()
    client.post(
        reverse("helpdesk:service_edit", args=[organisation.pk, service.pk]), data(name="Helpdesk")
    )
    service.refresh_from_db()
    assert service.name == "Helpdesk"
    client.post(reverse("helpdesk:service_delete", args=[organisation.pk, service.pk]))
    assert not Service.objects.exists()


def test_bad_address_is_400_with_a_message(
    signed_in: SignIn, organisation: Organisation, org_admin: User
) -> None:
    response = signed_in(org_admin).post(
        reverse("helpdesk:service_new", args=[organisation.pk]), data(url="javascript:alert(1)")
    )
    assert response.status_code == 400
    assert "https address" in response.content.decode()
    assert not Service.objects.exists()


def test_staff_and_other_organisations_cannot_edit(
    signed_in: SignIn, organisation: Organisation, staff_user: User, other_staff: User
) -> None:
    for user in (staff_user, other_staff):
        client = signed_in(user)
        assert client.get(reverse("helpdesk:services", args=[organisation.pk])).status_code == 404
        response = client.post(reverse("helpdesk:service_new", args=[organisation.pk]), data())
        assert response.status_code == 404
    assert not Service.objects.exists()
