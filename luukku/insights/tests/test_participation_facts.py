"""The participation facts (luukku.activity.queries) against a cohort with known visits."""

from datetime import timedelta

import pytest

from luukku.activity import queries
from luukku.activity.models import EventKind
from luukku.activity.rollups import roll_up_new_events
from luukku.activity.rules import PublishSlot
from luukku.insights.tests.conftest import TODAY, Cohort, local, visit


def test_statuses_follow_the_design_definitions(cohort: Cohort) -> None:
    statuses = queries.member_statuses(cohort.programme, today=TODAY)
    assert statuses == {
        cohort.keen.pk: "active",
        cohort.fading.pk: "passive",  # 10 days without a visit
        cohort.gone.pk: "dropped_off",  # 30 days
        cohort.late.pk: "active",  # joined 3 days ago: judged by days without a visit only
        cohort.never.pk: "dropped_off",  # 44 days since joining, never came
    }


def test_passive_threshold_is_a_parameter(cohort: Cohort) -> None:
    assert (
        queries.member_statuses(cohort.programme, passive_days=14, today=TODAY)[cohort.fading.pk]
        == "active"
    )


def test_a_late_joiner_turns_passive_after_seven_days_without_a_visit(cohort: Cohort) -> None:
    statuses = queries.member_statuses(cohort.programme, today=TODAY + timedelta(days=5))
    assert statuses[cohort.late.pk] == "active"  # 6 days idle
    statuses = queries.member_statuses(cohort.programme, today=TODAY + timedelta(days=6))
    assert statuses[cohort.late.pk] == "passive"


def test_visits_far_below_the_cohort_median_make_one_passive(cohort: Cohort) -> None:
    from luukku.conftest import make_user
    from luukku.insights.tests.conftest import join

    for name in ("keen2", "keen3", "keen4", "keen5", "keen6"):
        user = make_user(f"{name}@example.com", name)
        join(cohort.programme, user, cohort.programme.starts_on)
        for offset in range(14):
            visit(cohort.programme, user, local(TODAY - timedelta(days=offset), 12))
    # Last 14 days of those there all along: five have 14, keen 10, fading 1, trickle 1,
    # gone and never 0: the median is 12, a quarter of it 3.
    trickle = make_user("trickle@example.com", "Trickle")
    join(cohort.programme, trickle, cohort.programme.starts_on)
    visit(cohort.programme, trickle, local(TODAY - timedelta(days=1), 12))
    roll_up_new_events()
    statuses = queries.member_statuses(cohort.programme, today=TODAY)
    assert statuses[trickle.pk] == "passive"  # 1 < 3, although only 1 day idle
    assert statuses[cohort.keen.pk] == "active"


def test_last_visit_and_posts(cohort: Cohort) -> None:
    last = queries.last_visit_by_member(cohort.programme)
    assert last[cohort.never.pk] is None
    assert last[cohort.fading.pk] == local(TODAY - timedelta(days=10), 18) + timedelta(seconds=60)
    assert cohort.coach.pk not in last
    assert cohort.observer.pk not in last
    assert queries.posted_member_ids(cohort.programme) == {cohort.fading.pk, cohort.late.pk}


def test_visits_per_day_counts_participants_only_and_fills_quiet_days(cohort: Cohort) -> None:
    days = queries.visits_per_day(cohort.programme, TODAY - timedelta(days=2), TODAY)
    assert days == {TODAY - timedelta(days=2): 1, TODAY - timedelta(days=1): 2, TODAY: 1}


def test_visits_by_member_between(cohort: Cohort) -> None:
    counts = queries.visits_by_member_between(
        cohort.programme, [cohort.keen.pk, cohort.never.pk], TODAY - timedelta(days=6), TODAY
    )
    assert counts == {cohort.keen.pk: 5, cohort.never.pk: 0}


def test_most_active_hour_and_best_slots(cohort: Cohort) -> None:
    hours = queries.most_active_hour_by_member(cohort.programme)
    assert hours == {
        cohort.keen.pk: 10,
        cohort.fading.pk: 18,
        cohort.gone.pk: 23,
        cohort.late.pk: 20,
    }
    slots = queries.best_publish_slots(cohort.programme)
    assert len(slots) == 3
    assert all(isinstance(slot, PublishSlot) for slot in slots)
    # keen's 33 weekday visits at 10:00: each weekday 08-10 window covers 6 or 7 of 36 visits.
    assert {(slot.weekday, slot.hour) for slot in slots} <= {
        (d, h) for d in range(5) for h in (8, 9, 10)
    }
    assert slots[0].share == pytest.approx(7 / 36)


def test_members_returned_between_reads_the_window(cohort: Cohort) -> None:
    start = local(TODAY - timedelta(days=2), 0)
    returned = queries.members_returned_between(
        cohort.programme, [cohort.late.pk, cohort.fading.pk], start, start + timedelta(days=2)
    )
    assert returned == {cohort.late.pk}


def test_opened_sections(cohort: Cohort) -> None:
    from luukku.programmes.tests.factories import make_page, make_section

    section = make_section(cohort.programme, title="Week 1")
    page = make_page(section)
    visit(cohort.programme, cohort.late, local(TODAY, 9))
    from luukku.activity.models import Event

    Event.objects.filter(user_id=cohort.late.pk, occurred_at__gte=local(TODAY, 9)).update(
        target=f"page:{page.pk}"
    )
    roll_up_new_events()
    assert queries.opened_section_ids_by_member(cohort.programme) == {cohort.late.pk: {section.pk}}
    assert EventKind.PAGE_VIEW  # the visit helper starts with a page view
