"""Figures at the programme's edges, against hand-built event logs (issue 13, items 2-5).

Each of these failed before its fix: the participant table summed whole calendar weeks,
statuses used events after the programme's end, the organisation view dropped active time
on days when no visit started, and the composer's "passive for N days" counted 24-hour
periods while the analytics count local days.
"""

from datetime import date, timedelta

import pytest
import time_machine

from luukku.activity import queries
from luukku.activity.rollups import roll_up_new_events
from luukku.conftest import make_user
from luukku.core.models import Organisation
from luukku.insights.organisation import compare_programmes
from luukku.insights.overview import build_overview
from luukku.insights.participants import participant_rows
from luukku.insights.tests.conftest import join, local, visit
from luukku.outreach.audiences import Audience, audience_ids
from luukku.outreach.models import AudienceKind
from luukku.programmes.models import Programme
from luukku.programmes.tests.factories import make_programme

WEDNESDAY = date(2026, 3, 4)


def _programme(organisation: Organisation, starts_on: date, ends_on: date) -> Programme:
    coach = make_user("edge-coach@example.com", "Coach")
    return make_programme(
        organisation, coach=coach, starts_on=starts_on, ends_on=ends_on,
        time_zone="Europe/Helsinki",
    )  # fmt: skip


def test_the_participant_table_sums_the_programmes_days_not_whole_weeks(
    organisation: Organisation,
) -> None:
    programme = _programme(organisation, WEDNESDAY, WEDNESDAY + timedelta(days=21))
    person = make_user("edge@example.com", "Edge")
    join(programme, person, WEDNESDAY)
    visit(programme, person, local(WEDNESDAY - timedelta(days=2), 10))  # the Monday before
    visit(programme, person, local(WEDNESDAY + timedelta(days=1), 10), pings=8)
    visit(programme, person, local(WEDNESDAY + timedelta(days=23), 10))  # after the end
    roll_up_new_events()
    today = WEDNESDAY + timedelta(days=28)
    (row,) = participant_rows(programme, today=today)
    overview = build_overview(programme, today=today)
    assert row.visits == 1 == overview.figures["visits"]
    assert row.active_minutes == 2  # the eight pings of the one visit in the period
    assert sum(row.weekly_visits) == 1
    assert overview.figures["active_this_week"] == 0  # the end's week: its visit is after


def test_statuses_ignore_a_look_after_the_end(organisation: Organisation) -> None:
    starts, ends = date(2026, 2, 2), date(2026, 3, 25)
    programme = _programme(organisation, starts, ends)
    stopper = make_user("stopper@example.com", "Stopper")
    join(programme, stopper, starts)
    visit(programme, stopper, local(ends - timedelta(days=30), 10))
    visit(programme, stopper, local(ends + timedelta(days=2), 10))  # two days after the end
    roll_up_new_events()
    after = ends + timedelta(days=5)
    assert queries.member_statuses(programme, today=after) == {stopper.pk: "dropped_off"}
    (row,) = participant_rows(programme, today=after)
    assert (row.status, row.idle_days) == ("dropped_off", 30)
    with time_machine.travel(local(after, 10), tick=False):
        assert audience_ids(programme, Audience(AudienceKind.DROPPED_OFF)) == [stopper.pk]


def test_the_organisation_view_keeps_active_time_after_midnight(
    organisation: Organisation,
) -> None:
    programme = _programme(organisation, WEDNESDAY, WEDNESDAY + timedelta(days=21))
    owl = make_user("owl@example.com", "Owl")
    join(programme, owl, WEDNESDAY)
    day = WEDNESDAY + timedelta(days=2)
    visit(programme, owl, local(day, 23, 50), pings=80)  # 20 minutes, half after midnight
    roll_up_new_events()
    (comparison,) = compare_programmes(organisation, day, day + timedelta(days=1))
    assert comparison.visits == 1
    assert comparison.active_minutes_per_participant == 20.0
    assert comparison.taking_part == 1


@pytest.mark.parametrize("hour", [9, 23])
def test_passive_for_seven_days_is_one_definition_in_local_days(
    organisation: Organisation, hour: int
) -> None:
    starts = date(2026, 2, 2)
    programme = _programme(organisation, starts, starts + timedelta(days=60))
    today = starts + timedelta(days=30)
    seven, six = make_user("seven@example.com", "Seven"), make_user("six@example.com", "Six")
    for person in (seven, six):
        join(programme, person, starts)
    visit(programme, seven, local(today - timedelta(days=7), hour))
    visit(programme, six, local(today - timedelta(days=6), hour))
    roll_up_new_events()
    with time_machine.travel(local(today, 10), tick=False):
        chosen = audience_ids(programme, Audience(AudienceKind.PASSIVE, passive_days=7))
        idle = queries.idle_days_by_member(programme)
        statuses = queries.member_statuses(programme, passive_days=7)
    assert idle == {seven.pk: 7, six.pk: 6}
    assert chosen == [seven.pk]
    assert statuses[seven.pk] == "passive"
