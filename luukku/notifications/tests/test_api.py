import pytest
from django.test import Client

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.conftest import make_user
from luukku.core.models import Organisation
from luukku.core.testing.storage import assert_nothing_stored
from luukku.notifications import actions
from luukku.notifications.models import Notification, NotificationKind


@pytest.fixture
def pekka(db: None) -> User:
    return make_user("pekka@example.com", "Pekka Puupää")


@pytest.fixture
def notification(organisation: Organisation, pekka: User) -> Notification:
    actions.do_notify(
        recipients=[pekka],
        organisation=organisation,
        kind=NotificationKind.ANNOUNCEMENT,
        title="Week 2 starts",
        url="/programmes/1/",
    )
    return Notification.objects.get()


def test_unread_count(notification: Notification, pekka: User, signed_in: SignIn) -> None:
    response = signed_in(pekka).get("/api/v1/notifications/unread-count")
    assert response.json() == {"unread": 1}


def test_list(notification: Notification, pekka: User, signed_in: SignIn) -> None:
    response = signed_in(pekka).get("/api/v1/notifications/?unread=true")
    assert [item["title"] for item in response.json()] == ["Week 2 starts"]


def test_mark_read(notification: Notification, pekka: User, signed_in: SignIn) -> None:
    response = signed_in(pekka).post(f"/api/v1/notifications/{notification.pk}/read")
    assert response.status_code == 200
    assert response.json()["read_at"] is not None


def test_another_user_cannot_mark_read(notification: Notification, signed_in: SignIn) -> None:
    stranger = make_user("stranger@example.com")
    with assert_nothing_stored(Notification):
        response = signed_in(stranger).post(f"/api/v1/notifications/{notification.pk}/read")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_needs_sign_in(client: Client, db: None) -> None:
    response = client.get("/api/v1/notifications/unread-count")
    assert response.status_code == 401
