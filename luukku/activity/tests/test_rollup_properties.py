"""Incremental rollups equal a full recomputation, and both agree with split_visits."""

import random
import zoneinfo
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luukku.activity.rollups import rebuild_rollups, roll_up_new_events
from luukku.activity.rollups.counting import visit_start_changes
from luukku.activity.tests.rollup_helpers import add_events, assert_sums_agree, day_rows
from luukku.activity.visits import split_visits
from luukku.core.models import Organisation
from luukku.programmes.models import Programme
from luukku.programmes.tests.factories import make_programme

HEL = zoneinfo.ZoneInfo("Europe/Helsinki")
# Starts two days before the autumn DST change, so examples cross it.
START = datetime(2026, 10, 23, 20, 0, tzinfo=UTC)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

times_strategy = st.lists(
    st.integers(min_value=0, max_value=4 * 24 * 60).map(lambda m: START + timedelta(minutes=m)),
    max_size=40,
)


@given(times_strategy, times_strategy)
def test_visit_start_changes_match_splitting_everything_again(
    old: list[datetime], new: list[datetime]
) -> None:
    before = Counter(visit.started_at for visit in split_visits((t, 0) for t in old))
    after = Counter(visit.started_at for visit in split_visits((t, 0) for t in old + new))
    changes: Counter[datetime] = Counter()
    for at, sign in visit_start_changes(old, new):
        changes[at] += sign
    expected = Counter(after)
    expected.subtract(before)
    assert {k: v for k, v in changes.items() if v} == {k: v for k, v in expected.items() if v}


def expected_rows(events: list[tuple[int, datetime]]) -> dict[tuple[int, date], dict[str, int]]:
    """The rollup an independent route gives: split_visits per member, counted by hand."""
    rows: dict[tuple[int, date], Counter[str]] = {}
    for user in {user for user, _at in events}:
        own = [(at, 15) for member, at in events if member == user]
        for visit in split_visits(own):
            local = visit.started_at.astimezone(HEL)
            row = rows.setdefault((user, local.date()), Counter())
            row["visits"] += 1
            row[f"h{local.hour:02d}"] += 1
        credited: set[int] = set()  # active time once per 15-second bucket since the epoch
        for at, seconds in own:
            row = rows.setdefault((user, at.astimezone(HEL).date()), Counter())
            row["events"] += 1
            bucket = (at - EPOCH) // timedelta(seconds=15)
            if bucket not in credited:
                credited.add(bucket)
                row["active_seconds"] += seconds
    return {key: {k: v for k, v in row.items() if v} for key, row in rows.items()}


# Dense events over eight hours across local midnight and the DST change (01:00 UTC on
# 2026-10-25), so gaps near 30 minutes and late events bridging visits are common.
DENSE_START = datetime(2026, 10, 24, 20, 0, tzinfo=UTC)
dense_event = st.tuples(
    st.integers(1, 3),
    st.integers(0, 8 * 60).map(lambda minutes: DENSE_START + timedelta(minutes=minutes)),
)


@pytest.fixture
def programme(organisation: Organisation) -> Programme:
    return make_programme(organisation, time_zone="Europe/Helsinki")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    events=st.lists(dense_event, max_size=30),
    chunks=st.integers(min_value=1, max_value=6),
    batch_size=st.integers(min_value=1, max_value=8),
    order_seed=st.integers(),
)
def test_incremental_rollups_in_any_arrival_order_equal_recomputation(
    programme: Programme,
    events: list[tuple[int, datetime]],
    chunks: int,
    batch_size: int,
    order_seed: int,
) -> None:
    flat = list(events)
    arrival = flat[:]
    random.Random(order_seed).shuffle(arrival)
    with transaction.atomic():
        for index in range(chunks):
            for user, at in arrival[index::chunks]:
                add_events(programme, user, [at])
            roll_up_new_events(batch_size=batch_size)
        incremental = day_rows(programme)
        assert_sums_agree(programme)
        rebuild_rollups()
        assert day_rows(programme) == incremental == expected_rows(flat)
        assert_sums_agree(programme)
        transaction.set_rollback(True)
