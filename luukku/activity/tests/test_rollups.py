"""Rollups against hand-built event logs with known answers."""

from datetime import date, timedelta

import pytest
from django.db.models import Max

from luukku.activity.models import (
    Event,
    EventKind,
    MemberDayRollup,
    MemberRollupState,
    MemberTargetRollup,
    RollupCursor,
)
from luukku.activity.rollups import rebuild_rollups, roll_up_new_events
from luukku.activity.tests.rollup_helpers import add_events, at, day_rows
from luukku.core.models import Organisation
from luukku.core.sweeps import registered_sweeps
from luukku.programmes.models import Programme
from luukku.programmes.tests.factories import make_page, make_programme, make_section

HEL = "Europe/Helsinki"
USER = 901


@pytest.fixture
def programme(organisation: Organisation) -> Programme:
    return make_programme(organisation, time_zone=HEL)


def test_gap_of_exactly_thirty_minutes_continues_and_one_more_second_splits(
    programme: Programme,
) -> None:
    add_events(programme, USER, [at(HEL, 2026, 1, 12, 10, 0), at(HEL, 2026, 1, 12, 10, 30)])
    add_events(programme, USER, [at(HEL, 2026, 1, 12, 11, 0, 1)])
    roll_up_new_events()
    assert day_rows(programme) == {
        (USER, date(2026, 1, 12)): {
            "visits": 2, "active_seconds": 45, "events": 3, "h10": 1, "h11": 1,
        }
    }  # fmt: skip


def test_a_visit_across_midnight_counts_once_on_its_first_day(programme: Programme) -> None:
    add_events(programme, USER, [at(HEL, 2026, 1, 12, 23, 50), at(HEL, 2026, 1, 13, 0, 10)])
    roll_up_new_events()
    rows = day_rows(programme)
    assert rows[(USER, date(2026, 1, 12))] == {
        "visits": 1, "active_seconds": 15, "events": 1, "h23": 1,
    }  # fmt: skip
    assert rows[(USER, date(2026, 1, 13))] == {"active_seconds": 15, "events": 1}


def test_a_visit_continuing_after_a_previous_rollup_is_not_counted_twice(
    programme: Programme,
) -> None:
    add_events(programme, USER, [at(HEL, 2026, 1, 12, 23, 50)])
    roll_up_new_events()
    add_events(programme, USER, [at(HEL, 2026, 1, 13, 0, 15), at(HEL, 2026, 1, 13, 9, 0)])
    roll_up_new_events()
    rows = day_rows(programme)
    assert rows[(USER, date(2026, 1, 12))]["visits"] == 1
    assert rows[(USER, date(2026, 1, 13))] == {
        "visits": 1, "active_seconds": 30, "events": 2, "h09": 1,
    }  # fmt: skip


def test_spring_dst_day_joins_a_visit_across_the_missing_hour(programme: Programme) -> None:
    # 2026-03-29 in Helsinki: 03:00 becomes 04:00, so 02:50 and 04:10 are 20 minutes apart.
    add_events(programme, USER, [at(HEL, 2026, 3, 29, 2, 50), at(HEL, 2026, 3, 29, 4, 10)])
    roll_up_new_events()
    assert day_rows(programme) == {
        (USER, date(2026, 3, 29)): {"visits": 1, "active_seconds": 30, "events": 2, "h02": 1}
    }


def test_autumn_dst_day_counts_the_repeated_hour_twice(programme: Programme) -> None:
    # 2026-10-25 in Helsinki: 04:00 goes back to 03:00; the two 03:20s are an hour apart.
    first, second = at(HEL, 2026, 10, 25, 3, 20), at(HEL, 2026, 10, 25, 3, 20, fold=1)
    assert second - first == timedelta(hours=1)
    add_events(programme, USER, [first, second])
    roll_up_new_events()
    assert day_rows(programme)[(USER, date(2026, 10, 25))]["h03"] == 2


@pytest.mark.parametrize(
    ("hour", "minute", "column"),
    [
        (6, 59, "h06"),
        (7, 0, "h07"),
        (16, 59, "h16"),
        (17, 0, "h17"),
        (22, 59, "h22"),
        (23, 0, "h23"),
    ],
)
def test_day_part_edges_fall_in_their_local_hour(
    programme: Programme, hour: int, minute: int, column: str
) -> None:
    add_events(programme, USER, [at(HEL, 2026, 2, 2, hour, minute)])
    roll_up_new_events()
    assert day_rows(programme)[(USER, date(2026, 2, 2))][column] == 1


def test_days_and_hours_follow_the_programme_zone(organisation: Organisation) -> None:
    programme = make_programme(organisation, time_zone="America/New_York")
    add_events(programme, USER, [at("UTC", 2026, 1, 15, 3, 30)])
    roll_up_new_events()
    assert day_rows(programme) == {
        (USER, date(2026, 1, 14)): {"visits": 1, "active_seconds": 15, "events": 1, "h22": 1}
    }


def test_a_late_event_that_bridges_two_visits_merges_them(programme: Programme) -> None:
    add_events(programme, USER, [at(HEL, 2026, 1, 12, 10, 0), at(HEL, 2026, 1, 12, 10, 50)])
    roll_up_new_events()
    assert day_rows(programme)[(USER, date(2026, 1, 12))]["visits"] == 2
    add_events(programme, USER, [at(HEL, 2026, 1, 12, 10, 25)], kind=EventKind.PAGE_VIEW)
    roll_up_new_events()
    assert day_rows(programme)[(USER, date(2026, 1, 12))] == {
        "visits": 1, "active_seconds": 30, "events": 3, "page_views": 1, "h10": 1,
    }  # fmt: skip


def test_kinds_targets_and_watermark_are_kept(programme: Programme) -> None:
    section = make_section(programme)
    page = make_page(section)
    add_events(programme, USER, [at(HEL, 2026, 1, 12, 10, 0)], kind=EventKind.POST)
    Event.objects.filter(user_id=USER).update(target=f"page:{page.pk}")
    add_events(programme, USER, [at(HEL, 2026, 1, 12, 10, 5)], kind=EventKind.COMMENT)
    roll_up_new_events()
    row = MemberDayRollup.objects.get(user_id=USER)
    assert (row.posts, row.comments, row.events, row.active_seconds) == (1, 1, 2, 0)
    target = MemberTargetRollup.objects.get(user_id=USER)
    assert (target.target_type, target.target_id, target.section_id) == (
        "page",
        page.pk,
        section.pk,
    )
    state = MemberRollupState.objects.get(user_id=USER)
    assert state.last_event_at == at(HEL, 2026, 1, 12, 10, 5)


def test_an_id_that_appears_late_is_still_rolled_up(programme: Programme) -> None:
    _first, hidden, _last = add_events(
        programme, USER, [at(HEL, 2026, 1, 12, h) for h in (9, 11, 13)]
    )
    hidden_row = Event.objects.get(pk=hidden.pk)
    hidden.delete()  # as if its transaction had not committed yet when the sweep read
    roll_up_new_events()
    assert [entry[0] for entry in RollupCursor.objects.get().pending] == [hidden_row.pk]
    hidden_row.save(force_insert=True)
    roll_up_new_events()
    assert day_rows(programme)[(USER, date(2026, 1, 12))]["visits"] == 3
    assert RollupCursor.objects.get().pending == []


def test_a_changed_programme_zone_rebuilds_its_rollups(programme: Programme) -> None:
    add_events(programme, USER, [at("UTC", 2026, 1, 15, 3, 30)])
    roll_up_new_events()
    assert (USER, date(2026, 1, 15)) in day_rows(programme)
    Programme.objects.filter(pk=programme.pk).update(time_zone="America/New_York")
    roll_up_new_events()
    assert list(day_rows(programme)) == [(USER, date(2026, 1, 14))]


def test_rebuild_equals_the_incremental_result(programme: Programme) -> None:
    base = at(HEL, 2026, 1, 12, 8, 0)
    for step in range(12):
        add_events(programme, USER + step % 3, [base + timedelta(minutes=17 * step * step)])
        roll_up_new_events(batch_size=2)
    incremental = day_rows(programme)
    rebuild_rollups()
    assert day_rows(programme) == incremental
    assert RollupCursor.objects.get().last_event_id == Event.objects.aggregate(m=Max("id"))["m"]


def test_the_rollup_sweep_is_registered() -> None:
    assert "activity.rollups" in {sweep.name for sweep in registered_sweeps()}


def test_members_page_figures_add_events_not_yet_rolled_up(programme: Programme) -> None:
    from django.utils import timezone

    from luukku.activity.queries import participation_by_member

    now = timezone.now()
    add_events(programme, USER, [now - timedelta(hours=2)])
    roll_up_new_events()
    add_events(programme, USER, [now - timedelta(minutes=1), now])
    before = participation_by_member(programme.pk)[USER]
    roll_up_new_events()
    after = participation_by_member(programme.pk)[USER]
    assert before == after
    assert (after["visits"], after["active_seconds"], after["last_seen_at"]) == (2, 45, now)


def test_day_rollup_columns_are_the_counters_the_rollup_code_keeps() -> None:
    from luukku.activity.models import COUNTER_COLUMNS, DayCounters

    declared = [field.name for field in DayCounters._meta.get_fields()]
    assert declared == list(COUNTER_COLUMNS)
