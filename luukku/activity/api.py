"""The activity part of the HTTP API (mounted at /api/v1/activity/).

POST /api/v1/activity/batch takes the tracking script's batches. It is the hottest path
in Luukku, so it reads nothing but the session: the member comes from the session, the
programme and organisation from the signed token the page embedded, and the batch is one
bulk INSERT.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from luukku.activity import actions, ingest
from luukku.activity.tokens import BadTrackingTokenError, read_tracking_token

router = Router(tags=["activity"])


class BatchResult(Schema):
    accepted: int
    ignored: int


class BatchRefusedError(HttpError):
    """An HttpError with the error code config.api puts in {"error": code, "detail": text}."""

    def __init__(self, status_code: int, code: str, detail: str) -> None:
        super().__init__(status_code, detail)
        self.code = code


def _check_same_origin(request: HttpRequest) -> None:
    # The endpoint is CSRF-exempt because navigator.sendBeacon cannot send the CSRF header.
    # The signed token (which another site cannot read) is the real defence; browsers that
    # say where a request comes from are also held to our own origin.
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None and site not in ("same-origin", "none"):
        raise BatchRefusedError(403, "forbidden", "Cross-site requests are refused.")
    origin = request.headers.get("Origin")
    if origin is None or origin in settings.CSRF_TRUSTED_ORIGINS:
        return
    if urlsplit(origin).netloc != request.get_host():
        raise BatchRefusedError(403, "forbidden", "Cross-site requests are refused.")


def _read_body(request: HttpRequest) -> bytes:
    too_large = BatchRefusedError(413, "too_large", "A batch may be at most 64 KB.")
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > ingest.MAX_BODY_BYTES:
        raise too_large
    body = request.body
    if len(body) > ingest.MAX_BODY_BYTES:
        raise too_large
    return body


def _session_user_id(request: HttpRequest) -> int:
    # The id is read from the session without loading the user row: a deactivated or
    # re-passworded account can post until its sessions end, which for a count of active
    # seconds is an acceptable trade for one query less on every batch.
    try:
        return int(request.session[SESSION_KEY])
    except (KeyError, TypeError, ValueError) as error:
        raise BatchRefusedError(401, "unauthenticated", "Sign in first.") from error


@router.post(
    "/batch",
    auth=None,
    response={202: BatchResult},
    url_name="activity_batch",
    summary="Record a batch of browser-observed events",
)
@csrf_exempt  # sendBeacon cannot send the CSRF header; _check_same_origin is the defence
def record_batch(request: HttpRequest) -> Status[BatchResult]:
    """Body: {"token": str, "sent": epoch ms, "events": [{"kind", "target", "at"}, ...]}."""
    _check_same_origin(request)
    body = _read_body(request)
    user_id = _session_user_id(request)
    try:
        batch = ingest.parse_batch(body, now=timezone.now())
    except ingest.InvalidBatchError as error:
        raise BatchRefusedError(400, "invalid", str(error)) from error
    try:
        token = read_tracking_token(batch.token)
    except BadTrackingTokenError as error:
        raise BatchRefusedError(403, "forbidden", "The tracking token is not valid.") from error
    if token.user_id != user_id:
        raise BatchRefusedError(403, "forbidden", "The tracking token belongs to someone else.")
    if actions.is_tracking_revoked(
        user_id=user_id, programme_id=token.programme_id, issued_at=token.issued_at
    ):
        raise BatchRefusedError(403, "forbidden", "You are no longer a member of this programme.")
    accepted = actions.record_batch(
        organisation_id=token.organisation_id,
        programme_id=token.programme_id,
        user_id=user_id,
        events=batch.events,
    )
    return Status(202, BatchResult(accepted=accepted, ignored=batch.ignored))
