"""When many people race for an advisor's last free time, exactly one wins (PostgreSQL).

Each attempt runs in its own thread with its own database connection and transaction, so
the database's lock and exclusion constraint, not Python, decide who wins.
"""

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from django.db import connection, connections
from django.utils import translation

from luukku.bookings import actions, queries
from luukku.bookings.models import Booking, BookingCalendar, BookingStatus, Topic
from luukku.bookings.tests.factories import at, booker, make_advisor, make_calendar
from luukku.core.models import Organisation

ATTEMPTS = 24

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs concurrent writers; SQLite serialises every write (run with DATABASE_URL=postgres://...)",
)


def _attempt(
    calendar: BookingCalendar,
    topic: Topic | None,
    number: int,
    start: dt.datetime,
    results: list[str],
    barrier: threading.Barrier,
) -> None:
    translation.activate("en")  # the language is per thread
    try:
        barrier.wait(timeout=30)  # all threads start their transactions together
        actions.do_create_booking(
            calendar=calendar,
            start=start,
            mode="video",
            topic=topic,
            booker=booker(f"Racer {number}", f"racer{number}@example.com"),
            now=at("2026-11-23 08:00"),
        )
        results.append("won")
    except actions.SlotTakenError as error:
        results.append(error.message)
    except Exception as error:  # anything else is a failure of the test
        results.append(repr(error))
    finally:
        connections.close_all()


@pytest.fixture
def enough_connections() -> Iterator[None]:
    """Let every thread hold its own connection at once (the pool's default is smaller)."""
    pool = connection.settings_dict.get("OPTIONS", {}).get("pool")
    if not isinstance(pool, dict):
        yield
        return
    before = pool.get("max_size")
    connection.close()
    connection.close_pool()  # type: ignore[attr-defined]  # PostgreSQL wrapper only
    pool["max_size"] = ATTEMPTS + 4
    yield
    connections.close_all()
    connection.close_pool()  # type: ignore[attr-defined]  # PostgreSQL wrapper only
    pool["max_size"] = before


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("enough_connections")
def test_exactly_one_of_many_concurrent_bookings_wins_the_last_slot(
    organisation: Organisation,
) -> None:
    advisor = make_advisor(
        organisation,
        "last@example.com",
        hours=[(at("2026-11-24 10:00").time(), at("2026-11-24 10:30").time())],
    )
    calendar = make_calendar(organisation, [advisor], slug="race")
    start = at("2026-11-24 10:00")
    results: list[str] = []
    barrier = threading.Barrier(ATTEMPTS)
    threads = [
        threading.Thread(
            target=_attempt,
            args=(calendar, calendar.topics.first(), number, start, results, barrier),
        )
        for number in range(ATTEMPTS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == ATTEMPTS
    assert results.count("won") == 1, results
    assert (
        results.count("Someone else just booked that time. Please choose another time.")
        == ATTEMPTS - 1
    )
    assert Booking.objects.exclude(status=BookingStatus.CANCELLED).count() == 1
    # Losers are shown fresh times: the taken one is gone, the next day's are there.
    fresh = queries.free_times(calendar, now=at("2026-11-23 08:00"))
    assert start not in fresh
    assert at("2026-11-25 10:00") in fresh


@pytest.mark.django_db(transaction=True)
def test_the_database_refuses_an_overlap_even_without_the_lock(organisation: Organisation) -> None:
    """The exclusion constraint is a second line: a raw overlapping row is refused."""
    from django.db import IntegrityError

    advisor = make_advisor(organisation, "raw@example.com")
    calendar = make_calendar(organisation, [advisor], slug="raw")
    first = actions.do_create_booking(
        calendar=calendar, start=at("2026-11-24 10:00"), mode="video",
        topic=calendar.topics.first(), booker=booker(), now=at("2026-11-23 08:00"),
    )  # fmt: skip
    clash = Booking(
        organisation=organisation, calendar=calendar, advisor=first.advisor,
        booker_name="X", booker_email="x@example.com", booker_time_zone="UTC", mode="video",
        starts_at=at("2026-11-24 10:15"), ends_at=at("2026-11-24 10:45"),
        busy_until=at("2026-11-24 10:45"), manage_token_hash="x" * 64,
    )  # fmt: skip
    with pytest.raises(IntegrityError):
        clash.save()
