"""Organisation admins edit opening hours; the targets follow them."""

import datetime

import pytest
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.models import Organisation, Schedule

pytestmark = pytest.mark.django_db


def week(**overrides: str) -> dict[str, str]:
    data = {"name": "Office", "time_zone": "Europe/Stockholm"}
    for day in range(5):
        data[f"opens_{day}"], data[f"closes_{day}"] = "09:00", "15:30"
    data.update(overrides)
    return data


def test_admin_adds_and_edits_a_week(
    signed_in: SignIn, organisation: Organisation, org_admin: User
) -> None:
    client = signed_in(org_admin)
    response = client.post(reverse("helpdesk:hours_new", args=[organisation.pk]), week())
    assert response.status_code == 302
    schedule = Schedule.objects.get()
    assert (schedule.time_zone, schedule.periods.count()) == ("Europe/Stockholm", 5)
    url = reverse("helpdesk:hours_edit", args=[organisation.pk, schedule.pk])
    client.post(url, week(opens_4="", closes_4="", opens_5="10:00", closes_5="12:00"))
    days = sorted(schedule.periods.values_list("weekday", flat=True))
    assert days == [0, 1, 2, 3, 5]
    page = client.get(reverse("helpdesk:hours", args=[organisation.pk])).content.decode()
    assert "Saturday 10:00" in page


@pytest.mark.parametrize(
    "bad", [{"closes_0": ""}, {"opens_0": "16:00"}, {"time_zone": "Mars/Olympus"}]
)
def test_bad_hours_are_400_and_nothing_changes(
    signed_in: SignIn, organisation: Organisation, org_admin: User, bad: dict[str, str]
) -> None:
    response = signed_in(org_admin).post(
        reverse("helpdesk:hours_new", args=[organisation.pk]), week(**bad)
    )
    assert response.status_code == 400
    assert not Schedule.objects.exists()


def test_staff_and_outsiders_cannot_edit_hours(
    signed_in: SignIn, organisation: Organisation, staff_user: User, other_staff: User
) -> None:
    from luukku.core.actions import do_save_schedule

    schedule = do_save_schedule(
        organisation=organisation, name="Office", time_zone="UTC",
        periods=[(0, datetime.time(9), datetime.time(10))],
    )  # fmt: skip
    for user in (staff_user, other_staff):
        client = signed_in(user)
        url = reverse("helpdesk:hours_edit", args=[organisation.pk, schedule.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, week()).status_code == 404
    assert schedule.periods.count() == 1
