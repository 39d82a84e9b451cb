"""The requester's private link: one conversation, no notes, no team names, rating once."""

import pytest
from django.core import signing
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from luukku.accounts.models import User
from luukku.core.testing.storage import assert_nothing_stored
from luukku.core.tokens import hash_token
from luukku.helpdesk import actions
from luukku.helpdesk.models import Attachment, ConversationLink, Message, Rating, Request, Status
from luukku.helpdesk.tests.conftest import Desk, submit

pytestmark = pytest.mark.django_db


def url(token: str, name: str = "helpdesk:conversation") -> str:
    return reverse(name, args=[token])


def test_link_stores_only_a_hash(desk: Desk) -> None:
    request = submit(desk)
    token = actions.do_create_conversation_link(request=request)
    raw = signing.Signer(salt=actions.LINK_SALT).unsign(token)
    hashes = set(ConversationLink.objects.values_list("token_hash", flat=True))
    assert raw not in hashes
    assert hash_token(raw) in hashes


def test_a_link_opens_its_own_conversation_only(client: Client, desk: Desk) -> None:
    mine = submit(desk, subject="Mine", message="My own question")
    submit(desk, subject="Theirs", message="Somebody else's question")
    page = client.get(url(actions.do_create_conversation_link(request=mine))).content.decode()
    assert "My own question" in page
    assert "Somebody else" not in page


@pytest.mark.parametrize("token", ["guess", "abc:def", "x" * 40])
def test_forged_or_unknown_links_are_404(client: Client, desk: Desk, token: str) -> None:
    submit(desk)
    assert client.get(url(token)).status_code == 404


def test_a_validly_signed_but_unknown_secret_is_404(client: Client, desk: Desk) -> None:
    submit(desk)
    token = signing.Signer(salt=actions.LINK_SALT).sign("not-a-stored-secret")
    assert client.get(url(token)).status_code == 404


def test_requester_never_sees_notes_or_team_changes(
    client: Client, desk: Desk, staff_user: User
) -> None:
    request = submit(desk)
    actions.do_add_note(request=request, author=staff_user, body="Internal: ask IT")
    actions.do_reroute(request=request, team=desk.it, by=staff_user, note="IT knows this")
    actions.do_reply(request=request, author=staff_user, body="Here is your answer.")
    page = client.get(url(actions.do_create_conversation_link(request=request))).content.decode()
    assert "Here is your answer." in page
    for hidden in ("Internal: ask IT", "IT knows this", "IT services", "Study services", "Sanna"):
        assert hidden not in page


def test_requester_answer_reopens_a_waiting_request(
    client: Client, desk: Desk, staff_user: User
) -> None:
    request = submit(desk)
    actions.do_reply(request=request, author=staff_user, body="Which programme?")
    token = actions.do_create_conversation_link(request=request)
    response = client.post(url(token), {"body": "Nursing, second year."})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.OPEN
    last = request.messages.last()
    assert last is not None
    assert last.body == "Nursing, second year."


def test_empty_answer_is_400(client: Client, desk: Desk) -> None:
    token = actions.do_create_conversation_link(request=submit(desk))
    with assert_nothing_stored(Message, Attachment, Request):
        assert client.post(url(token), {"body": "  "}).status_code == 400


def test_closed_conversation_refuses_answers_with_409(client: Client, desk: Desk) -> None:
    request = submit(desk)
    actions.do_set_status(request=request, status=Status.CLOSED)
    token = actions.do_create_conversation_link(request=request)
    assert client.post(url(token), {"body": "One more thing"}).status_code == 409
    assert request.messages.count() == 1


def test_rating_after_resolution_once(client: Client, desk: Desk) -> None:
    request = submit(desk)
    token = actions.do_create_conversation_link(request=request)
    assert client.post(url(token, "helpdesk:rate"), {"score": "5"}).status_code == 409
    actions.do_set_status(request=request, status=Status.RESOLVED)
    assert "How did we do?" in client.get(url(token)).content.decode()
    response = client.post(url(token, "helpdesk:rate"), {"score": "4", "comment": "Quick!"})
    assert response.status_code == 302
    assert client.post(url(token, "helpdesk:rate"), {"score": "1"}).status_code == 409
    assert Rating.objects.get().score == 4


def test_rating_out_of_range_is_400(client: Client, desk: Desk) -> None:
    request = submit(desk)
    actions.do_set_status(request=request, status=Status.RESOLVED)
    token = actions.do_create_conversation_link(request=request)
    assert client.post(url(token, "helpdesk:rate"), {"score": "9"}).status_code == 400
    assert not Rating.objects.exists()


def test_resolution_mails_the_rating_question(
    desk: Desk,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    request = submit(desk)
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_set_status(request=request, status=Status.RESOLVED)
    assert "/help/c/" in mailoutbox[-1].body
    assert request.reference in mailoutbox[-1].subject


def test_resolved_requests_close_after_the_configured_days(desk: Desk, settings: Settings) -> None:
    import datetime

    from django.utils import timezone

    settings.HELPDESK_CLOSE_AFTER_DAYS = 7
    request = submit(desk)
    actions.do_set_status(request=request, status=Status.RESOLVED)
    now = timezone.now()
    assert actions.do_close_resolved_requests(now=now + datetime.timedelta(days=6)) == 0
    assert actions.do_close_resolved_requests(now=now + datetime.timedelta(days=8)) == 1
    request.refresh_from_db()
    assert request.status == Status.CLOSED
