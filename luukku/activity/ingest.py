"""Reading a tracking batch sent by the browser: cheap checks, nothing trusted.

The client can only report what only the browser observes (active time, opening a file);
everything else is recorded by the server where it happens. Entries that are malformed,
of another kind or that carry fields of their own (ids) are dropped and counted, never
stored. The server's clock is authoritative.
"""

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from luukku.activity.actions import TARGET_MAX_LENGTH, NewEvent
from luukku.activity.models import EventKind
from luukku.core.safe_input import BadInputError, loads_json

CLIENT_KINDS = frozenset({EventKind.ACTIVE_PING.value, EventKind.FILE_OPEN.value})
EVENT_FIELDS = frozenset({"kind", "target", "at"})
MAX_EVENTS = 50
MAX_BODY_BYTES = 64 * 1024
# Client times are shifted by the client's clock error and then kept within this much
# before the server's now: a batch is flushed at least every minute while the page lives.
CLOCK_TOLERANCE = timedelta(minutes=5)
# Pings come every 15 s; closer ones in one batch are repeats (or forgeries), not time.
MIN_PING_SPACING = timedelta(seconds=10)


class InvalidBatchError(ValueError):
    """The body is not a batch at all (not JSON, no token, no event list)."""


@dataclass(frozen=True, slots=True)
class Batch:
    token: str
    events: list[NewEvent]
    ignored: int


def parse_batch(body: bytes, *, now: datetime) -> Batch:
    """Parse a batch body; keep at most MAX_EVENTS well-formed client events."""
    try:
        data = loads_json(body)  # also refuses deep nesting, NUL and lone surrogates
    except BadInputError as error:
        raise InvalidBatchError(error.detail) from error
    if not isinstance(data, dict):
        raise InvalidBatchError("The body must be a JSON object.")
    token, raw_events = data.get("token"), data.get("events")
    if not isinstance(token, str) or not token:
        raise InvalidBatchError("The tracking token is missing.")
    if not isinstance(raw_events, list):
        raise InvalidBatchError("'events' must be a list.")
    offset = _clock_offset(data.get("sent"), now)
    parsed = (_parse_event(raw, now, offset) for raw in raw_events[:MAX_EVENTS])
    events = _space_pings([event for event in parsed if event is not None])
    return Batch(token=token, events=events, ignored=len(raw_events) - len(events))


def _client_time(value: object) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    try:
        return datetime.fromtimestamp(value / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _clock_offset(sent: object, now: datetime) -> timedelta:
    """How far the client's clock is behind ours, from the time it says it sent the batch."""
    client_now = _client_time(sent)
    return now - client_now if client_now is not None else timedelta(0)


def _parse_event(raw: object, now: datetime, offset: timedelta) -> NewEvent | None:
    if not isinstance(raw, dict) or not raw.keys() <= EVENT_FIELDS:
        return None
    kind, target = raw.get("kind"), raw.get("target", "")
    if not isinstance(kind, str) or kind not in CLIENT_KINDS or not isinstance(target, str):
        return None
    if len(target) > TARGET_MAX_LENGTH:
        return None
    at = now
    if "at" in raw:
        client_at = _client_time(raw["at"])
        if client_at is None:
            return None
        at = min(now, max(now - CLOCK_TOLERANCE, client_at + offset))
    return NewEvent(kind=kind, target=target, occurred_at=at)


def _space_pings(events: list[NewEvent]) -> list[NewEvent]:
    pings = sorted(
        (event for event in events if event.kind == EventKind.ACTIVE_PING),
        key=lambda event: event.occurred_at,
    )
    kept: list[NewEvent] = [event for event in events if event.kind != EventKind.ACTIVE_PING]
    last: datetime | None = None
    for ping in pings:
        if last is None or ping.occurred_at - last >= MIN_PING_SPACING:
            kept.append(ping)
            last = ping.occurred_at
    return kept
