"""Link secrets stay out of the task table and the database, and each link is mailed once."""

import smtplib

import pytest
from django.test import override_settings
from pytest_django import DjangoCaptureOnCommitCallbacks

from luukku.accounts import actions, tasks
from luukku.accounts.models import LinkPurpose, SignInLink, User
from luukku.conftest import make_user
from luukku.core.testing.smtp import MailCatcher
from luukku.core.tokens import hash_token


@pytest.fixture
def person(db: None) -> User:
    return make_user("maija@example.com", "Maija Meikäläinen")


def _new_link(person: User) -> tuple[SignInLink, str]:
    return actions._create_link(person, LinkPurpose.SIGN_IN, "", 15)


def test_the_stored_row_does_not_hold_the_secret(person: User) -> None:
    link, raw_token = _new_link(person)
    stored = SignInLink.objects.filter(pk=link.pk).values().get()
    assert raw_token not in {str(value) for value in stored.values()}
    assert stored["token_hash"] == hash_token(raw_token)


def test_the_secret_needs_the_secret_key(person: User) -> None:
    link, raw_token = _new_link(person)
    with override_settings(SECRET_KEY="a-different-installation-key-" + "x" * 40):
        assert actions.link_secret(link.nonce) != raw_token
    assert actions.link_secret(link.nonce) == raw_token


class RecordingTask:
    """Stands in for the task in the actions module: records what would be enqueued."""

    def __init__(self) -> None:
        self.enqueued: list[dict[str, object]] = []

    def enqueue(self, **kwargs: object) -> None:
        self.enqueued.append(kwargs)


def test_the_task_is_given_the_link_id_and_not_the_secret(
    person: User,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recording = RecordingTask()
    monkeypatch.setattr(tasks, "send_sign_in_link", recording)
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_request_sign_in_link(email=person.email)
    link = SignInLink.objects.get(user=person)
    assert recording.enqueued == [{"link_id": link.pk}]


def test_a_doubled_worker_mails_the_link_once(person: User, smtp_server: MailCatcher) -> None:
    link, _raw_token = _new_link(person)
    tasks.send_sign_in_link.call(link_id=link.pk)
    tasks.send_sign_in_link.call(link_id=link.pk)
    assert len(smtp_server.to(person.email)) == 1


def test_a_failed_send_can_be_retried(person: User, smtp_server: MailCatcher) -> None:
    link, raw_token = _new_link(person)
    smtp_server.refuse.add(person.email)
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        tasks.send_sign_in_link.call(link_id=link.pk)
    smtp_server.refuse.clear()
    tasks.send_sign_in_link.call(link_id=link.pk)
    [mail] = smtp_server.to(person.email)
    assert raw_token in mail.text()
