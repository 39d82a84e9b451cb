"""The helpdesk part of the HTTP API (mounted at /api/v1/helpdesk/).

`POST inbound-mail` takes one raw RFC 5322 message (from an MTA hook or an IMAP poller),
authenticated with the bearer token in LUUKKU_HELPDESK_INBOUND_TOKEN.
"""

import hmac

from django.conf import settings
from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import HttpBearer

from luukku.helpdesk.inbound import do_receive_mail
from luukku.helpdesk.models import InboundMail

router = Router(tags=["helpdesk"])


class InboundToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> bool | None:
        expected = settings.HELPDESK_INBOUND_TOKEN
        if not expected:
            raise Http404  # the endpoint is off until a token is configured
        return hmac.compare_digest(token.encode(), expected.encode()) or None


class InboundOut(Schema):
    outcome: str
    reference: str


class ApiError(HttpError):
    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(status, detail)
        self.code = code


@router.post(
    "/inbound-mail",
    auth=InboundToken(),
    response={202: InboundOut, 200: InboundOut},
    url_name="helpdesk_inbound_mail",
)
def inbound_mail(request: HttpRequest) -> Status[InboundOut]:
    """Thread one raw e-mail message into its conversation (body: message/rfc822)."""
    if len(request.body) > settings.HELPDESK_INBOUND_MAX_BYTES:
        raise ApiError(413, "too_large", "The message is larger than the configured limit.")
    result = do_receive_mail(request.body)
    if result.outcome == InboundMail.Outcome.REJECTED:
        raise ApiError(422, "rejected", result.reason)
    status = 202 if result.outcome == InboundMail.Outcome.ACCEPTED else 200
    return Status(status, InboundOut(outcome=result.outcome, reference=result.reference))
