"""The anonymity mechanism on its own: rights that are tokens, a sealed fixed-size pool."""

import datetime as dt

import pytest
from cryptography.exceptions import InvalidTag

from luukku.core import anonymity

TODAY = dt.date(2026, 11, 24)


def test_a_right_carries_its_claims_and_refuses_tampering_and_age() -> None:
    token = anonymity.issue_right(
        "survey", {"q": 7}, nonce="n1", expires_on=TODAY + dt.timedelta(days=1)
    )
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    right = anonymity.open_right("survey", token, today=TODAY)
    assert right.claims == {"q": 7}
    with pytest.raises(anonymity.RightGoneError):
        anonymity.open_right("feedback", token, today=TODAY)  # another purpose's key
    with pytest.raises(anonymity.RightGoneError):
        anonymity.open_right("survey", token[:-2] + "AA", today=TODAY)
    with pytest.raises(anonymity.RightGoneError):
        anonymity.open_right("survey", token, today=TODAY + dt.timedelta(days=2))


def test_rights_for_one_subject_share_a_key_and_others_do_not() -> None:
    def key(subject: str) -> str:
        nonce = anonymity.nonce_for("feedback", subject)
        token = anonymity.issue_right("feedback", {}, nonce=nonce, expires_on=TODAY)
        return anonymity.open_right("feedback", token, today=TODAY).key_hash

    assert key("booking-1") == key("booking-1")
    assert key("booking-1") != key("booking-2")


def test_sealed_answers_all_have_one_length_and_open_only_with_their_label() -> None:
    short = anonymity.seal("feedback.FeedbackPoolEntry", {"helped": ""})
    long = anonymity.seal("feedback.FeedbackPoolEntry", {"helped": "ä" * 5000, "idea": "x" * 5000})
    assert len(short) == len(long)
    assert anonymity.unseal("feedback.FeedbackPoolEntry", long)["helped"] == "ä" * 5000
    with pytest.raises(InvalidTag):
        anonymity.unseal("forms.SurveyPoolEntry", short)
    with pytest.raises(ValueError, match="too long"):
        anonymity.seal("feedback.FeedbackPoolEntry", {"helped": "x" * 70_000})
