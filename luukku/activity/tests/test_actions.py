from datetime import UTC, datetime
from typing import Any

import pytest

from luukku.activity.actions import NewEvent, record_batch, record_event
from luukku.activity.models import Event, EventKind

AT = datetime(2025, 5, 12, 10, 0, tzinfo=UTC)


@pytest.mark.django_db
def test_record_event_is_one_insert_and_no_reads(django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(1) as captured:
        record_event(
            organisation_id=1,
            programme_id=2,
            user_id=3,
            kind=EventKind.PAGE_VIEW,
            target="page:12",
            occurred_at=AT,
        )
    assert captured.captured_queries[0]["sql"].startswith("INSERT")
    event = Event.objects.get()
    assert (event.kind, event.target, event.occurred_at, event.active_seconds) == (
        "page_view",
        "page:12",
        AT,
        0,
    )


@pytest.mark.django_db
def test_an_active_ping_counts_fifteen_seconds() -> None:
    record_event(organisation_id=1, programme_id=2, user_id=3, kind=EventKind.ACTIVE_PING)
    assert Event.objects.get().active_seconds == 15


@pytest.mark.django_db
def test_record_batch_is_one_bulk_insert(django_assert_num_queries: Any) -> None:
    events = [NewEvent(kind="active_ping", target="", occurred_at=AT)] * 20
    with django_assert_num_queries(1):
        count = record_batch(organisation_id=1, programme_id=2, user_id=3, events=events)
    assert count == 20
    assert Event.objects.filter(user_id=3, programme_id=2, active_seconds=15).count() == 20


@pytest.mark.django_db
def test_empty_batch_touches_nothing(django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(0):
        assert record_batch(organisation_id=1, programme_id=2, user_id=3, events=[]) == 0
