import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.conftest import make_user
from luukku.core.models import Organisation
from luukku.core.testing.storage import assert_nothing_stored
from luukku.notifications import actions, queries
from luukku.notifications.models import Notification, NotificationKind, NotificationPreference


@pytest.fixture
def pekka(db: None) -> User:
    return make_user("pekka@example.com", "Pekka Puupää")


def notify(organisation: Organisation, user: User, url: str = "/programmes/") -> Notification:
    actions.do_notify(
        recipients=[user],
        organisation=organisation,
        kind=NotificationKind.REPLY,
        title="A reply to your discussion",
        url=url,
    )
    return Notification.objects.filter(recipient=user).latest("id")


def test_list_shows_newest_first(
    organisation: Organisation, pekka: User, signed_in: SignIn
) -> None:
    notify(organisation, pekka)
    Notification.objects.update(title="Older")
    notify(organisation, pekka)
    response = signed_in(pekka).get(reverse("notifications:list"))
    content = response.content.decode()
    assert response.status_code == 200
    assert content.index("A reply to your discussion") < content.index("Older")


def test_opening_marks_read_and_redirects(
    organisation: Organisation, pekka: User, signed_in: SignIn
) -> None:
    notification = notify(organisation, pekka, url="/programmes/7/")
    response = signed_in(pekka).post(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/programmes/7/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_opening_with_a_foreign_url_stays_on_site(
    organisation: Organisation, pekka: User, signed_in: SignIn
) -> None:
    notification = notify(organisation, pekka)
    # A row written around the action (e.g. by an old import) must not become an open redirect.
    Notification.objects.filter(pk=notification.pk).update(url="//evil.example/")
    response = signed_in(pekka).post(reverse("notifications:open", args=[notification.pk]))
    assert response["Location"] == reverse("notifications:list")


def test_opening_needs_post(organisation: Organisation, pekka: User, signed_in: SignIn) -> None:
    notification = notify(organisation, pekka)
    response = signed_in(pekka).get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 405


def test_another_user_cannot_mark_my_notification_read(
    organisation: Organisation, pekka: User, signed_in: SignIn
) -> None:
    notification = notify(organisation, pekka)
    stranger = make_user("stranger@example.com")
    with assert_nothing_stored(Notification):
        response = signed_in(stranger).post(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 404


def test_mark_all_read(organisation: Organisation, pekka: User, signed_in: SignIn) -> None:
    notify(organisation, pekka)
    notify(organisation, pekka)
    response = signed_in(pekka).post(reverse("notifications:mark_all_read"))
    assert response.status_code == 302
    assert queries.unread_count(pekka) == 0


def test_list_needs_sign_in(client: Client) -> None:
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302
    assert reverse("accounts:sign_in") in response["Location"]


def test_bell_shows_unread_count_with_accessible_name(
    organisation: Organisation, pekka: User, signed_in: SignIn
) -> None:
    for _ in range(3):
        notify(organisation, pekka)
    client = signed_in(pekka)
    client.cookies.load({"django_language": "en"})
    content = client.get(reverse("notifications:preferences")).content.decode()
    assert 'Notifications<span class="visually-hidden">, 3 unread</span>' in content
    assert '<span class="badge" aria-hidden="true">3</span>' in content


def test_bell_count_is_one_query(
    organisation: Organisation, pekka: User, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    from django.template import Context, Template

    notify(organisation, pekka)
    template = Template("{% load notifications_tags %}{% unread_notification_count %}")
    with django_assert_num_queries(1):
        assert template.render(Context({"user": pekka})) == "1"


def test_preferences_page_saves_choices(pekka: User, signed_in: SignIn) -> None:
    response = signed_in(pekka).post(
        reverse("notifications:preferences"),
        {"in_app_mention": "on", "by_email_new_thread": "on"},
    )
    assert response.status_code == 302
    mention = NotificationPreference.objects.get(user=pekka, kind=NotificationKind.MENTION)
    assert (mention.in_app, mention.by_email) == (True, False)
    new_thread = queries.preferences_of(pekka)[NotificationKind.NEW_THREAD]
    assert (new_thread.in_app, new_thread.by_email) == (False, True)


def test_preferences_page_labels_every_checkbox(pekka: User, signed_in: SignIn) -> None:
    client = signed_in(pekka)
    client.cookies.load({"django_language": "en"})
    content = client.get(reverse("notifications:preferences")).content.decode()
    assert '<label for="id_by_email_mention" class="visually-hidden">' in content
    assert '<th scope="row">Mentions of me</th>' in content
