"""The signed tracking token a programme page embeds for its tracking script.

It names the member, the programme and its organisation, so the ingest endpoint needs no
database read to know where a batch belongs; a foreign site cannot read it from our page,
which is what protects the (CSRF-exempt) endpoint against cross-site forgery.
"""

from dataclasses import dataclass

from django.core import signing

SALT = "luukku.tracking"
# A page left open longer than this stops counting until it is reloaded.
MAX_AGE_SECONDS = 12 * 60 * 60


class BadTrackingTokenError(Exception):
    """The token is forged, tampered with, expired or malformed."""


@dataclass(frozen=True, slots=True)
class TrackingToken:
    user_id: int
    programme_id: int
    organisation_id: int


def make_tracking_token(*, user_id: int, programme_id: int, organisation_id: int) -> str:
    """Sign the ids of one member in one programme for the page's tracking script."""
    return signing.dumps([user_id, programme_id, organisation_id], salt=SALT)


def read_tracking_token(token: str) -> TrackingToken:
    """Check the signature and age of a token and return its ids."""
    try:
        values = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature too
        raise BadTrackingTokenError from error
    if not (isinstance(values, list) and len(values) == 3):
        raise BadTrackingTokenError
    if not all(type(value) is int for value in values):
        raise BadTrackingTokenError
    return TrackingToken(*values)
