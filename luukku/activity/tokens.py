"""The signed tracking token a programme page embeds for its tracking script.

It names the member, the programme and its organisation, so the ingest endpoint needs no
database read to know where a batch belongs; a foreign site cannot read it from our page,
which is what protects the (CSRF-exempt) endpoint against cross-site forgery.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core import signing
from django.utils import timezone

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
    # When it was signed, so that leaving the programme can end it (TrackingRevocation).
    issued_at: dt.datetime = field(default=dt.datetime.min.replace(tzinfo=dt.UTC), compare=False)


def make_tracking_token(*, user_id: int, programme_id: int, organisation_id: int) -> str:
    """Sign the ids of one member in one programme, and the time, for the tracking script."""
    issued_ms = int(timezone.now().timestamp() * 1000)
    return signing.dumps([user_id, programme_id, organisation_id, issued_ms], salt=SALT)


def read_tracking_token(token: str) -> TrackingToken:
    """Check the signature and age of a token and return its ids."""
    try:
        values = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature too
        raise BadTrackingTokenError from error
    # Three ids: a token signed before issue times were added (it counts as issued long ago).
    if not (isinstance(values, list) and len(values) in (3, 4)):
        raise BadTrackingTokenError
    if not all(type(value) is int for value in values):
        raise BadTrackingTokenError
    issued_ms = values[3] if len(values) == 4 else 0
    issued_at = dt.datetime.fromtimestamp(issued_ms / 1000, tz=dt.UTC)
    return TrackingToken(values[0], values[1], values[2], issued_at)
