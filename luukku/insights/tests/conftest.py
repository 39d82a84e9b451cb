"""A programme with a coach, an observer, participants and known visits, rolled up."""

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest

from luukku.accounts.models import User
from luukku.activity.models import ACTIVE_PING_SECONDS, Event, EventKind
from luukku.activity.rollups import roll_up_new_events
from luukku.conftest import make_user
from luukku.core.models import Organisation
from luukku.programmes.models import Programme, ProgrammeMembership, ProgrammeRole
from luukku.programmes.tests.factories import make_programme

HEL = zoneinfo.ZoneInfo("Europe/Helsinki")
TODAY = date(2026, 3, 18)  # a Wednesday


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=HEL)


def visit(
    programme: Programme, user: User, start: datetime, pings: int = 4, kind: str = ""
) -> None:
    """A page view and `pings` active pings 15 s apart (a visit of pings x 15 s)."""
    rows: list[tuple[str, datetime, int]] = [(EventKind.PAGE_VIEW, start, 0)]
    rows += [
        (EventKind.ACTIVE_PING, start + timedelta(seconds=15 * (n + 1)), ACTIVE_PING_SECONDS)
        for n in range(pings)
    ]
    if kind:
        rows.append((kind, start + timedelta(seconds=5), 0))
    Event.objects.bulk_create(
        Event(
            organisation_id=programme.organisation_id, programme_id=programme.pk, user_id=user.pk,
            kind=k, target="home", occurred_at=at, active_seconds=seconds,
        )
        for k, at, seconds in rows
    )  # fmt: skip


def join(
    programme: Programme, user: User, day: date, role: str = ProgrammeRole.PARTICIPANT
) -> None:
    ProgrammeMembership.objects.create(
        programme=programme, user=user, role=role, joined_at=local(day, 9)
    )


@dataclass
class Cohort:
    programme: Programme
    coach: User
    observer: User
    keen: User  # visits every weekday
    fading: User  # last visit 10 days ago
    gone: User  # last visit 30 days ago
    late: User  # joined 3 days ago, 1 visit
    never: User  # joined at the start, never came


@pytest.fixture
def cohort(organisation: Organisation) -> Cohort:
    coach = make_user("coach@example.com", "Coach Kaisa")
    programme = make_programme(
        organisation,
        coach=coach,
        starts_on=TODAY - timedelta(days=44),
        ends_on=TODAY + timedelta(days=30),
        time_zone="Europe/Helsinki",
    )
    people = {
        name: make_user(f"{name}@example.com", name.title())
        for name in ("keen", "fading", "gone", "late", "never")
    }
    for name, user in people.items():
        join(programme, user, TODAY - timedelta(days=3) if name == "late" else programme.starts_on)
    observer = make_user("observer@example.com", "Olli Observer")
    join(programme, observer, programme.starts_on, ProgrammeRole.OBSERVER)
    for offset in range(44, -1, -1):
        day = TODAY - timedelta(days=offset)
        if day.weekday() < 5:
            visit(programme, people["keen"], local(day, 10))
    visit(programme, people["fading"], local(TODAY - timedelta(days=10), 18), kind=EventKind.POST)
    visit(programme, people["gone"], local(TODAY - timedelta(days=30), 23, 30))
    visit(programme, people["late"], local(TODAY - timedelta(days=1), 20), kind=EventKind.COMMENT)
    visit(programme, coach, local(TODAY, 11))  # coaches' visits are not participation
    roll_up_new_events()
    return Cohort(programme, coach, observer, **people)
