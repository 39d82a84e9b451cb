"""The outreach part of the HTTP API (mounted at /api/v1/outreach/).

The same checks and actions as the compose page: a programme the caller does not coach is
a 404, a draft with problems is a 422 naming them, an empty audience a 422 too.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth

from luukku.accounts.adapters import signed_in_user
from luukku.outreach import actions, effect, queries
from luukku.outreach.audiences import DEFAULT_PASSIVE_DAYS, Audience
from luukku.outreach.models import AudienceKind, Channel, Message, TimingKind
from luukku.outreach.planning import Draft

router = Router(tags=["outreach"], auth=django_auth)


class ApiError(HttpError):
    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(status, detail)
        self.code = code


class AudienceIn(Schema):
    kind: AudienceKind = AudienceKind.EVERYONE
    passive_days: int = DEFAULT_PASSIVE_DAYS
    section_id: int | None = None
    user_ids: list[int] = Field(default_factory=list)


class MessageIn(Schema):
    subject: str
    body: str
    channel: Channel = Channel.BOTH
    audience: AudienceIn = Field(default_factory=AudienceIn)
    timing: TimingKind = TimingKind.NOW
    at: datetime | None = None
    section_id: int | None = None
    ignore_quiet_hours: bool = False
    ignore_frequency_cap: bool = False
    holdout_percent: int = 10


class MessageOut(Schema):
    id: int
    subject: str
    channel: str
    audience: str
    timing: str
    send_at: datetime
    status: str
    automation_id: int | None


class MessageRowOut(MessageOut):
    recipient_count: int
    delivered_count: int
    pending_count: int
    holdout_count: int


class ReturnedOut(Schema):
    window_hours: int
    recipients: int
    recipients_returned: int
    holdout: int
    holdout_returned: int
    difference: list[float] | None
    complete: bool


class EffectOut(Schema):
    counts: dict[str, int]
    returned: list[ReturnedOut]
    visits_difference: list[float] | None
    send_day_ratio: float | None
    verdict: str  # by the net 7-day visits
    visits_detectable: float | None
    returns_detectable: float | None


@router.get("/programmes/{programme_id}/messages", response=list[MessageRowOut])
def list_messages(request: HttpRequest, programme_id: int) -> list[object]:
    """The programme's messages, newest first, with delivery counts."""
    programme = queries.access_coached_programme(signed_in_user(request), programme_id)
    return list(queries.messages_with_counts(programme)[:200])


@router.post("/programmes/{programme_id}/messages", response={201: MessageOut})
def create_message(request: HttpRequest, programme_id: int, payload: MessageIn) -> Status[Message]:
    """Queue a message; 422 with the problems by field, or why nobody would receive it."""
    programme = queries.access_coached_programme(signed_in_user(request), programme_id)
    audience = payload.audience
    draft = Draft(
        subject=payload.subject, body=payload.body, channel=payload.channel,
        audience=Audience(audience.kind, audience.passive_days, audience.section_id,
                          tuple(audience.user_ids)),
        timing=payload.timing, at=payload.at, section_id=payload.section_id,
        ignore_quiet_hours=payload.ignore_quiet_hours,
        ignore_frequency_cap=payload.ignore_frequency_cap,
        holdout_percent=payload.holdout_percent,
    )  # fmt: skip
    try:
        message = actions.do_queue_message(
            programme=programme, author=signed_in_user(request), draft=draft
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            parts = [f"{field}: {' '.join(texts)}" for field, texts in error.message_dict.items()]
        else:
            parts = list(error.messages)
        raise ApiError(422, "invalid", " ".join(parts)) from error
    return Status(201, message)


def _interval(value: object) -> list[float] | None:
    if value is None:
        return None
    return [value.estimate, value.low, value.high]  # type: ignore[attr-defined]


@router.get("/programmes/{programme_id}/messages/{message_id}/effect", response=EffectOut)
def message_effect(request: HttpRequest, programme_id: int, message_id: int) -> dict[str, object]:
    """The effect report of one message (see docs/outreach.md for the definitions)."""
    message = queries.access_message(signed_in_user(request), programme_id, message_id)
    report = effect.effect_of(message.programme, queries.message_deliveries(message))
    return {
        "counts": report.counts,
        "returned": [
            {**row.__dict__, "difference": _interval(row.difference)} for row in report.returned
        ],
        "visits_difference": _interval(report.visits_difference),
        "send_day_ratio": report.send_day_ratio,
        "verdict": report.verdict,
        "visits_detectable": report.visits_detectable,
        "returns_detectable": report.returns_detectable,
    }
