"""Adding a Tally to the stored rollup rows: read the rows it touches, add, upsert."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Q

from luukku.activity.models import (
    COUNTER_COLUMNS,
    MemberDayRollup,
    MemberRollupState,
    MemberTargetRollup,
    MemberWeekRollup,
    ProgrammeDayRollup,
)
from luukku.activity.rollups.counting import (
    ACTIVE_SECONDS,
    VISITS,
    DayKey,
    Tally,
    TargetKey,
)

WRITE_BATCH = 2000
# Members per "user_id IN (...)" when reading rows back: SQLite limits query parameters.
READ_CHUNK = 500

MemberKey = tuple[int, int]  # programme id, user id


def _chunks(values: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(values), READ_CHUNK):
        yield values[start : start + READ_CHUNK]


def _users_by_programme(keys: Iterable[tuple[Any, ...]]) -> dict[int, list[int]]:
    users: dict[int, set[int]] = defaultdict(set)
    for key in keys:
        users[key[0]].add(key[1])
    return {programme_id: sorted(ids) for programme_id, ids in users.items()}


def _add_existing_days(days: dict[DayKey, list[int]]) -> None:
    first, last = min(key[2] for key in days), max(key[2] for key in days)
    for programme_id, user_ids in _users_by_programme(days).items():
        for chunk in _chunks(user_ids):
            rows = MemberDayRollup.objects.filter(
                programme_id=programme_id, user_id__in=chunk, day__range=(first, last)
            ).values_list("user_id", "day", *COUNTER_COLUMNS)
            for user_id, day, *stored in rows:
                counters = days.get((programme_id, user_id, day))
                if counters is not None:
                    counters[:] = [a + b for a, b in zip(counters, stored, strict=True)]


def _programme_and_week_deltas(
    days: dict[DayKey, list[int]],
) -> tuple[dict[tuple[int, date], list[int]], dict[tuple[int, int, date], list[int]]]:
    by_programme: dict[tuple[int, date], list[int]] = {}
    by_week: dict[tuple[int, int, date], list[int]] = {}
    for (programme_id, user_id, day), counters in days.items():
        total = by_programme.setdefault((programme_id, day), [0] * len(counters))
        total[:] = [a + b for a, b in zip(total, counters, strict=True)]
        week = by_week.setdefault(
            (programme_id, user_id, day - timedelta(days=day.weekday())), [0, 0]
        )
        week[0] += counters[VISITS]
        week[1] += counters[ACTIVE_SECONDS]
    return by_programme, by_week


def _add_programme_days(
    deltas: dict[tuple[int, date], list[int]], organisations: dict[int, int]
) -> None:
    for programme_id in {key[0] for key in deltas}:
        days = [key[1] for key in deltas if key[0] == programme_id]
        stored = ProgrammeDayRollup.objects.filter(
            programme_id=programme_id, day__range=(min(days), max(days))
        ).values_list("day", *COUNTER_COLUMNS)
        for day, *counters in stored:
            found = deltas.get((programme_id, day))
            if found is not None:
                found[:] = [a + b for a, b in zip(found, counters, strict=True)]
    rows = [
        ProgrammeDayRollup(
            organisation_id=organisations[programme_id], programme_id=programme_id, day=day,
            **dict(zip(COUNTER_COLUMNS, counters, strict=True)),
        )
        for (programme_id, day), counters in deltas.items()
    ]  # fmt: skip
    ProgrammeDayRollup.objects.bulk_create(
        rows, batch_size=WRITE_BATCH, update_conflicts=True,
        unique_fields=["programme_id", "day"], update_fields=list(COUNTER_COLUMNS),
    )  # fmt: skip


def _add_member_weeks(
    deltas: dict[tuple[int, int, date], list[int]], organisations: dict[int, int]
) -> None:
    first, last = min(key[2] for key in deltas), max(key[2] for key in deltas)
    for programme_id, user_ids in _users_by_programme(deltas).items():
        for chunk in _chunks(user_ids):
            stored = MemberWeekRollup.objects.filter(
                programme_id=programme_id, user_id__in=chunk, week__range=(first, last)
            ).values_list("user_id", "week", "visits", "active_seconds")
            for user_id, week, visits, seconds in stored:
                found = deltas.get((programme_id, user_id, week))
                if found is not None:
                    found[0] += visits
                    found[1] += seconds
    rows = [
        MemberWeekRollup(
            organisation_id=organisations[programme_id], programme_id=programme_id,
            user_id=user_id, week=week, visits=visits, active_seconds=seconds,
        )
        for (programme_id, user_id, week), (visits, seconds) in deltas.items()
    ]  # fmt: skip
    MemberWeekRollup.objects.bulk_create(
        rows, batch_size=WRITE_BATCH, update_conflicts=True,
        unique_fields=["programme_id", "user_id", "week"],
        update_fields=["visits", "active_seconds"],
    )  # fmt: skip


def write_days(tally: Tally, organisations: dict[int, int], *, merge: bool) -> None:
    """Upsert the tally's day counters; with `merge`, add to what is stored.

    The programme-day and member-week sums always add the tally's counters (which are
    changes at this point, before the stored day rows are added in).
    """
    if not tally.days:
        return
    by_programme, by_week = _programme_and_week_deltas(tally.days)
    _add_programme_days(by_programme, organisations)
    _add_member_weeks(by_week, organisations)
    if merge:
        _add_existing_days(tally.days)
    rows = [
        MemberDayRollup(
            organisation_id=organisations[programme_id],
            programme_id=programme_id,
            user_id=user_id,
            day=day,
            **dict(zip(COUNTER_COLUMNS, counters, strict=True)),
        )
        for (programme_id, user_id, day), counters in tally.days.items()
    ]
    MemberDayRollup.objects.bulk_create(
        rows,
        batch_size=WRITE_BATCH,
        update_conflicts=merge,
        unique_fields=["programme_id", "user_id", "day"] if merge else None,
        update_fields=list(COUNTER_COLUMNS) if merge else None,
    )


def _drop_known_targets(targets: dict[TargetKey, datetime]) -> None:
    """Forget targets already stored with an earlier or equal first time: nothing to write."""
    target_ids = sorted({key[3] for key in targets})
    for programme_id, user_ids in _users_by_programme(targets).items():
        for chunk in _chunks(user_ids):
            rows = MemberTargetRollup.objects.filter(
                programme_id=programme_id, user_id__in=chunk, target_id__in=target_ids
            ).values_list("user_id", "target_type", "target_id", "first_at")
            for user_id, target_type, target_id, first_at in rows:
                key = (programme_id, user_id, target_type, target_id)
                if key in targets and first_at <= targets[key]:
                    del targets[key]


def _sections(targets: Iterable[TargetKey]) -> dict[TargetKey, int]:
    """The section of each section, page or file target, if it is in the same programme."""
    from luukku.programmes.models import Page, PageFile, Section

    wanted: dict[tuple[int, str], set[int]] = defaultdict(set)
    for programme_id, _user_id, target_type, target_id in targets:
        wanted[(programme_id, target_type)].add(target_id)
    found: dict[tuple[int, str, int], int] = {}
    for (programme_id, target_type), ids in wanted.items():
        rows: Iterable[tuple[int, int]]
        if target_type == "section":
            rows = Section.objects.filter(programme_id=programme_id, pk__in=ids).values_list(
                "pk", "pk"
            )
        elif target_type == "page":
            rows = Page.objects.filter(section__programme_id=programme_id, pk__in=ids).values_list(
                "pk", "section_id"
            )
        else:
            rows = PageFile.objects.filter(
                page__section__programme_id=programme_id, pk__in=ids
            ).values_list("pk", "page__section_id")
        found.update({(programme_id, target_type, pk): section for pk, section in rows})
    return {
        key: found[(key[0], key[2], key[3])] for key in targets if (key[0], key[2], key[3]) in found
    }


def write_targets(tally: Tally, *, merge: bool) -> None:
    if not tally.targets:
        return
    if merge:
        _drop_known_targets(tally.targets)
    sections = _sections(tally.targets)
    rows = [
        MemberTargetRollup(
            programme_id=programme_id,
            user_id=user_id,
            target_type=target_type,
            target_id=target_id,
            section_id=sections.get((programme_id, user_id, target_type, target_id)),
            first_at=first_at,
        )
        for (programme_id, user_id, target_type, target_id), first_at in tally.targets.items()
    ]
    MemberTargetRollup.objects.bulk_create(
        rows,
        batch_size=WRITE_BATCH,
        update_conflicts=merge,
        unique_fields=["programme_id", "user_id", "target_type", "target_id"] if merge else None,
        update_fields=["first_at"] if merge else None,
    )


def read_states(members: Iterable[MemberKey]) -> dict[MemberKey, MemberRollupState]:
    states = {}
    for programme_id, user_ids in _users_by_programme(members).items():
        for chunk in _chunks(user_ids):
            for state in MemberRollupState.objects.filter(
                programme_id=programme_id, user_id__in=chunk
            ):
                states[(state.programme_id, state.user_id)] = state
    return states


def write_states(spans: dict[MemberKey, tuple[int, datetime, datetime]]) -> None:
    """Upsert (organisation id, first event, last event) per member; spans are already merged."""
    rows = [
        MemberRollupState(
            organisation_id=organisation_id,
            programme_id=programme_id,
            user_id=user_id,
            first_event_at=first,
            last_event_at=last,
        )
        for (programme_id, user_id), (organisation_id, first, last) in spans.items()
    ]
    MemberRollupState.objects.bulk_create(
        rows,
        batch_size=WRITE_BATCH,
        update_conflicts=True,
        unique_fields=["programme_id", "user_id"],
        update_fields=["first_event_at", "last_event_at"],
    )


def delete_rollups(programme_ids: list[int] | None) -> None:
    """Forget the rollups of some programmes (None: of all)."""
    scope = Q() if programme_ids is None else Q(programme_id__in=programme_ids)
    models = (
        MemberDayRollup, MemberRollupState, MemberTargetRollup, MemberWeekRollup,
        ProgrammeDayRollup,
    )  # fmt: skip
    for model in models:
        model.objects.filter(scope).delete()
