"""Participation analytics at scale: page times on rollups, rollup speed, against raw events.

    uv run python bench/insights.py   (PostgreSQL; own database luukku_bench_insights)

2,000 participants and 2,000,000 events: half inserted and rolled up from scratch, then
1,000,000 fresh events rolled up incrementally (goal <= 60 s). Then the analytics page and
the participant table are requested in-process with Django's test Client as a signed-in
coach, warm (goal <= 250 ms each, server time: no network, no browser), and the same
figures are computed straight from the raw events in the same run for the ratio.
The data generation and rollups run at a lower CPU priority (nice 10): other work on the
machine comes first; the page timings (a few seconds) run at normal priority when allowed.
"""

import argparse
import datetime
import os
import statistics
import time
import zoneinfo
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

import _common

if TYPE_CHECKING:  # models can be imported only once Django is set up
    from django.test import Client

    from luukku.accounts.models import User
    from luukku.programmes.models import Programme

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/luukku_bench_insights")
EMAIL_DOMAIN = "bench-insights.example"
EVENTS_PER_VISIT = 20  # a page view and 19 active pings 15 s apart
ZONE = "Europe/Helsinki"
TABLES = (
    "activity_event", "activity_memberdayrollup", "activity_memberrollupstate",
    "activity_membertargetrollup", "activity_programmerollup", "activity_rollupcursor",
)  # fmt: skip

EVENTS_SQL = """
INSERT INTO activity_event
    (organisation_id, programme_id, user_id, kind, target, occurred_at, active_seconds)
SELECT %(organisation)s, %(programme)s, v.user_id,
    CASE WHEN e.n = 0 THEN 'page_view' WHEN e.n = 1 AND v.r_kind < 0.03 THEN 'comment'
         WHEN e.n = 1 AND v.r_kind < 0.05 THEN 'post' ELSE 'active_ping' END,
    v.target,
    v.started + e.n * interval '15 seconds',
    CASE WHEN e.n = 0 OR (e.n = 1 AND v.r_kind < 0.05) THEN 0 ELSE 15 END
FROM (
    SELECT x.user_id, x.r_kind,
        'page:' || (%(pages)s::bigint[])[1 + floor(x.r_page * %(page_count)s)::int] AS target,
        ((%(first_day)s::date + floor(x.r_day * %(days)s)::int)::timestamp + make_interval(
            hours => CASE WHEN x.r_part < 0.64 THEN 7 + floor(x.r_hour * 10)::int
                          WHEN x.r_part < 0.96 THEN 17 + floor(x.r_hour * 6)::int
                          ELSE (23 + floor(x.r_hour * 8)::int) %% 24 END,
            mins => floor(x.r_minute * 60)::int)) AT TIME ZONE %(zone)s AS started
    FROM (
        SELECT m.user_id, random() AS r_kind, random() AS r_page, random() AS r_day,
               random() AS r_part, random() AS r_hour, random() AS r_minute
        FROM programmes_programmemembership m CROSS JOIN generate_series(1, %(visits)s) g(i)
        WHERE m.programme_id = %(programme)s AND m.role = 'participant'
    ) x
) v CROSS JOIN generate_series(0, %(per_visit)s - 1) e(n)
ORDER BY 6  -- ids in time order, as events arrive in real use
"""


def reset() -> None:
    """Empty this bench's own database of earlier runs (it is used by nothing else)."""
    from django.db import connection

    from luukku.accounts.models import User
    from luukku.core.models import Organisation

    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY")
    Organisation.objects.filter(slug="bench-insights").delete()
    User.objects.filter(email__endswith="@" + EMAIL_DOMAIN).delete()


def set_up(participants: int, today: datetime.date) -> tuple["Programme", "User"]:
    """An organisation, a coach, a 12-week programme from the built-in plan, participants."""
    from luukku.accounts.models import User
    from luukku.core.actions import do_create_organisation
    from luukku.programmes.actions import do_create_programme
    from luukku.programmes.builtin_templates import builtin_plan
    from luukku.programmes.models import ProgrammeMembership, ProgrammeRole

    organisation = do_create_organisation(
        name="Bench insights", slug="bench-insights", time_zone=ZONE
    )
    coach = User.objects.create_user(f"coach@{EMAIL_DOMAIN}", display_name="Bench Coach")
    programme = do_create_programme(
        organisation=organisation, creator=coach, name="Analytics bench",
        starts_on=today - datetime.timedelta(days=69), ends_on=today + datetime.timedelta(days=14),
        time_zone=ZONE, plan=builtin_plan("coaching-10-week", "en"),
    )  # fmt: skip
    users = User.objects.bulk_create(
        User(email=f"p{n}@{EMAIL_DOMAIN}", display_name=f"Participant {n:04d}", password="!")
        for n in range(participants)
    )
    start = datetime.datetime.combine(
        programme.starts_on, datetime.time(9), zoneinfo.ZoneInfo(ZONE)
    )
    ProgrammeMembership.objects.bulk_create(
        ProgrammeMembership(
            programme=programme, user=user, role=ProgrammeRole.PARTICIPANT,
            joined_at=start + datetime.timedelta(days=14 if n % 10 == 0 else 0),
        )
        for n, user in enumerate(users)
    )  # fmt: skip
    return programme, coach


def insert_events(
    programme: "Programme", first_day: datetime.date, days: int, visits: int
) -> float:
    from django.db import connection

    from luukku.programmes.models import Page

    pages = list(Page.objects.filter(section__programme=programme).values_list("pk", flat=True))
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", [0.42 if days > 0 and first_day.day % 2 else 0.24])
        cursor.execute(EVENTS_SQL, {
            "organisation": programme.organisation_id, "programme": programme.pk,
            "pages": pages, "page_count": len(pages), "first_day": first_day, "days": days,
            "zone": ZONE, "visits": visits, "per_visit": EVENTS_PER_VISIT,
        })  # fmt: skip
        cursor.execute("ANALYZE activity_event")
    return time.perf_counter() - started


def time_page(client: "Client", url: str, repeat: int) -> list[float]:
    for _ in range(3):  # warm: connections, caches, compiled templates
        assert client.get(url).status_code == 200
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return times


def raw_figures(programme: "Programme") -> dict[str, object]:
    """The page's figures straight from the raw events: visits per day and hour, per person."""
    from luukku.activity.models import Event
    from luukku.activity.visits import split_visits
    from luukku.programmes.models import ProgrammeMembership, ProgrammeRole

    zone = zoneinfo.ZoneInfo(programme.time_zone)
    people = ProgrammeMembership.objects.filter(programme=programme, role=ProgrammeRole.PARTICIPANT)
    rows = (
        Event.objects.filter(programme_id=programme.pk, user_id__in=people.values("user_id"))
        .order_by("user_id", "occurred_at")
        .values_list("user_id", "occurred_at", "active_seconds")
    )
    per_member: dict[int, list[tuple[datetime.datetime, int]]] = defaultdict(list)
    for user_id, at, seconds in rows.iterator(chunk_size=20_000):
        per_member[user_id].append((at, seconds))
    days: Counter[datetime.date] = Counter()
    hours: Counter[tuple[int, int]] = Counter()
    members = {}
    for user_id, events in per_member.items():
        visits = split_visits(events)
        for visit in visits:
            local = visit.started_at.astimezone(zone)
            days[local.date()] += 1
            hours[(local.weekday(), local.hour)] += 1
        members[user_id] = (len(visits), sum(s for _at, s in events), events[-1][0])
    return {"visits": sum(days.values()), "days": days, "hours": hours, "members": members}


def summary(label: str, times: list[float], goal: float) -> float:
    median = statistics.median(times)
    p90 = sorted(times)[int(0.9 * (len(times) - 1))]
    verdict = "meets" if median <= goal else "misses"
    print(f"{label}: median {median:.0f} ms (min {min(times):.0f}, p90 {p90:.0f}) over "
          f"{len(times)} warm requests ({verdict} the {goal:.0f} ms goal)")  # fmt: skip
    return median


def roll_up(programme: "Programme", participants: int, events: int) -> None:
    """Half the events rolled up from scratch, then the fresh half incrementally."""
    from luukku.activity.models import MemberDayRollup
    from luukku.activity.rollups import rebuild_rollups, roll_up_new_events

    visits = events // 2 // EVENTS_PER_VISIT // participants
    seconds = insert_events(programme, programme.starts_on, 35, visits)
    print(f"inserted {visits * EVENTS_PER_VISIT * participants:,} events in {seconds:.1f} s")
    started = time.perf_counter()
    count = rebuild_rollups()
    print(f"rolled up {count:,} events from scratch in {time.perf_counter() - started:.1f} s")
    insert_events(programme, programme.starts_on + datetime.timedelta(days=35), 35, visits)
    started = time.perf_counter()
    fresh = roll_up_new_events()
    took = time.perf_counter() - started
    verdict = "meets" if took <= 60 else "misses"
    print(f"rolled up {fresh:,} fresh events incrementally in {took:.1f} s, "
          f"{fresh / took:,.0f} events/s ({verdict} the 60 s goal)")  # fmt: skip
    print(f"{MemberDayRollup.objects.count():,} day rollup rows, {participants:,} participants")


def compare_pages(programme: "Programme", coach: "User", repeat: int) -> None:
    from django.db import connection
    from django.test import Client

    from luukku.insights.overview import build_overview

    with connection.cursor() as cursor:  # what autovacuum does soon after bulk writes
        cursor.execute("ANALYZE " + ", ".join(TABLES))
    if os.geteuid() == 0:
        os.nice(-10)  # measure at normal priority: a few seconds, not minutes

    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(coach)
    base = f"/insights/programmes/{programme.pk}/"
    page = summary("analytics page", time_page(client, base, repeat), 250)
    table_url = base + "participants/?sort=visits&order=desc"
    table = summary("participant table", time_page(client, table_url, repeat), 250)
    started = time.perf_counter()
    raw = raw_figures(programme)
    raw_ms = (time.perf_counter() - started) * 1000
    rolled = build_overview(programme).figures["visits"]
    agree = "agree" if raw["visits"] == rolled else "DIFFER"
    print(f"same figures from the raw events: {raw_ms:,.0f} ms "
          f"(visits: raw {raw['visits']:,}, rollups {rolled:,}: {agree})")  # fmt: skip
    print(f"ratio raw ÷ rollups: analytics page {raw_ms / page:.0f}x, "
          f"participant table {raw_ms / table:.0f}x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--participants", type=int, default=2000)
    parser.add_argument("--events", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument(
        "--pages-only", action="store_true", help="Reuse the last run's data; time pages only."
    )
    args = parser.parse_args()
    os.nice(10)
    url = _common.prepare_django()
    from django.utils import timezone

    print(f"database {url.rsplit('@', 1)[-1]}")
    _common.print_load()
    if args.pages_only:
        from luukku.accounts.models import User
        from luukku.programmes.models import Programme

        programme = Programme.objects.get(organisation__slug="bench-insights")
        coach = User.objects.get(email=f"coach@{EMAIL_DOMAIN}")
    else:
        reset()
        programme, coach = set_up(args.participants, timezone.localdate())
        roll_up(programme, args.participants, args.events)
    compare_pages(programme, coach, args.repeat)
    _common.print_load()


if __name__ == "__main__":
    main()
