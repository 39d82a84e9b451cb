"""Rolling the event log up into day rows: incrementally (the sweep) or from scratch.

Both paths hold the RollupCursor row lock, so two sweepers, or a sweeper and a rebuild,
never add the same events twice. The processed events are exactly those with an id up to
the cursor and not pending; every write below keeps that true.
"""

import logging
import time
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from luukku.activity.models import NOT_VISIT_KINDS, Event, ProgrammeRollup, RollupCursor
from luukku.activity.rollups.counting import RawEvent, Tally, visit_start_changes
from luukku.activity.rollups.store import (
    MemberKey,
    delete_rollups,
    read_states,
    write_days,
    write_states,
    write_targets,
)
from luukku.activity.visits import VISIT_GAP, ping_bucket

logger = logging.getLogger(__name__)

BATCH_SIZE = 50_000
# A skipped id is waited for this long: longer than any transaction that inserts events.
PENDING_TTL = timedelta(minutes=10)
MAX_PENDING = 10_000
FLUSH_DAYS = 20_000
FIELDS = (
    "id",
    "organisation_id",
    "programme_id",
    "user_id",
    "kind",
    "target",
    "occurred_at",
    "active_seconds",
)
Spans = dict[MemberKey, tuple[int, datetime, datetime]]


def _locked_cursor() -> RollupCursor:
    RollupCursor.objects.get_or_create(name="events")
    return RollupCursor.objects.select_for_update().get(name="events")


def _processed(cursor: RollupCursor) -> QuerySet[Event]:
    pending = [entry[0] for entry in cursor.pending]
    return Event.objects.filter(id__lte=cursor.last_event_id).exclude(id__in=pending)


def programme_zones(programme_ids: Iterable[int]) -> dict[int, zoneinfo.ZoneInfo]:
    """The zone each programme's rollups use, recorded on first sight."""
    from luukku.programmes.models import Programme

    wanted = set(programme_ids)
    known = dict(
        ProgrammeRollup.objects.filter(programme_id__in=wanted).values_list(
            "programme_id", "time_zone"
        )
    )
    missing = wanted - known.keys()
    if missing:
        current = dict(Programme.objects.filter(pk__in=missing).values_list("pk", "time_zone"))
        for programme_id in missing:
            known[programme_id] = current.get(programme_id) or settings.LUUKKU_TIME_ZONE
        ProgrammeRollup.objects.bulk_create(
            [ProgrammeRollup(programme_id=p, time_zone=known[p]) for p in missing],
            ignore_conflicts=True,
        )
    return {programme_id: zoneinfo.ZoneInfo(zone) for programme_id, zone in known.items()}


def _tally_member(
    tally: Tally,
    spans: Spans,
    own: list[RawEvent],
    zone: zoneinfo.ZoneInfo,
    old: list[datetime],
    old_buckets: set[int],
) -> None:
    """Add one member's new events, given the already counted times and ping buckets near
    them."""
    programme_id, user_id = own[0].programme_id, own[0].user_id
    times = visit_times(own)
    for at, sign in visit_start_changes(old, times):
        tally.add_visit_start(programme_id, user_id, at, zone, sign)
    tally.add_member_events(own, zone, old_buckets)
    if not times:
        return  # only message opens and clicks: no visit, no watermark to move
    key = (programme_id, user_id)
    first, last = times[0], times[-1]
    if key in spans:
        first, last = min(first, spans[key][1]), max(last, spans[key][2])
    spans[key] = (own[0].organisation_id, first, last)


def visit_times(events: Iterable[RawEvent]) -> list[datetime]:
    """The distinct times of the events that make up visits (not message opens and clicks)."""
    return sorted({event.occurred_at for event in events if event.kind not in NOT_VISIT_KINDS})


def _flush(tally: Tally, spans: Spans, organisations: dict[int, int], *, merge: bool) -> None:
    write_days(tally, organisations, merge=merge)
    write_targets(tally, merge=merge)
    if spans:
        write_states(spans)


# ---- incremental ---------------------------------------------------------------------


def _old_times(
    state_span: tuple[datetime, datetime] | None, times: list[datetime]
) -> list[datetime] | None:
    """Counted times near the new ones: the watermark, or None when a window must be read.

    The watermark is enough when every new event is later and in a later 15-second bucket:
    then no counted ping can share a bucket with a new one either.
    """
    if state_span is None:
        return []
    last = state_span[1]
    if times[0] > last and ping_bucket(times[0]) > ping_bucket(last):
        return [last]
    return None


def _roll_up_events(events: list[RawEvent], processed: QuerySet[Event]) -> None:
    by_member: dict[MemberKey, list[RawEvent]] = defaultdict(list)
    organisations: dict[int, int] = {}
    for event in events:
        by_member[(event.programme_id, event.user_id)].append(event)
        organisations[event.programme_id] = event.organisation_id
    zones = programme_zones(organisations)
    states = read_states(by_member)
    spans: Spans = {
        key: (state.organisation_id, state.first_event_at, state.last_event_at)
        for key, state in states.items()
    }
    tally = Tally.empty()
    for key, own in by_member.items():
        times = visit_times(own)
        if not times:
            _tally_member(tally, spans, own, zones[key[0]], [], set())
            continue
        old = _old_times((spans[key][1], spans[key][2]) if key in spans else None, times)
        old_buckets: set[int] = set()
        if old is None:
            # An event older than the watermark (a late or repeated batch): read the
            # member's counted events around the new ones, bounded by member and time.
            window = processed.filter(
                programme_id=key[0],
                user_id=key[1],
                occurred_at__range=(times[0] - VISIT_GAP, times[-1] + VISIT_GAP),
            ).exclude(kind__in=NOT_VISIT_KINDS)
            rows = list(window.values_list("occurred_at", "active_seconds"))
            old = [at for at, _seconds in rows]
            old_buckets = {ping_bucket(at) for at, seconds in rows if seconds}
        _tally_member(tally, spans, own, zones[key[0]], old, old_buckets)
    _flush(tally, {key: spans[key] for key in by_member if key in spans}, organisations, merge=True)


def _holes(previous_last: int, ids: list[int]) -> list[int]:
    """Ids between the old cursor and the newest read that were not there (yet).

    A cursor that never moved has no "before": ids below the first one read are not holes
    (a database whose ids start high, after deletions or in tests, would fill the list).
    """
    holes: list[int] = []
    expected = previous_last + 1 if previous_last else (ids[0] if ids else 1)
    for event_id in ids:
        holes.extend(range(expected, min(event_id, expected + MAX_PENDING)))
        expected = event_id + 1
    return holes


def _read_batch(cursor: RollupCursor, batch_size: int) -> list[RawEvent]:
    """The next events by id, and those that appeared in earlier holes; moves the cursor."""
    pending = {entry[0]: entry[1] for entry in cursor.pending}
    appeared = list(Event.objects.filter(id__in=pending).values_list(*FIELDS)) if pending else []
    newer = Event.objects.filter(id__gt=cursor.last_event_id).order_by("id")
    fresh = list(newer.values_list(*FIELDS)[:batch_size])
    ids = [row[0] for row in fresh]
    now = timezone.now()
    for row in appeared:
        pending.pop(row[0])
    cutoff = (now - PENDING_TTL).isoformat()
    kept = [[event_id, seen] for event_id, seen in pending.items() if seen > cutoff]
    kept += [[hole, now.isoformat()] for hole in _holes(cursor.last_event_id, ids)]
    if len(kept) > MAX_PENDING:
        logger.warning("Rollup: %d ids skipped, keeping the newest %d", len(kept), MAX_PENDING)
        kept = kept[-MAX_PENDING:]
    cursor.pending = kept
    cursor.last_event_id = ids[-1] if ids else cursor.last_event_id
    return [RawEvent(*row) for row in [*appeared, *fresh]]


def _roll_up_one_batch(batch_size: int) -> int:
    with transaction.atomic():
        cursor = _locked_cursor()
        processed = _processed(cursor)
        events = _read_batch(cursor, batch_size)
        if events:
            _roll_up_events(events, processed)
        cursor.save(update_fields=["last_event_id", "pending"])
        return len(events)


def roll_up_new_events(*, batch_size: int = BATCH_SIZE, time_budget: float | None = None) -> int:
    """Add every event not yet rolled up, one locked batch at a time; return how many.

    With `time_budget` (seconds), stop after the batch that exceeds it: the sweep does
    bounded work and the next run carries on from the cursor.
    """
    rebuild_changed_zones()
    started, total = time.monotonic(), 0
    while True:
        count = _roll_up_one_batch(batch_size)
        total += count
        if count < batch_size:
            return total
        if time_budget is not None and time.monotonic() - started > time_budget:
            return total


# ---- from scratch --------------------------------------------------------------------


def rebuild_rollups(*, programme_ids: list[int] | None = None) -> int:
    """Recompute the rollups of some programmes (None: all) from the events; return events read.

    For the demo, the bench, after a programme's time zone changed, or after events were
    erased. Rebuilding everything also moves the cursor to the newest event.
    """
    with transaction.atomic():
        cursor = _locked_cursor()
        delete_rollups(programme_ids)
        recorded = ProgrammeRollup.objects.all()
        if programme_ids is None:
            cursor.last_event_id = Event.objects.aggregate(last=Max("id"))["last"] or 0
            cursor.pending = []
            cursor.save(update_fields=["last_event_id", "pending"])
        else:
            recorded = recorded.filter(programme_id__in=programme_ids)
        recorded.delete()
        events = _processed(cursor)
        if programme_ids is not None:
            events = events.filter(programme_id__in=programme_ids)
        return _recompute(events)


def _recompute(events: QuerySet[Event]) -> int:
    rows = events.order_by("programme_id", "user_id", "occurred_at").values_list(*FIELDS)
    tally, spans, organisations = Tally.empty(), Spans(), dict[int, int]()
    zones: dict[int, zoneinfo.ZoneInfo] = {}
    own: list[RawEvent] = []
    count = 0
    for row in rows.iterator(chunk_size=10_000):
        event = RawEvent(*row)
        count += 1
        if own and (own[0].programme_id, own[0].user_id) != (event.programme_id, event.user_id):
            _recompute_member(tally, spans, own, zones)
            own = []
            if len(tally.days) > FLUSH_DAYS:
                _flush(tally, spans, organisations, merge=False)
                tally, spans = Tally.empty(), {}
        own.append(event)
        organisations[event.programme_id] = event.organisation_id
    if own:
        _recompute_member(tally, spans, own, zones)
    _flush(tally, spans, organisations, merge=False)
    return count


def _recompute_member(
    tally: Tally, spans: Spans, own: list[RawEvent], zones: dict[int, zoneinfo.ZoneInfo]
) -> None:
    programme_id = own[0].programme_id
    if programme_id not in zones:
        zones.update(programme_zones([programme_id]))
    _tally_member(tally, spans, own, zones[programme_id], [], set())


def rebuild_changed_zones() -> list[int]:
    """Rebuild programmes whose time zone changed since their rollups were computed."""
    from luukku.programmes.models import Programme

    recorded = dict(ProgrammeRollup.objects.values_list("programme_id", "time_zone"))
    current = Programme.objects.filter(pk__in=recorded).values_list("pk", "time_zone")
    changed = [pk for pk, zone in current if recorded[pk] != zone]
    if changed:
        rebuild_rollups(programme_ids=changed)
    return changed
