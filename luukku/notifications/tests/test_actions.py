from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from luukku.accounts.models import User
from luukku.conftest import make_user
from luukku.core.models import Organisation, OutboxMessage
from luukku.core.outbox import MAX_SEND_ATTEMPTS
from luukku.core.outbox.worker import do_send_due
from luukku.notifications import actions, queries
from luukku.notifications.models import (
    Notification,
    NotificationKind,
)
from luukku.notifications.queries import Channels


@pytest.fixture
def maija(db: None) -> User:
    return make_user("maija@example.com", "Maija Meikäläinen")


@pytest.fixture
def pekka(db: None) -> User:
    return make_user("pekka@example.com", "Pekka Puupää")


def notify(organisation: Organisation, recipients: list[User], **fields: object) -> None:
    values: dict[str, object] = {
        "kind": NotificationKind.MENTION,
        "title": "Maija mentioned you",
        "url": "/programmes/1/",
    }
    values.update(fields)
    actions.do_notify(recipients=recipients, organisation=organisation, **values)  # type: ignore[arg-type]  # overrides of mixed types


def test_notify_creates_in_app_row_and_email_by_default(
    organisation: Organisation,
    pekka: User,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        notify(organisation, [pekka])
    assert queries.unread_count(pekka) == 1
    assert OutboxMessage.objects.get().status == "sent"
    assert mail.outbox[0].to == ["pekka@example.com"]


def test_new_thread_is_in_app_only_by_default(organisation: Organisation, pekka: User) -> None:
    notify(organisation, [pekka], kind=NotificationKind.NEW_THREAD)
    assert queries.unread_count(pekka) == 1
    assert not OutboxMessage.objects.exists()


def test_email_only_preference_sends_mail_without_in_app_notification(
    organisation: Organisation,
    pekka: User,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    actions.do_set_preferences(
        user=pekka, choices={NotificationKind.MENTION: Channels(in_app=False, by_email=True)}
    )
    with django_capture_on_commit_callbacks(execute=True):
        notify(organisation, [pekka])
    assert queries.unread_count(pekka) == 0
    assert not queries.notifications_for(pekka).exists()
    assert len(mail.outbox) == 1


def test_in_app_only_preference_sends_no_mail(organisation: Organisation, pekka: User) -> None:
    actions.do_set_preferences(
        user=pekka, choices={NotificationKind.MENTION: Channels(in_app=True, by_email=False)}
    )
    notify(organisation, [pekka])
    assert queries.unread_count(pekka) == 1
    assert not OutboxMessage.objects.exists()


def test_both_channels_off_creates_nothing(organisation: Organisation, pekka: User) -> None:
    actions.do_set_preferences(
        user=pekka, choices={NotificationKind.MENTION: Channels(in_app=False, by_email=False)}
    )
    notify(organisation, [pekka])
    assert not Notification.objects.exists()


def test_actor_is_not_notified(organisation: Organisation, maija: User, pekka: User) -> None:
    notify(organisation, [maija, pekka], actor=maija)
    assert list(Notification.objects.values_list("recipient", flat=True)) == [pekka.pk]


def test_foreign_url_is_not_stored(organisation: Organisation, pekka: User) -> None:
    notify(organisation, [pekka], url="https://evil.example/phish")
    assert Notification.objects.get().url == ""


def test_outbox_is_unique_per_notification_and_recipient(
    organisation: Organisation, pekka: User
) -> None:
    notify(organisation, [pekka])
    row = OutboxMessage.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        OutboxMessage.objects.create(
            kind=row.kind, key=row.key, recipient=row.recipient, source_app="x", source_id="1"
        )


def test_running_the_send_task_twice_sends_one_email(
    organisation: Organisation, pekka: User, settings: Settings
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    notify(organisation, [pekka])
    do_send_due()
    do_send_due()
    assert len(mail.outbox) == 1
    row = OutboxMessage.objects.get()
    assert row.status == "sent"
    assert row.attempts == 1


def test_email_is_written_in_the_recipients_language(
    organisation: Organisation, settings: Settings
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    english = make_user("english@example.com", "Emma", language="en")
    notify(organisation, [english])
    do_send_due()
    assert "Hello Emma," in mail.outbox[0].body
    assert "http://" in mail.outbox[0].body


class BrokenSmtpBackend(BaseEmailBackend):
    def send_messages(self, messages: object) -> int:
        import smtplib

        raise smtplib.SMTPServerDisconnected("connection lost")


def test_smtp_error_is_recorded_and_gives_up_after_max_attempts(
    organisation: Organisation, pekka: User, settings: Settings
) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.BrokenSmtpBackend"
    notify(organisation, [pekka])
    with time_machine.travel(timezone.now(), tick=False) as clock:
        do_send_due()
        row = OutboxMessage.objects.get()
        assert (row.status, row.attempts) == ("pending", 1)
        assert "connection lost" in row.last_error
        for _attempt in range(MAX_SEND_ATTEMPTS):
            clock.shift(timedelta(hours=2))  # past every back-off
            do_send_due()
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("failed", MAX_SEND_ATTEMPTS)


def test_mark_all_read_touches_only_my_notifications(
    organisation: Organisation, maija: User, pekka: User
) -> None:
    notify(organisation, [maija, pekka])
    assert actions.do_mark_all_read(user=pekka) == 1
    assert queries.unread_count(pekka) == 0
    assert queries.unread_count(maija) == 1
