import itertools
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from luukku.activity.visits import VISIT_GAP, Visit, previous_visit_end, split_visits

START = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)

events_strategy = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=3 * 24 * 3600).map(
            lambda seconds: START + timedelta(seconds=seconds)
        ),
        st.sampled_from([0, 15]),
    ),
    max_size=60,
)


@given(events_strategy)
def test_every_event_belongs_to_exactly_one_visit(events: list[tuple[datetime, int]]) -> None:
    visits = split_visits(events)
    assert sum(visit.event_count for visit in visits) == len(events)
    for at, _seconds in events:
        assert sum(visit.started_at <= at <= visit.ended_at for visit in visits) == 1


@given(events_strategy)
def test_gaps_over_thirty_minutes_split_and_shorter_ones_do_not(
    events: list[tuple[datetime, int]],
) -> None:
    visits = split_visits(events)
    times = sorted(at for at, _seconds in events)
    splits = sum(later - earlier > VISIT_GAP for earlier, later in itertools.pairwise(times))
    assert len(visits) == (splits + 1 if events else 0)
    for earlier, later in itertools.pairwise(visits):
        assert later.started_at - earlier.ended_at > VISIT_GAP


def _buckets(events: list[tuple[datetime, int]]) -> set[int]:
    """The 15-second buckets since the epoch with a ping, computed independently."""
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    return {(at - epoch) // timedelta(seconds=15) for at, seconds in events if seconds}


@given(events_strategy, st.integers(min_value=0, max_value=3))
def test_active_time_is_fifteen_seconds_per_bucket_with_a_ping(
    events: list[tuple[datetime, int]], repeats: int
) -> None:
    visits = split_visits(events + events[:repeats])  # a repeated ping adds nothing
    assert sum(visit.active_seconds for visit in visits) == 15 * len(_buckets(events))
    for visit in visits:
        inside = [(at, s) for at, s in events if visit.started_at <= at <= visit.ended_at]
        assert visit.active_seconds == 15 * len(_buckets(inside))


def test_gap_of_exactly_thirty_minutes_keeps_one_visit() -> None:
    visits = split_visits([(START, 0), (START + VISIT_GAP, 15)])
    assert visits == [Visit(START, START + VISIT_GAP, 15, 2)]


def test_gap_just_over_thirty_minutes_starts_a_new_visit() -> None:
    later = START + VISIT_GAP + timedelta(seconds=1)
    assert split_visits([(START, 15), (later, 15)]) == [
        Visit(START, START, 15, 1),
        Visit(later, later, 15, 1),
    ]


def test_visit_of_page_views_only_has_no_active_time() -> None:
    visits = split_visits([(START, 0), (START + timedelta(minutes=5), 0)])
    assert visits[0].active_seconds == 0


def test_no_previous_visit_when_all_events_are_in_the_current_one() -> None:
    now = START + timedelta(minutes=50)
    times = [START + timedelta(minutes=m) for m in (45, 30, 10, 0)]
    assert previous_visit_end(times, now=now) is None


def test_previous_visit_ends_at_its_last_event_before_the_gap() -> None:
    now = START + timedelta(hours=3)
    times = [now - timedelta(minutes=1), now - timedelta(minutes=20), START, START - timedelta(1)]
    assert previous_visit_end(times, now=now) == START


def test_when_the_last_visit_is_over_it_is_the_previous_one() -> None:
    now = START + timedelta(hours=3)
    assert previous_visit_end([START, START - timedelta(minutes=5)], now=now) == START
