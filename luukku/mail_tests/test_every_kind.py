"""Every kind of message reaches a real SMTP server once, as plain text nobody escaped.

Issue 12, item 9: plain-text bodies were HTML-escaped ("Fees &amp; grants"). Each kind
here carries an ampersand, both quotes and angle brackets in a part people typed.
"""

import pytest
from django.core import mail

from luukku.core.models import Organisation, OutboxMessage
from luukku.core.outbox.registry import registered_kinds
from luukku.core.outbox.worker import do_send_due
from luukku.core.testing.smtp import MailCatcher
from luukku.mail_tests.scenarios import (
    EMAIL_KINDS,
    ESCAPES,
    SCENARIOS,
    TRICKY,
    address,
    make_due_rows,
)
from luukku.notifications.models import Notification


def test_every_registered_kind_has_a_scenario() -> None:
    assert sorted(SCENARIOS) == registered_kinds()


@pytest.mark.parametrize("kind", EMAIL_KINDS)
def test_each_kind_arrives_once_over_smtp_with_what_people_typed_unescaped(
    kind: str, organisation: Organisation, smtp_server: MailCatcher
) -> None:
    [row] = make_due_rows(kind, organisation, 1)
    assert do_send_due().sent == 1
    assert do_send_due().handled == 0  # nothing twice
    [received] = smtp_server.wait_for(1)
    assert received.envelope_to == [address(0)]
    text = received.subject + "\n" + received.text()
    assert TRICKY in text
    assert not [escape for escape in ESCAPES if escape in text]
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 1)
    assert row.sent_at is not None
    assert row.confirmed_at is not None
    assert row.subject == " ".join(received.subject.split())


def test_an_in_app_activation_message_is_delivered_without_mail(
    organisation: Organisation, smtp_server: MailCatcher
) -> None:
    [row] = make_due_rows("outreach.in_app", organisation, 1)
    assert do_send_due().sent == 1
    assert smtp_server.received == []
    assert mail.outbox == []
    [notification] = Notification.objects.filter(recipient__email=address(0))
    assert notification.title == f"Hello {TRICKY}"
    assert OutboxMessage.objects.get(pk=row.pk).status == "sent"


def test_the_invitation_keeps_its_calendar_part_with_the_method_parameter(
    organisation: Organisation, smtp_server: MailCatcher
) -> None:
    make_due_rows("bookings.request", organisation, 1)
    do_send_due()
    [received] = smtp_server.wait_for(1)
    parts = [part for part in received.message.walk() if part.get_content_type() == "text/calendar"]
    assert {str(part.get_param("method")) for part in parts} == {"REQUEST"}
    assert "METHOD:REQUEST" in parts[0].get_content()
