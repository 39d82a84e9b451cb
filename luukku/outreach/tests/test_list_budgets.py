"""Query budgets of outreach's list pages: the count does not grow with the rows."""

import pytest
from django.urls import reverse

from luukku.accounts.testing import SignIn
from luukku.core.testing.queries import assert_flat_queries
from luukku.outreach import actions
from luukku.outreach.models import Automation, Channel
from luukku.outreach.tests.conftest import Cast, draft

pytestmark = pytest.mark.django_db


def test_message_list_queries_do_not_grow_with_messages(cast: Cast, signed_in: SignIn) -> None:
    def add(count: int) -> None:
        for number in range(count):
            actions.do_queue_message(
                programme=cast.programme,
                author=cast.coach,
                draft=draft(subject=f"News {number}", ignore_frequency_cap=True),
            )

    url = reverse("outreach:messages", args=[cast.programme.pk])
    assert_flat_queries(signed_in(cast.coach), url, add, budget=18)


def test_automation_list_queries_do_not_grow_with_automations(
    cast: Cast, signed_in: SignIn
) -> None:
    def add(count: int) -> None:
        for number in range(count):
            actions.do_create_automation(
                programme=cast.programme, author=cast.coach, name=f"Passive {number}",
                trigger=Automation.Trigger.PASSIVE, days=7, subject="Hi {{ first_name }}",
                body="{{ continue_link }}", channel=Channel.EMAIL, holdout_percent=0,
            )  # fmt: skip

    url = reverse("outreach:automations", args=[cast.programme.pk])
    assert_flat_queries(signed_in(cast.coach), url, add, budget=15)
