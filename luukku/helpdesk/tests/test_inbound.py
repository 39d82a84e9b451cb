"""Inbound e-mail: threading by reference, quote stripping, sanitising, rejection, entry points."""

import io
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from pytest_django import Settings

from luukku.accounts.models import User
from luukku.core.testing.storage import assert_nothing_stored
from luukku.helpdesk import actions
from luukku.helpdesk.inbound import do_receive_mail, html_to_text, strip_quoted
from luukku.helpdesk.models import InboundMail, MessageKind, Request, Status
from luukku.helpdesk.tests.conftest import Desk, submit

pytestmark = pytest.mark.django_db


def raw_mail(request: Request, body: str, **headers: str) -> bytes:
    lines = {
        "From": f"Veera <{request.requester_email}>",
        "To": "help@uni.example",
        "Subject": f"Re: [{request.reference}] Answer to your request",
        "Message-ID": "<reply-1@mail.example>",
        "Content-Type": "text/plain; charset=utf-8",
    }
    lines.update({key.replace("_", "-"): value for key, value in headers.items()})
    head = "".join(f"{key}: {value}\r\n" for key, value in lines.items())
    return (head + "\r\n" + body).encode()


def new_text(request: Request) -> str:
    last = request.messages.filter(kind=MessageKind.REQUESTER).last()
    assert last is not None
    return last.body


def test_reply_threads_by_subject_reference_and_reopens(desk: Desk, staff_user: User) -> None:
    request = submit(desk)
    actions.do_reply(request=request, author=staff_user, body="Which programme?")
    result = do_receive_mail(raw_mail(request, "Nursing.\r\n\r\n> Which programme?\r\n"))
    assert result.outcome == "accepted"
    assert result.reference == request.reference
    request.refresh_from_db()
    assert request.status == Status.OPEN
    assert new_text(request) == "Nursing."


def test_threads_by_in_reply_to_even_with_a_new_subject(desk: Desk) -> None:
    request = submit(desk)
    raw = raw_mail(
        request, "Thanks!", Subject="thanks", In_Reply_To=f"<1.2.3.{request.reference}@luukku>"
    )
    assert do_receive_mail(raw).outcome == "accepted"


def test_threads_by_plus_address(desk: Desk) -> None:
    request = submit(desk)
    raw = raw_mail(
        request, "Hello", Subject="hi", To=f"help+{request.reference.lower()}@uni.example"
    )
    assert do_receive_mail(raw).reference == request.reference


@pytest.mark.parametrize(
    "reply",
    [
        "Kiitos!\n\nma 2.3.2026 klo 10.15 Opintopalvelut <help@uni.example> kirjoitti:\n> vanha",
        "Kiitos!\n\nDen mån 2 mars 2026 kl 10:15 skrev Studieservice <help@uni.example>:\nold",
        "Kiitos!\n\nOn Mon, 2 Mar 2026 at 10:15, Student Services <help@uni.example> wrote:\nold",
        "Kiitos!\n\nOn Mon, 2 Mar 2026 at 10:15, Student Services\n<help@uni.example> wrote:\nold",
        "Kiitos!\n\n-----Original Message-----\nFrom: help@uni.example\nold",
        "Kiitos!\n\n________________________________\nLähettäjä: Opintopalvelut\nold",
        "Kiitos!\n\nFrån: Studieservice <help@uni.example>\nSkickat: den 2 mars\nold",
        "Kiitos!\n> quoted line\n> another\n\n-- \nVeera, sent from my phone",
    ],
)
def test_quoted_text_is_stripped(reply: str) -> None:
    assert strip_quoted(reply) == "Kiitos!"


def test_own_text_mentioning_kirjoitti_is_kept() -> None:
    text = "Opettaja kirjoitti minulle:\nTule huomenna."
    assert strip_quoted(text) == text


def test_html_only_mail_is_sanitised(desk: Desk) -> None:
    request = submit(desk)
    body = (
        "<p>Hei <script>alert(1)</script><b>kiitos</b></p><img src=x onerror=alert(1)>"
        "<blockquote>old answer</blockquote>"
    )
    raw = raw_mail(request, body, Content_Type="text/html; charset=utf-8")
    assert do_receive_mail(raw).outcome == "accepted"
    text = new_text(request)
    assert "kiitos" in text
    assert "<" not in text
    assert "alert" not in text
    assert "old answer" not in text


def test_html_to_text_keeps_line_breaks() -> None:
    assert html_to_text("<p>One</p><p>Two<br>Three</p>") == "One\nTwo\nThree"


@pytest.mark.parametrize(
    "raw",
    [b"", b"\x00\xff\xfe garbage", b"not an e-mail at all", b"From: \r\n\r\n"],
)
def test_malformed_mail_is_logged_and_rejected(raw: bytes) -> None:
    result = do_receive_mail(raw)
    assert result.outcome == "rejected"
    assert InboundMail.objects.get().outcome == "rejected"


def test_unknown_reference_is_rejected(desk: Desk) -> None:
    request = submit(desk)
    raw = raw_mail(request, "Hello", Subject="Re: [HD-ZZZZZZ] nothing")
    assert do_receive_mail(raw).reason == "no known reference"


def test_mail_from_someone_else_is_rejected(desk: Desk) -> None:
    request = submit(desk)
    raw = raw_mail(request, "I am not Veera", From="mallory@evil.example")
    assert do_receive_mail(raw).reason == "sender is not the requester"
    assert request.messages.count() == 1


def test_only_quoted_text_is_rejected(desk: Desk) -> None:
    request = submit(desk)
    assert do_receive_mail(raw_mail(request, "> just the old text")).reason == "no new text"


def test_closed_conversation_rejects_mail(desk: Desk) -> None:
    request = submit(desk)
    actions.do_set_status(request=request, status=Status.CLOSED)
    assert do_receive_mail(raw_mail(request, "One more")).reason == "conversation closed"


def test_the_same_message_twice_is_stored_once(desk: Desk) -> None:
    request = submit(desk)
    raw = raw_mail(request, "Once only")
    assert do_receive_mail(raw).outcome == "accepted"
    assert do_receive_mail(raw).outcome == "duplicate"
    assert request.messages.count() == 2


def test_command_reads_a_file(desk: Desk, tmp_path: Path) -> None:
    request = submit(desk)
    path = tmp_path / "reply.eml"
    path.write_bytes(raw_mail(request, "From a file"))
    out = io.StringIO()
    call_command("helpdesk_receive_mail", str(path), stdout=out)
    assert out.getvalue().startswith("accepted")
    assert new_text(request) == "From a file"


def test_command_reads_stdin_and_exits_65_on_rejection(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"garbage without headers"))
    monkeypatch.setattr(sys, "stdin", stdin)
    with pytest.raises(SystemExit) as exit_info:
        call_command("helpdesk_receive_mail", stderr=io.StringIO())
    assert exit_info.value.code == 65


ENDPOINT = "/api/v1/helpdesk/inbound-mail"


def test_endpoint_is_off_without_a_token(client: Client, settings: Settings) -> None:
    settings.HELPDESK_INBOUND_TOKEN = ""
    response = client.post(
        ENDPOINT, b"x", content_type="message/rfc822", headers={"authorization": "Bearer x"}
    )
    assert response.status_code == 404


def test_endpoint_needs_the_token(client: Client, settings: Settings) -> None:
    settings.HELPDESK_INBOUND_TOKEN = "s3cret"
    with assert_nothing_stored(InboundMail, Request):
        response = client.post(
            ENDPOINT, b"x", content_type="message/rfc822", headers={"authorization": "Bearer wrong"}
        )
    assert response.status_code == 401
    assert response.json()["error"] == "unauthenticated"


def test_endpoint_threads_and_rejects_with_json(
    client: Client, desk: Desk, settings: Settings
) -> None:
    settings.HELPDESK_INBOUND_TOKEN = "s3cret"
    request = submit(desk)
    auth = {"authorization": "Bearer s3cret"}
    ok = client.post(
        ENDPOINT, raw_mail(request, "Via API"), content_type="message/rfc822", headers=auth
    )
    assert ok.status_code == 202
    assert ok.json()["reference"] == request.reference
    bad = client.post(ENDPOINT, b"garbage", content_type="message/rfc822", headers=auth)
    assert bad.status_code == 422
    assert bad.json() == {"error": "rejected", "detail": "malformed"}


def test_endpoint_refuses_too_large_messages(
    client: Client, desk: Desk, settings: Settings
) -> None:
    settings.HELPDESK_INBOUND_TOKEN = "s3cret"
    settings.HELPDESK_INBOUND_MAX_BYTES = 100
    request = submit(desk)
    response = client.post(
        ENDPOINT, raw_mail(request, "x" * 200), content_type="message/rfc822",
        headers={"authorization": "Bearer s3cret"},
    )  # fmt: skip
    assert response.status_code == 413
