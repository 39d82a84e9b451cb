"""Query budgets of the helpdesk's staff lists: the count does not grow with the rows."""

import datetime
import itertools

import pytest
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.actions import do_save_schedule, do_save_service
from luukku.core.models import Schedule, ServiceKind
from luukku.core.testing.queries import assert_flat_queries
from luukku.helpdesk.tests.conftest import Desk, submit

pytestmark = pytest.mark.django_db
numbers = itertools.count()


def add_schedule(desk: Desk) -> Schedule:
    return do_save_schedule(
        organisation=desk.organisation, name=f"Hours {next(numbers)}", time_zone="Europe/Helsinki",
        periods=[(day, datetime.time(9), datetime.time(15)) for day in range(5)],
    )  # fmt: skip


def test_inbox_queries_do_not_grow_with_requests(
    desk: Desk, staff_user: User, signed_in: SignIn
) -> None:
    def add(count: int) -> None:
        for _ in range(count):
            submit(desk, subject=f"Question {next(numbers)}")

    url = reverse("helpdesk:inbox", args=[desk.organisation.pk]) + "?filter=all"
    assert_flat_queries(signed_in(staff_user), url, add, budget=10)


def test_service_list_queries_do_not_grow_with_services(
    desk: Desk, org_admin: User, signed_in: SignIn
) -> None:
    def add(count: int) -> None:
        for _ in range(count):
            do_save_service(
                organisation=desk.organisation, kind=ServiceKind.HELPDESK,
                name=f"Service {next(numbers)}", url="/help/", schedule=add_schedule(desk),
            )  # fmt: skip

    url = reverse("helpdesk:services", args=[desk.organisation.pk])
    assert_flat_queries(signed_in(org_admin), url, add, budget=9)


def test_opening_hours_list_queries_do_not_grow_with_schedules(
    desk: Desk, org_admin: User, signed_in: SignIn
) -> None:
    def add(count: int) -> None:
        for _ in range(count):
            add_schedule(desk)

    url = reverse("helpdesk:hours", args=[desk.organisation.pk])
    assert_flat_queries(signed_in(org_admin), url, add, budget=10)
