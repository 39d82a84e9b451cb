"""Free times of a 20-advisor team over 30 days, against a naive slot-by-slot check.

    uv run python bench/bookings.py   (DATABASE_URL: PostgreSQL, see bench/README.md)

Goal: `queries.free_times` for the team takes at most 50 ms (median), database reads
included. The baseline, measured in the same run on the same data, asks the database for
each candidate slot whether it overlaps a booking, as a first implementation might.
"""

import argparse
import datetime as dt
import os
import random
import statistics
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/luukku_bench_bookings")

import _common

if TYPE_CHECKING:  # models can be imported only once Django is set up
    from luukku.accounts.models import User
    from luukku.bookings.models import BookingCalendar
    from luukku.core.models import Organisation

ADVISORS = 20
ZONES = ["Europe/Helsinki"] * 16 + [
    "Europe/Stockholm",
    "Europe/London",
    "America/New_York",
    "Asia/Tokyo",
]


def set_up(booked_share: float) -> int:
    """A calendar with 20 advisors keeping weekday hours, some of their times already booked."""
    from luukku.bookings import actions
    from luukku.bookings.models import BookingCalendar
    from luukku.core.actions import do_create_organisation
    from luukku.core.models import Organisation

    organisation = Organisation.objects.filter(slug="bench").first()
    organisation = organisation or do_create_organisation(name="Bench", slug="bench")
    calendar = BookingCalendar.objects.filter(organisation=organisation, slug="team").first()
    if calendar is not None:  # reused between runs, so every run measures the same data
        return calendar.pk
    calendar = actions.do_save_calendar(
        calendar=BookingCalendar(
            organisation=organisation,
            name="Team",
            slug="team",
            access="anyone",
            modes=["video"],
            notice_minutes=0,
            horizon_days=30,
        ),
        topics=["Guidance"],
        advisors=_advisors(organisation),
    )
    _book_share(calendar, booked_share)
    return calendar.pk


def _advisors(organisation: "Organisation") -> list["User"]:
    from luukku.accounts.actions import do_get_or_create_user
    from luukku.bookings import actions

    advisors: list[User] = []
    hours = [(dt.time(8), dt.time(11, 30)), (dt.time(12), dt.time(16))]
    for number in range(ADVISORS):
        user, _ = do_get_or_create_user(email=f"bench-advisor-{number}@example.com")
        schedule = actions.do_get_schedule(organisation_id=organisation.pk, user=user)
        weekly = dict.fromkeys(range(5), hours)
        actions.do_set_availability(
            schedule=schedule, time_zone=ZONES[number], weekly=weekly, exceptions={}
        )
        advisors.append(user)
    return advisors


def _book_share(calendar: "BookingCalendar", share: float) -> None:
    """Book about `share` of every advisor's free times (setup data, written in bulk)."""
    from luukku.bookings import queries
    from luukku.bookings.models import Booking

    rng = random.Random(1)
    session = dt.timedelta(minutes=calendar.duration_minutes)
    Booking.objects.bulk_create(
        Booking(
            organisation_id=calendar.organisation_id,
            calendar=calendar,
            advisor_id=advisor_id,
            booker_name="B",
            booker_email="b@example.com",
            booker_time_zone="UTC",
            mode="video",
            starts_at=start,
            ends_at=start + session,
            busy_until=start + session,
            manage_token_hash=f"bench-{advisor_id}-{start.timestamp()}",
        )
        for start, advisor_ids in queries.free_times(calendar).items()
        for advisor_id in advisor_ids
        if rng.random() < share
    )


def naive_free_times(calendar: "BookingCalendar") -> list[tuple[dt.datetime, int]]:
    """Every candidate slot of every advisor, checked against the database one by one."""
    from django.utils import timezone

    from luukku.bookings import queries
    from luukku.bookings.availability import advisor_slots
    from luukku.bookings.models import Booking

    rules = queries.slot_rules(calendar, timezone.now())
    ids = queries.calendar_schedule_ids(calendar)
    free = []
    for advisor in queries.load_rules(calendar, ids, (rules.earliest, rules.latest)):
        advisor.busy = []  # the naive version asks the database instead
        for start, end in advisor_slots(advisor, rules):
            taken = (
                Booking.objects.filter(
                    advisor_id=advisor.advisor_id, starts_at__lt=end, busy_until__gt=start
                )
                .exclude(status="cancelled")
                .exists()
            )
            if not taken:
                free.append((start, advisor.advisor_id))
    return free


def timed(function: Callable[[], object], runs: int) -> list[float]:
    durations = []
    for _run in range(runs):
        started = time.perf_counter()
        function()
        durations.append((time.perf_counter() - started) * 1000)
    return durations


def measure(calendar: "BookingCalendar", runs: int, baseline_runs: int) -> None:
    from luukku.bookings import queries
    from luukku.core.opening_hours import wall_clock_to_utc

    def cold() -> None:
        wall_clock_to_utc.cache_clear()  # as in a fresh worker process
        queries.free_times(calendar)

    fast = timed(lambda: queries.free_times(calendar), runs)
    cold_runs = timed(cold, runs)
    slow = timed(lambda: naive_free_times(calendar), baseline_runs)
    fast_median, slow_median = statistics.median(fast), statistics.median(slow)
    print(
        f"free_times: median {fast_median:.1f} ms, best {min(fast):.1f} ms "
        f"over {runs} runs (goal <= 50 ms)"
    )
    print(f"free_times with an empty zone cache: median {statistics.median(cold_runs):.1f} ms")
    print(f"naive slot-by-slot baseline: median {slow_median:.0f} ms over {baseline_runs} runs")
    print(f"ratio baseline / free_times: {slow_median / fast_median:.0f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--baseline-runs", type=int, default=3)
    parser.add_argument("--booked", type=float, default=0.3, help="share of times already booked")
    options = parser.parse_args()
    url = _common.prepare_django()
    from luukku.bookings import queries
    from luukku.bookings.models import BookingCalendar

    calendar = BookingCalendar.objects.select_related("organisation").get(pk=set_up(options.booked))
    print(f"database {url.rsplit('@', 1)[-1]}")
    _common.print_load()
    free = queries.free_times(calendar)
    pairs = sum(len(ids) for ids in free.values())
    assert pairs == len(naive_free_times(calendar))  # both give the same answer
    print(
        f"{ADVISORS} advisors, {calendar.horizon_days} days: "
        f"{len(free)} start times, {pairs} advisor-times free"
    )
    measure(calendar, options.runs, options.baseline_runs)
    _common.print_load()


if __name__ == "__main__":
    main()
