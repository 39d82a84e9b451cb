from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from luukku.activity import queries
from luukku.activity.actions import record_event
from luukku.activity.models import EventKind
from luukku.activity.visits import Visit

START = datetime(2025, 5, 12, 8, 0, tzinfo=UTC)


def record(kind: EventKind, at: datetime, *, user_id: int = 1, programme_id: int = 10) -> None:
    record_event(
        organisation_id=100, programme_id=programme_id, user_id=user_id, kind=kind, occurred_at=at
    )


def minutes(value: float) -> datetime:
    return START + timedelta(minutes=value)


@pytest.fixture
def two_visits(db: None) -> None:
    record(EventKind.PAGE_VIEW, minutes(0))
    for offset in (0.25, 0.5, 0.75):
        record(EventKind.ACTIVE_PING, minutes(offset))
    record(EventKind.PAGE_VIEW, minutes(30.75))  # 30 min after the last ping: same visit
    record(EventKind.PAGE_VIEW, minutes(120))  # a visit of a page view only
    record(EventKind.ACTIVE_PING, minutes(5), user_id=2)  # someone else
    record(EventKind.ACTIVE_PING, minutes(5), programme_id=11)  # another programme


def test_visits_are_split_by_thirty_minute_gaps_with_active_time(two_visits: None) -> None:
    assert queries.visits_for(1, 10) == [
        Visit(minutes(0), minutes(30.75), 45, 5),
        Visit(minutes(120), minutes(120), 0, 1),
    ]


def test_visits_since_ignore_older_events(two_visits: None) -> None:
    assert queries.visits_for(1, 10, since=minutes(60)) == [Visit(minutes(120), minutes(120), 0, 1)]


def test_previous_visit_ended_at_skips_the_current_visit(two_visits: None) -> None:
    with time_machine.travel(minutes(125), tick=False):
        assert queries.previous_visit_ended_at(1, 10) == minutes(30.75)


def test_previous_visit_is_the_last_one_once_it_is_over(two_visits: None) -> None:
    with time_machine.travel(minutes(200), tick=False):
        assert queries.previous_visit_ended_at(1, 10) == minutes(120)


@pytest.mark.django_db
def test_no_previous_visit_for_a_first_visit() -> None:
    record(EventKind.PAGE_VIEW, minutes(0))
    with time_machine.travel(minutes(1), tick=False):
        assert queries.previous_visit_ended_at(1, 10) is None


def test_counts_and_recent_events_are_the_persons_own(two_visits: None) -> None:
    counts = queries.event_counts_for_user(1)
    assert counts == [
        {"programme_id": 10, "kind": "active_ping", "count": 3},
        {"programme_id": 10, "kind": "page_view", "count": 3},
        {"programme_id": 11, "kind": "active_ping", "count": 1},
    ]
    recent = queries.recent_events_for_user(1, limit=2)
    assert [event.occurred_at for event in recent] == [minutes(120), minutes(30.75)]
    assert queries.programme_ids_with_events(1) == [10, 11]
    assert len(list(queries.events_for_user(1))) == 7


def test_times_are_walked_back_across_chunks(two_visits: None) -> None:
    times = list(queries._times_newest_first(1, 10, chunk=2))
    assert times == sorted(times, reverse=True)
    assert len(times) == 6
