"""Query budgets of core's lists: the count does not grow with the rows."""

import datetime
import itertools

import pytest
from django.core.mail import EmailMultiAlternatives
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from luukku.conftest import make_user
from luukku.core.actions import do_save_schedule, do_save_service
from luukku.core.models import Organisation, ServiceKind
from luukku.core.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db
numbers = itertools.count()


def test_mailbox_queries_do_not_grow_with_mails(client: Client, settings: Settings) -> None:
    settings.EMAIL_BACKEND = "luukku.core.mailbox.MailboxBackend"
    client.force_login(make_user("root@example.com", is_staff=True))

    def add(count: int) -> None:
        for _ in range(count):
            EmailMultiAlternatives(f"Link {next(numbers)}", "body", to=["a@example.com"]).send()

    assert_flat_queries(client, reverse("core:mailbox"), add, budget=6)


def test_service_catalogue_queries_do_not_grow_with_services(
    organisation: Organisation, client: Client
) -> None:
    def add(count: int) -> None:
        for _ in range(count):
            number = next(numbers)
            hours = do_save_schedule(
                organisation=organisation, name=f"Hours {number}", time_zone="Europe/Helsinki",
                periods=[(day, datetime.time(9), datetime.time(15)) for day in range(5)],
            )  # fmt: skip
            do_save_service(
                organisation=organisation, kind=ServiceKind.HELPDESK, name=f"Service {number}",
                url="/help/", schedule=hours,
            )  # fmt: skip

    url = reverse("core:service_catalogue", args=[organisation.slug])
    assert_flat_queries(client, url, add, budget=5)
