from django.contrib.auth.models import AnonymousUser
from django.core.mail import EmailMultiAlternatives
from django.test import Client, override_settings
from django.urls import reverse

from luukku.conftest import make_user
from luukku.core.models import LocalMail

MAILBOX = "luukku.core.mailbox.MailboxBackend"


@override_settings(EMAIL_BACKEND=MAILBOX)
def test_mail_is_kept_in_the_mailbox_with_text_and_html(db: None) -> None:
    message = EmailMultiAlternatives("Hei", "Tekstinä ✓", to=["aino@example.com"])
    message.attach_alternative("<p>HTML</p>", "text/html")
    message.send()
    mail = LocalMail.objects.get()
    assert mail.to_addresses == "aino@example.com"
    assert mail.body_text.strip() == "Tekstinä ✓"
    assert "<p>HTML</p>" in mail.body_html


@override_settings(EMAIL_BACKEND=MAILBOX)
def test_only_installation_staff_read_the_mailbox(client: Client, db: None) -> None:
    EmailMultiAlternatives("Secret link", "body", to=["a@example.com"]).send()
    mail = LocalMail.objects.get()
    participant = make_user("p@example.com")
    client.force_login(participant)
    assert client.get(reverse("core:mailbox")).status_code == 302  # to the admin sign-in
    assert client.get(reverse("core:mailbox_message", args=[mail.pk])).status_code == 302

    client.force_login(make_user("ops@example.com", is_staff=True))
    response = client.get(reverse("core:mailbox"))
    assert response.status_code == 200
    assert "Secret link" in response.content.decode()
    assert not isinstance(response.wsgi_request.user, AnonymousUser)


def test_the_mailbox_is_absent_when_real_smtp_is_configured(client: Client, db: None) -> None:
    client.force_login(make_user("ops@example.com", is_staff=True))
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend"):
        assert client.get(reverse("core:mailbox")).status_code == 404
