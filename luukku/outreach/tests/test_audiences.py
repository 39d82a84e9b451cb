import zoneinfo
from datetime import UTC, datetime, timedelta

import time_machine
from django.utils import timezone

from luukku.activity import queries as activity_queries
from luukku.activity.actions import do_roll_up_events, record_event
from luukku.activity.models import EventKind
from luukku.outreach import actions
from luukku.outreach.audiences import Audience, audience_ids
from luukku.outreach.models import AudienceKind, TimingKind
from luukku.outreach.tests.conftest import Cast, draft
from luukku.programmes.models import ProgrammeMembership
from luukku.programmes.tests.factories import make_section


def event(
    cast: Cast, index: int, kind: EventKind, target: str, when: datetime | None = None
) -> None:
    record_event(
        organisation_id=cast.programme.organisation_id, programme_id=cast.programme.pk,
        user_id=cast.participants[index].pk, kind=kind, target=target, occurred_at=when,
    )  # fmt: skip


def ids(cast: Cast, *indexes: int) -> list[int]:
    return sorted(cast.participants[index].pk for index in indexes)


def test_passive_for_n_days(cast: Cast) -> None:
    ProgrammeMembership.objects.filter(programme=cast.programme).update(
        joined_at=timezone.now() - timedelta(days=30)
    )
    event(cast, 0, EventKind.PAGE_VIEW, "home", timezone.now() - timedelta(days=2))
    event(cast, 1, EventKind.PAGE_VIEW, "home", timezone.now() - timedelta(days=10))
    do_roll_up_events()
    assert audience_ids(cast.programme, Audience(AudienceKind.PASSIVE, passive_days=7)) == ids(
        cast, 1, 2, 3, 4
    )
    assert audience_ids(cast.programme, Audience(AudienceKind.PASSIVE, passive_days=14)) == ids(
        cast, 2, 3, 4
    )


def test_people_who_just_joined_are_not_passive_yet(cast: Cast) -> None:
    assert audience_ids(cast.programme, Audience(AudienceKind.PASSIVE, passive_days=7)) == []


def test_has_not_opened_a_section(cast: Cast) -> None:
    section = make_section(cast.programme)
    event(cast, 3, EventKind.PAGE_VIEW, f"section:{section.pk}")
    do_roll_up_events()
    audience = Audience(AudienceKind.NOT_OPENED, section_id=section.pk)
    assert audience_ids(cast.programme, audience) == ids(cast, 0, 1, 2, 4)


def test_has_not_posted_yet(cast: Cast) -> None:
    event(cast, 2, EventKind.COMMENT, "thread:1")
    event(cast, 4, EventKind.POST, "thread:2")
    do_roll_up_events()
    assert audience_ids(cast.programme, Audience(AudienceKind.NOT_POSTED)) == ids(cast, 0, 1, 3)


def test_dropped_off(cast: Cast) -> None:
    programme = cast.programme
    programme.starts_on -= timedelta(days=60)
    programme.save(update_fields=["starts_on"])
    ProgrammeMembership.objects.filter(programme=programme).update(
        joined_at=timezone.now() - timedelta(days=60)
    )
    for index in (0, 1, 2, 3):
        event(cast, index, EventKind.PAGE_VIEW, "home", timezone.now() - timedelta(days=1))
    event(cast, 4, EventKind.PAGE_VIEW, "home", timezone.now() - timedelta(days=40))
    do_roll_up_events()
    assert audience_ids(programme, Audience(AudienceKind.DROPPED_OFF)) == ids(cast, 4)


def test_each_persons_own_most_active_hour_with_the_programmes_as_fallback(cast: Cast) -> None:
    zone = zoneinfo.ZoneInfo(cast.programme.time_zone)
    base = (timezone.now() - timedelta(days=3)).astimezone(zone)
    for day in range(3):  # person 0 comes at 19, everybody else's data is person 1 at 10
        event(cast, 0, EventKind.PAGE_VIEW, "home", (base - timedelta(days=day)).replace(hour=19))
        event(cast, 1, EventKind.PAGE_VIEW, "home", (base - timedelta(days=day)).replace(hour=10))
        event(cast, 1, EventKind.PAGE_VIEW, "home", (base - timedelta(days=day)).replace(hour=11))
    do_roll_up_events()
    with time_machine.travel(datetime(2030, 1, 7, 6, 0, tzinfo=UTC)):  # Monday 08:00 local
        plan = actions.plan_draft(cast.programme, draft(timing=TimingKind.PERSONAL))
    hours = {person.user.pk: person.send_at.astimezone(zone).hour for person in plan.people}
    assert hours[cast.participants[0].pk] == 19
    assert hours[cast.participants[1].pk] == 10
    best = activity_queries.best_slot(cast.programme)
    assert best is not None
    assert hours[cast.participants[4].pk] == best[1]  # no data of their own


def test_the_programmes_best_time_is_one_moment_for_everybody(cast: Cast) -> None:
    zone = zoneinfo.ZoneInfo(cast.programme.time_zone)
    moment = (timezone.now() - timedelta(days=2)).astimezone(zone).replace(hour=14, minute=5)
    for index in range(5):
        event(cast, index, EventKind.PAGE_VIEW, "home", moment)
    do_roll_up_events()
    plan = actions.plan_draft(cast.programme, draft(timing=TimingKind.BEST_TIME))
    times = {person.send_at for person in plan.people}
    assert len(times) == 1
    (chosen,) = times
    assert chosen > timezone.now()
    assert chosen.astimezone(zone).weekday() == moment.weekday()
