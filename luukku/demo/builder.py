"""Building the whole demo: organisation, people, programme, discussions and ten weeks of use.

Every random choice comes from a random.Random seeded from the demo seed and a purpose
("people", "participant:7", ...), so one part drawing more numbers never shifts another,
and the same seed gives the same people, threads and event pattern. Dates are anchored to
today's Monday in the programme's zone, so the simulated weeks always end today.
"""

import random
import zoneinfo
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from luukku.accounts.models import User
from luukku.activity.actions import do_roll_up_events
from luukku.activity.models import ACTIVE_PING_SECONDS, Event, EventKind
from luukku.bookings.demo import seed_demo_bookings
from luukku.core.actions import do_create_organisation
from luukku.core.models import Organisation
from luukku.demo import texts
from luukku.demo.backdating import backdate_discussions, backdate_plan, settle_notifications
from luukku.demo.conversations import Written, write_discussions
from luukku.demo.people import Cast, create_cast
from luukku.demo.reminders import announce_reminders, drop_held_out_visits
from luukku.demo.simulation import (
    SimulatedVisit,
    Timeline,
    choose_reminder_days,
    draw_habit,
    draw_join_day,
    simulate_participant,
)
from luukku.feedback.actions import do_release_answers
from luukku.feedback.demo import answer_session
from luukku.helpdesk.demo import seed_demo_helpdesk
from luukku.knowledge.demo import seed_demo_knowledge
from luukku.programmes.actions import do_create_programme
from luukku.programmes.builtin_templates import builtin_plan
from luukku.programmes.models import Page, Programme, ProgrammeMembership, ProgrammeRole

TIME_ZONE = "Europe/Helsinki"
TEMPLATE_KEY = "coaching-10-week"
EVENT_BATCH_SIZE = 2000


@dataclass(frozen=True)
class DemoSummary:
    organisation: Organisation
    programme: Programme
    admin: User
    coach: User
    participant: User
    reminder_days: list[date]
    visit_count: int
    event_count: int
    thread_count: int
    comment_count: int


def seeded(seed: int, purpose: str) -> random.Random:
    """A generator of its own for each purpose (string seeds hash the same in every run)."""
    return random.Random(f"luukku-demo:{seed}:{purpose}")


def programme_start(today: date, weeks: int) -> date:
    """The Monday `weeks - 1` weeks before this week's, so today falls in the last week."""
    return today - timedelta(days=today.weekday(), weeks=weeks - 1)


def local_moment(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=zoneinfo.ZoneInfo(TIME_ZONE))


def build_demo(*, seed: int, participant_count: int, weeks: int, password: str = "") -> DemoSummary:
    """Create the demo organisation and everything in it, in one transaction."""
    now = timezone.now()
    starts_on = programme_start(now.astimezone(zoneinfo.ZoneInfo(TIME_ZONE)).date(), weeks)
    with transaction.atomic():
        organisation = do_create_organisation(
            name=texts.ORGANISATION_NAME, slug=texts.ORGANISATION_SLUG, time_zone=TIME_ZONE
        )
        cast = create_cast(
            rng=seeded(seed, "people"),
            organisation=organisation,
            participant_count=participant_count,
            joined=local_moment(starts_on - timedelta(days=7), time(10)),
            password=password,
        )
        programme = _create_programme(cast, organisation, starts_on, weeks)
        summary = _fill_programme(seed, programme, cast, weeks, now)
        _seed_guidance(organisation, cast, seed)
        do_roll_up_events()  # the analytics pages read rollups, not the events
        return summary


def _seed_guidance(organisation: Organisation, cast: Cast, seed: int) -> None:
    """The one-window guidance services: catalogue, helpdesk, knowledge base, bookings."""
    staff = [cast.admin, *cast.coaches]
    seed_demo_helpdesk(organisation=organisation, staff=staff, seed=seed)
    seed_demo_knowledge(organisation=organisation, staff=staff, seed=seed)
    seed_demo_bookings(
        organisation=organisation, staff=cast.coaches, seed=seed, on_session_over=answer_session
    )
    do_release_answers()  # the sweep would, within minutes; the demo shows them at once


def _create_programme(
    cast: Cast, organisation: Organisation, starts_on: date, weeks: int
) -> Programme:
    plan = builtin_plan(TEMPLATE_KEY, "fi")
    # At least the plan's ten weeks; longer when more weeks of history were asked for.
    length = max(weeks, len(plan["sections"]))
    return do_create_programme(
        organisation=organisation,
        creator=cast.coaches[0],
        name=texts.PROGRAMME_NAME,
        description=texts.PROGRAMME_DESCRIPTION,
        starts_on=starts_on,
        ends_on=starts_on + timedelta(weeks=length, days=-1),
        time_zone=TIME_ZONE,
        plan=plan,
    )


def _fill_programme(
    seed: int, programme: Programme, cast: Cast, weeks: int, now: datetime
) -> DemoSummary:
    today = now.astimezone(zoneinfo.ZoneInfo(TIME_ZONE)).date()
    reminder_days = choose_reminder_days(
        seeded(seed, "reminders"), programme.starts_on, today, weeks
    )
    timeline = Timeline(programme.starts_on, weeks * 7, TIME_ZONE, now, frozenset(reminder_days))
    joined, visits = _simulate(seed, timeline, _weekly_pages(programme), len(cast.participants))
    backdate_plan(programme=programme)
    _add_members(programme, cast, joined)
    written, held = _write_story(seed, programme, cast, joined, visits, reminder_days, now)
    visits = drop_held_out_visits(cast.participants, visits, held, programme.time_zone)
    # Tens of thousands of events: one bulk INSERT per batch instead of record_event per
    # row (an INSERT and a round trip each), which would take minutes instead of seconds.
    rows = Event.objects.bulk_create(
        _event_rows(programme, cast.participants, visits), batch_size=EVENT_BATCH_SIZE
    )
    return DemoSummary(
        organisation=programme.organisation,
        programme=programme,
        admin=cast.admin,
        coach=cast.coaches[0],
        participant=cast.participants[0],
        reminder_days=reminder_days,
        visit_count=sum(len(own) for own in visits),
        event_count=len(rows) + len(written.event_moments),
        thread_count=len(written.threads),
        comment_count=len(written.comments),
    )


def _write_story(
    seed: int,
    programme: Programme,
    cast: Cast,
    joined: list[datetime],
    visits: list[list[SimulatedVisit]],
    reminder_days: list[date],
    now: datetime,
) -> tuple[Written, dict[int, set[date]]]:
    """Discussions and reminders through their actions, then moved to their simulated times;
    also the reminder days each person was held out of."""
    written = write_discussions(
        rng=seeded(seed, "discussions"),
        programme=programme,
        coaches=cast.coaches,
        participants=cast.participants,
        visits=visits,
        now=now,
    )
    backdate_discussions(written=written, programme=programme)
    held = announce_reminders(
        programme=programme,
        coach=cast.coaches[0],
        participants=cast.participants,
        joined=joined,
        visits=visits,
        days=reminder_days,
    )
    settle_notifications(organisation=programme.organisation, now=now)
    return written, held


def _weekly_pages(programme: Programme) -> list[list[str]]:
    """Tracking targets of each week's pages, in plan order."""
    weeks: dict[int, list[str]] = {}
    pages = Page.objects.filter(section__programme=programme).order_by(
        "section__position", "position", "id"
    )
    for section_position, page_id in pages.values_list("section__position", "id"):
        weeks.setdefault(section_position, []).append(f"page:{page_id}")
    return [weeks[key] for key in sorted(weeks)]


def _simulate(
    seed: int, timeline: Timeline, weekly_pages: list[list[str]], count: int
) -> tuple[list[datetime], list[list[SimulatedVisit]]]:
    """Each participant's membership start and visits, drawn from their own generator."""
    joined, visits = [], []
    for index in range(count):
        rng = seeded(seed, f"participant:{index}")
        habit = draw_habit(rng, days=timeline.days)
        join_day = draw_join_day(rng, days=timeline.days)
        joined.append(local_moment(timeline.starts_on + timedelta(days=join_day), time(7)))
        visits.append(simulate_participant(rng, habit, join_day, timeline, "home", weekly_pages))
    return joined, visits


def _add_members(programme: Programme, cast: Cast, joined: Sequence[datetime]) -> None:
    # Bulk-created rather than through do_invite_members: these people "joined" weeks ago,
    # and inviting them would e-mail 120 invitation links into the local mailbox.
    coaches_joined = local_moment(programme.starts_on - timedelta(days=7), time(10))
    ProgrammeMembership.objects.filter(programme=programme).update(joined_at=coaches_joined)
    memberships = [
        ProgrammeMembership(
            programme=programme, user=coach, role=ProgrammeRole.COACH, joined_at=coaches_joined
        )
        for coach in cast.coaches[1:]
    ]
    memberships += [
        ProgrammeMembership(
            programme=programme,
            user=user,
            role=ProgrammeRole.PARTICIPANT,
            joined_at=at,
            invited_by=cast.coaches[0],
        )
        for user, at in zip(cast.participants, joined, strict=True)
    ]
    ProgrammeMembership.objects.bulk_create(memberships, batch_size=500)


def _event_rows(
    programme: Programme, participants: Sequence[User], visits: Sequence[Sequence[SimulatedVisit]]
) -> Iterator[Event]:
    for user, own in zip(participants, visits, strict=True):
        for visit in own:
            for event in visit.events:
                yield Event(
                    organisation_id=programme.organisation_id,
                    programme_id=programme.pk,
                    user_id=user.pk,
                    kind=event.kind,
                    target=event.target,
                    occurred_at=event.occurred_at,
                    active_seconds=(
                        ACTIVE_PING_SECONDS if event.kind == EventKind.ACTIVE_PING else 0
                    ),
                )
