"""The outbox engine itself, with builders registered by the tests (no other app needed)."""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.utils import timezone

from luukku.core.models import OutboxMessage
from luukku.core.outbox import actions, registry
from luukku.core.outbox.registry import Outgoing, Rows, Skip, register_builder
from luukku.core.outbox.worker import do_send_due


@pytest.fixture(autouse=True)
def _test_kinds() -> Iterator[None]:
    def build(rows: Rows) -> list[Outgoing | Skip]:
        if any(row.params.get("explode") for row in rows):
            raise RuntimeError("builder bug")
        return [
            Skip("gone") if row.params.get("gone") else
            Outgoing(EmailMessage(subject=f"No. {row.source_id}", body="b", to=[row.recipient]))
            for row in rows
        ]  # fmt: skip

    for kind in ("test.kind", "test.other"):
        register_builder(kind, build=build)
    yield
    for kind in ("test.kind", "test.other"):
        registry._registry.pop(kind, None)


def enqueue(number: int, kind: str = "test.kind", **params: object) -> int:
    return actions.do_enqueue_message(
        kind=kind, key=f"test:{number}", recipient=f"r{number}@example.com",
        source_app="test", source_id=number, params=dict(params),
    )  # fmt: skip


def test_enqueueing_the_same_key_twice_makes_one_row(db: None) -> None:
    assert enqueue(1) == enqueue(1)
    assert OutboxMessage.objects.count() == 1


def test_a_row_is_sent_once_and_its_subject_kept(db: None) -> None:
    row_id = enqueue(1)
    assert do_send_due().sent == 1
    assert do_send_due().handled == 0
    assert [m.to for m in mail.outbox] == [["r1@example.com"]]
    assert OutboxMessage.objects.get(pk=row_id).subject == "No. 1"


def test_a_builder_can_say_there_is_nothing_to_send(db: None) -> None:
    row_id = enqueue(1, gone=True)
    assert do_send_due().skipped == 1
    row = OutboxMessage.objects.get(pk=row_id)
    assert (row.status, row.last_error) == ("skipped", "gone")
    assert mail.outbox == []


def test_a_failing_builder_is_retried_later_and_the_error_kept(db: None) -> None:
    row_id = enqueue(1, explode=True)
    enqueue(2, kind="test.other")
    report = do_send_due()
    assert (report.retried, report.sent) == (1, 1)  # the other kind still went
    row = OutboxMessage.objects.get(pk=row_id)
    assert row.status == "pending"
    assert "builder bug" in row.last_error
    assert row.next_attempt_at > timezone.now() + timedelta(seconds=30)


def test_a_row_of_an_unknown_kind_waits_with_the_reason(db: None) -> None:
    row_id = actions.do_enqueue_message(
        kind="nobody.knows", key="x", recipient="a@example.com", source_app="x", source_id=1
    )
    assert do_send_due().retried == 1
    assert "no builder" in OutboxMessage.objects.get(pk=row_id).last_error


def test_a_withdrawn_row_is_not_sent(db: None) -> None:
    row_id = enqueue(1)
    assert actions.do_skip_pending(ids=[row_id], reason="cancelled") == [row_id]
    assert do_send_due().handled == 0
    assert mail.outbox == []
