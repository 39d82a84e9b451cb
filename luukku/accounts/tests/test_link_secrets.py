"""Link secrets stay out of the outbox, the task table and the database; one e-mail each."""

import pytest
from django.test import override_settings
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from luukku.accounts import actions
from luukku.accounts.models import LinkPurpose, SignInLink, User
from luukku.accounts.outbox import SIGN_IN
from luukku.conftest import make_user
from luukku.core.models import OutboxMessage
from luukku.core.outbox.worker import do_send_due
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


def test_neither_the_outbox_row_nor_the_task_queue_holds_the_secret(
    person: User,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    smtp_server: MailCatcher,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_request_sign_in_link(email=person.email)
    [mail] = smtp_server.to(person.email)
    raw_token = mail.text().split("/accounts/link/")[1].split("/")[0]
    assert len(raw_token) > 20
    row = OutboxMessage.objects.filter(kind=SIGN_IN).values().get()
    assert raw_token not in repr(row)
    assert row["params"] == {}


def test_a_doubled_worker_mails_the_link_once(person: User, smtp_server: MailCatcher) -> None:
    actions.do_request_sign_in_link(email=person.email)
    do_send_due()
    do_send_due()
    assert len(smtp_server.to(person.email)) == 1
    assert SignInLink.objects.get(user=person).emailed_at is not None


def test_a_refused_link_is_given_up_with_the_server_s_answer(
    person: User, smtp_server: MailCatcher
) -> None:
    actions.do_request_sign_in_link(email=person.email)
    smtp_server.refuse.add(person.email)
    assert do_send_due().failed == 1  # a 5xx is permanent
    assert "550" in OutboxMessage.objects.get(kind=SIGN_IN).last_error


def test_a_link_used_before_its_e_mail_left_is_not_mailed(
    person: User, smtp_server: MailCatcher
) -> None:
    actions.do_request_sign_in_link(email=person.email)
    SignInLink.objects.filter(user=person).update(used_at=timezone.now())
    assert do_send_due().skipped == 1
    assert smtp_server.to(person.email) == []
