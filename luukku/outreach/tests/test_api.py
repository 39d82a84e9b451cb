from django.core import mail
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks

from luukku.accounts.testing import SignIn
from luukku.core.models import Organisation
from luukku.core.testing.storage import assert_nothing_stored
from luukku.outreach.models import Delivery, Message
from luukku.outreach.tests.conftest import Cast, make_cast

BODY = {"subject": "Hi {{ first_name }}", "body": "Back: {{ continue_link }}", "channel": "email",
        "holdout_percent": 0}  # fmt: skip


def url(cast: Cast, tail: str = "") -> str:
    return f"/api/v1/outreach/programmes/{cast.programme.pk}/messages{tail}"


def test_a_coach_queues_a_message_and_reads_its_effect(
    cast: Cast,
    signed_in: SignIn,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    client = signed_in(cast.coach)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(cast), BODY, content_type="application/json")
    assert response.status_code == 201
    message_id = response.json()["id"]
    assert len(mail.outbox) == len(cast.participants)
    listing = client.get(url(cast)).json()
    assert listing[0]["recipient_count"] == len(cast.participants)
    report = client.get(url(cast, f"/{message_id}/effect")).json()
    assert report["counts"]["delivered"] == len(cast.participants)
    assert report["verdict"] == "no_holdout"


def test_bad_drafts_are_422_with_the_reason_and_nothing_is_queued(
    cast: Cast, signed_in: SignIn
) -> None:
    client = signed_in(cast.coach)
    response = client.post(
        url(cast), {**BODY, "subject": "Hi\nBcc: x@example.com"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["error"] == "invalid"
    assert "one line" in response.json()["detail"]
    empty = client.post(
        url(cast), {**BODY, "audience": {"kind": "picked", "user_ids": []}},
        content_type="application/json",
    )  # fmt: skip
    assert empty.status_code == 422
    assert "Nobody" in empty.json()["detail"]
    assert not Message.objects.exists()


def test_other_peoples_programmes_are_404_and_anonymous_is_401(
    cast: Cast, other_organisation: Organisation, signed_in: SignIn, client: Client
) -> None:
    assert client.get(url(cast)).status_code == 401
    stranger = make_cast(other_organisation, count=0, prefix="s").coach
    with assert_nothing_stored(Message, Delivery):
        response = signed_in(stranger).post(url(cast), BODY, content_type="application/json")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"
    assert signed_in(cast.participants[0]).get(url(cast)).status_code == 404
