from django.core.mail import send_mail

from luukku.core.testing.smtp import MailCatcher


def test_mail_sent_through_django_arrives_at_the_test_smtp_server(
    smtp_server: MailCatcher,
) -> None:
    send_mail("Hei", "Tervetuloa", "luukku@example.org", ["maija@example.com"])
    [mail] = smtp_server.wait_for(1)
    assert mail.envelope_to == ["maija@example.com"]
    assert mail.subject == "Hei"
    assert mail.text().strip() == "Tervetuloa"


def test_a_refused_recipient_raises_in_the_sender(smtp_server: MailCatcher) -> None:
    import smtplib

    import pytest

    smtp_server.refuse.add("gone@example.com")
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        send_mail("Hei", "x", "luukku@example.org", ["gone@example.com"])
