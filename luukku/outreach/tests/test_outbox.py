import time
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from pytest_django import Settings

from luukku.core.models import OutboxMessage
from luukku.core.outbox import retry_delay, worker
from luukku.core.outbox.worker import claim_due
from luukku.core.testing.smtp import MailCatcher
from luukku.notifications.models import Notification, NotificationKind
from luukku.outreach import actions
from luukku.outreach.audiences import Audience
from luukku.outreach.models import (
    AudienceKind,
    Channel,
    Delivery,
    DeliveryStatus,
    Message,
    TimingKind,
    Unsubscribe,
)
from luukku.outreach.rendering import message_id
from luukku.outreach.tests.conftest import Cast, draft


def queue_later(cast: Cast, **changes: object) -> Message:
    """Queue for tomorrow (nothing is sent on commit), then let the clock move there."""
    changes.setdefault("timing", TimingKind.AT)
    changes.setdefault("at", timezone.now() + timedelta(days=1))
    changes.setdefault("ignore_quiet_hours", True)
    return actions.do_queue_message(
        programme=cast.programme, author=cast.coach, draft=draft(**changes)
    )


def test_mail_arrives_personalised_with_one_click_unsubscribe_headers(
    cast: Cast, smtp_server: MailCatcher, settings: Settings
) -> None:
    settings.SITE_URL = "https://luukku.example"
    message = queue_later(cast)
    with time_machine.travel(message.send_at + timedelta(minutes=1)):
        report = actions.do_send_due()
    assert report.sent == len(cast.participants)
    received = smtp_server.wait_for(len(cast.participants))
    by_address = {mail.envelope_to[0]: mail for mail in received}
    first = by_address[cast.participants[0].email]
    assert first.subject == "Hello Person0"
    assert first.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # A long header may be folded onto the next line: compare without the fold.
    assert (
        str(first.message["List-Unsubscribe"])
        .strip()
        .startswith("<https://luukku.example/outreach/unsubscribe/")
    )
    row = Delivery.objects.get(message=message, user=cast.participants[0])
    assert first.message["Message-ID"] == message_id(row)
    assert f"https://luukku.example/outreach/go/{row.token}/continue/" in first.text()
    assert row.outbox_message is not None
    assert row.outbox_message.confirmed_at is not None


def test_sending_again_sends_nothing_twice(cast: Cast, smtp_server: MailCatcher) -> None:
    message = queue_later(cast)
    with time_machine.travel(message.send_at + timedelta(minutes=1)):
        actions.do_send_due()
        assert actions.do_send_due().handled == 0
    assert len(smtp_server.received) == len(cast.participants)


def test_a_permanently_refused_recipient_is_marked_failed_with_the_answer(
    cast: Cast, smtp_server: MailCatcher
) -> None:
    refused = cast.participants[1]
    smtp_server.refuse.add(refused.email)
    message = queue_later(cast)
    with time_machine.travel(message.send_at + timedelta(minutes=1)):
        report = actions.do_send_due()
    assert report.failed == 1
    row = Delivery.objects.get(message=message, user=refused)
    assert row.status == DeliveryStatus.FAILED
    assert "550" in row.last_error
    assert len(smtp_server.received) == len(cast.participants) - 1


def test_a_row_another_worker_sent_meanwhile_is_not_sent_again(
    cast: Cast, smtp_server: MailCatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two workers holding one row (an expired lease): the commit's re-check decides."""
    message = queue_later(cast)
    taken = Delivery.objects.get(message=message, user=cast.participants[0])
    original = worker._commit_rows

    def other_worker_first(items: list[Any], positions: list[int], batch: Any = None) -> set[int]:
        OutboxMessage.objects.filter(pk=taken.outbox_message_id or 0).update(status="sent")
        return original(items, positions, batch)

    monkeypatch.setattr(worker, "_commit_rows", other_worker_first)
    with time_machine.travel(message.send_at + timedelta(minutes=1)):
        report = actions.do_send_due()
    assert report.skipped == 1
    assert report.sent == len(cast.participants) - 1
    time.sleep(0.2)  # a discarded message would have arrived by now
    assert cast.participants[0].email not in {m.envelope_to[0] for m in smtp_server.received}


def test_a_temporary_failure_is_tried_again_after_the_backoff(
    cast: Cast, settings: Settings
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nobody listens: connection refused
    message = queue_later(
        cast, audience=Audience(AudienceKind.PICKED, user_ids=(cast.participants[0].pk,))
    )
    start = message.send_at + timedelta(minutes=1)
    with time_machine.travel(start):
        assert actions.do_send_due().retried == 1
    row = message.deliveries.get()
    assert row.status == DeliveryStatus.PENDING
    assert row.outbox_message is not None
    assert row.outbox_message.next_attempt_at >= start + retry_delay(1) - timedelta(seconds=5)
    with time_machine.travel(start + timedelta(seconds=30)):
        assert actions.do_send_due().handled == 0  # still backing off


def test_leased_rows_are_not_claimed_by_a_second_worker(cast: Cast) -> None:
    message = queue_later(cast)
    moment = message.send_at + timedelta(minutes=1)
    first = claim_due(limit=3, now=moment)
    second = claim_due(limit=10, now=moment)
    assert len(first) == 3
    assert not set(first) & set(second)
    assert len(second) == len(cast.participants) - 3


def test_in_app_messages_land_in_the_bell_and_send_no_mail(cast: Cast) -> None:
    message = queue_later(cast, channel=Channel.IN_APP)
    with time_machine.travel(message.send_at + timedelta(minutes=1)):
        actions.do_send_due()
    assert mail.outbox == []
    notes = Notification.objects.filter(kind=NotificationKind.ACTIVATION)
    assert notes.count() == len(cast.participants)
    assert notes.get(recipient=cast.participants[3]).title == "Hello Person3"


def test_both_channels_send_mail_and_notify(cast: Cast) -> None:
    message = queue_later(cast, channel=Channel.BOTH)
    with time_machine.travel(message.send_at + timedelta(minutes=1)):
        actions.do_send_due()
    assert len(mail.outbox) == len(cast.participants)
    assert Notification.objects.filter(kind=NotificationKind.ACTIVATION).count() == len(
        cast.participants
    )


def test_an_unsubscribe_after_queueing_is_respected_at_send_time(cast: Cast) -> None:
    message = queue_later(cast)
    gone = cast.participants[0]
    Unsubscribe.objects.create(user=gone, programme=cast.programme)
    with time_machine.travel(message.send_at + timedelta(minutes=1)):
        report = actions.do_send_due()
    assert report.skipped == 1
    assert gone.email not in {m.to[0] for m in mail.outbox}
    assert Delivery.objects.get(message=message, user=gone).group == "unsubscribed"


def test_scheduled_messages_wait_for_their_time(cast: Cast) -> None:
    message = queue_later(cast)
    assert actions.do_send_due().handled == 0
    with time_machine.travel(message.send_at + timedelta(minutes=1)):
        assert actions.do_send_due().sent == len(cast.participants)
    message.refresh_from_db()
    assert message.status == "sent"


def test_the_minute_sweep_sends_what_has_fallen_due(cast: Cast) -> None:
    from luukku.core.outbox import sweeps

    message = queue_later(cast)
    sweeps.wake_for_due_messages()
    assert mail.outbox == []
    with time_machine.travel(message.send_at + timedelta(minutes=1)):
        sweeps.wake_for_due_messages()  # the task runs inline in tests
    assert len(mail.outbox) == len(cast.participants)


def test_a_message_refused_at_its_end_is_unmarked_and_tried_again(
    cast: Cast, smtp_server: MailCatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The row was committed as sent before the final line; the server's 451 undoes that."""
    message = queue_later(
        cast, audience=Audience(AudienceKind.PICKED, user_ids=(cast.participants[0].pk,))
    )
    accept = smtp_server.handle_DATA

    async def busy(server: object, session: object, envelope: object) -> str:
        return "451 try again later"

    monkeypatch.setattr(smtp_server, "handle_DATA", busy)
    start = message.send_at + timedelta(minutes=1)
    with time_machine.travel(start):
        assert actions.do_send_due().retried == 1
    row = message.deliveries.get()
    assert (row.status, row.email_sent_at, row.delivered_at) == (DeliveryStatus.PENDING, None, None)
    assert row.outbox_message is not None
    assert "451" in row.outbox_message.last_error
    monkeypatch.setattr(smtp_server, "handle_DATA", accept)
    with time_machine.travel(start + retry_delay(1) + timedelta(seconds=5)):
        assert actions.do_send_due().sent == 1
    assert len(smtp_server.wait_for(1)) == 1
