"""Query budget of the notification list: the count does not grow with the notifications."""

import pytest
from django.urls import reverse

from luukku.accounts.testing import SignIn
from luukku.conftest import make_user
from luukku.core.models import Organisation
from luukku.core.testing.queries import assert_flat_queries
from luukku.notifications import actions
from luukku.notifications.models import NotificationKind

pytestmark = pytest.mark.django_db


def test_notification_list_queries_do_not_grow_with_notifications(
    organisation: Organisation, signed_in: SignIn
) -> None:
    pekka = make_user("pekka@example.com", "Pekka")

    def add(count: int) -> None:
        for number in range(count):
            actions.do_notify(
                recipients=[pekka], organisation=organisation, kind=NotificationKind.REPLY,
                title=f"Reply {number}", url="/programmes/",
            )  # fmt: skip

    assert_flat_queries(signed_in(pekka), reverse("notifications:list"), add, budget=8)
