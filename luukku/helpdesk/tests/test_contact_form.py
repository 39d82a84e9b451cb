"""The open contact form: routing, confirmation e-mail, bot traps, limits, attachments."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.models import Organisation
from luukku.core.testing.images import image_bytes
from luukku.core.testing.storage import assert_nothing_stored
from luukku.helpdesk.models import Attachment, Channel, Message, Request, Status
from luukku.helpdesk.tests.conftest import Desk, form_data, stamp

pytestmark = pytest.mark.django_db
PNG = image_bytes("PNG")


def contact_url(desk: Desk) -> str:
    return reverse("helpdesk:contact", args=[desk.organisation.slug])


def test_visitor_request_reaches_the_category_team_and_gets_a_private_link(
    client: Client,
    desk: Desk,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_url(desk), form_data(desk))
    assert response.status_code == 302
    request = Request.objects.get()
    assert (request.team, request.status, request.channel) == (
        desk.study, Status.NEW, Channel.OPEN_FORM,
    )  # fmt: skip
    assert request.first_reply_due is not None
    [mail] = mailoutbox
    assert mail.to == ["veera@example.com"]
    assert request.reference in mail.subject
    link = re.search(r"http\S+/help/c/(\S+)/", str(mail.body))
    assert link is not None
    page = client.get(reverse("helpdesk:conversation", args=[link.group(1)]))
    assert page.status_code == 200
    assert "Where do I get my transcript" in page.content.decode()
    assert "Study services" not in page.content.decode()


def test_keyword_rule_overrides_the_topic(client: Client, desk: Desk) -> None:
    client.post(contact_url(desk), form_data(desk, message="Unohdin salasanani"))
    assert Request.objects.get().team == desk.it


def test_the_form_shows_topics_never_teams(client: Client, desk: Desk) -> None:
    page = client.get(contact_url(desk)).content.decode()
    assert "Studies" in page
    assert "Passwords" in page
    assert "IT services" not in page


def test_signed_in_person_is_recorded_as_signed_in(
    signed_in: SignIn, desk: Desk, staff_user: User
) -> None:
    signed_in(staff_user).post(contact_url(desk), form_data(desk, email=staff_user.email))
    request = Request.objects.get()
    assert (request.channel, request.requester) == (Channel.SIGNED_IN, staff_user)


def test_honeypot_looks_like_success_but_stores_nothing(
    client: Client, desk: Desk, mailoutbox: list[EmailMessage]
) -> None:
    response = client.post(contact_url(desk), form_data(desk, website="http://spam.example"))
    assert response.status_code == 302
    assert not Request.objects.exists()
    assert not mailoutbox


@pytest.mark.parametrize("shown", ["just now", "1700000000:forged", ""])
def test_time_trap_refuses_too_fast_or_forged_forms(client: Client, desk: Desk, shown: str) -> None:
    shown = stamp(0) if shown == "just now" else shown
    response = client.post(contact_url(desk), form_data(desk, shown=shown))
    assert response.status_code == 400
    assert "send it again" in response.content.decode()
    assert not Request.objects.exists()


def test_a_stamp_is_good_for_one_send_only(client: Client, desk: Desk) -> None:
    # A bot that fetched the form once must not replay its stamp for the rest of the day.
    reused = stamp()
    first = client.post(contact_url(desk), form_data(desk, shown=reused))
    second = client.post(
        contact_url(desk), form_data(desk, shown=reused, email="other@example.com")
    )
    assert (first.status_code, second.status_code) == (302, 400)
    assert "send it again" in second.content.decode()
    assert Request.objects.count() == 1


def test_a_stamp_older_than_two_hours_is_refused(client: Client, desk: Desk) -> None:
    old = stamp()
    with time_machine.travel(timezone.now() + timedelta(hours=2, minutes=1)):
        response = client.post(contact_url(desk), form_data(desk, shown=old))
    assert response.status_code == 400
    assert not Request.objects.exists()


def test_a_form_with_a_mistake_gets_a_fresh_stamp_that_still_sends(
    client: Client, desk: Desk
) -> None:
    shown = stamp()
    wrong = client.post(contact_url(desk), form_data(desk, shown=shown, email="nope"))
    assert wrong.status_code == 400
    fresh = re.search(r'name="shown" value="([^"]+)"', wrong.content.decode())
    assert fresh is not None
    assert fresh.group(1) != shown
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        sent = client.post(contact_url(desk), form_data(desk, shown=fresh.group(1)))
    assert sent.status_code == 302


def test_missing_fields_keep_what_was_typed(client: Client, desk: Desk) -> None:
    with assert_nothing_stored(Request, Message):
        response = client.post(contact_url(desk), form_data(desk, email="not-an-address"))
    assert response.status_code == 400
    assert "Where do I get my transcript" in response.content.decode()


def test_rate_limit_per_address(client: Client, desk: Desk, settings: Settings) -> None:
    settings.HELPDESK_FORM_RATE = "2/h"
    statuses = [client.post(contact_url(desk), form_data(desk)).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert Request.objects.count() == 2


def test_rate_limit_per_ip_address(client: Client, desk: Desk, settings: Settings) -> None:
    settings.HELPDESK_FORM_IP_RATE = "2/h"
    statuses = [
        client.post(contact_url(desk), form_data(desk, email=f"p{n}@example.com")).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_attachment_is_kept(client: Client, desk: Desk) -> None:
    upload = SimpleUploadedFile("screen.png", PNG, content_type="image/png")
    client.post(contact_url(desk), {**form_data(desk), "attachment": upload})
    attachment = Request.objects.get().messages.get().attachments.get()
    assert (attachment.original_name, attachment.content_type) == ("screen.png", "image/png")


def test_attachment_is_stored_under_a_generated_name_with_its_verified_extension(
    client: Client, desk: Desk
) -> None:
    upload = SimpleUploadedFile("../notes.pdf.html", b"<script>alert(1)</script>")
    client.post(contact_url(desk), {**form_data(desk), "attachment": upload})
    attachment = Request.objects.get().messages.get().attachments.get()
    stored = str(attachment.file.name)
    assert "notes" not in stored
    assert stored.endswith(".txt")
    assert (attachment.original_name, attachment.content_type) == ("notes_pdf.txt", "text/plain")


def test_too_large_attachment_is_413(client: Client, desk: Desk, settings: Settings) -> None:
    settings.HELPDESK_ATTACHMENT_MAX_BYTES = 50
    upload = SimpleUploadedFile("screen.png", PNG, content_type="image/png")
    response = client.post(contact_url(desk), {**form_data(desk), "attachment": upload})
    assert response.status_code == 413
    assert not Request.objects.exists()


def test_executable_attachment_is_refused(client: Client, desk: Desk) -> None:
    upload = SimpleUploadedFile("run.exe", b"MZ\x90\x00\x03" + b"\x00" * 50)
    with assert_nothing_stored(Request, Message, Attachment):
        response = client.post(contact_url(desk), {**form_data(desk), "attachment": upload})
    assert response.status_code == 400
    assert "not accepted" in response.content.decode()


def test_topic_of_another_organisation_is_refused(
    client: Client, desk: Desk, other_organisation: Organisation
) -> None:
    from luukku.core.actions import do_create_team
    from luukku.helpdesk.actions import do_create_category

    team = do_create_team(organisation=other_organisation, name="Elsewhere")
    foreign = do_create_category(organisation=other_organisation, name="Foreign", team=team)
    response = client.post(contact_url(desk), form_data(desk, category=foreign.pk))
    assert response.status_code == 400
    assert not Request.objects.exists()


def test_unknown_organisation_is_404(client: Client, db: None) -> None:
    assert client.get(reverse("helpdesk:contact", args=["nobody"])).status_code == 404


@pytest.mark.parametrize(("language", "text"), [("fi", "Ota yhteyttä"), ("sv", "Kontakta")])
def test_the_form_speaks_finnish_and_swedish(desk: Desk, language: str, text: str) -> None:
    page = Client(headers={"accept-language": language}).get(contact_url(desk))
    assert text in page.content.decode()
