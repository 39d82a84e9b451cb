import random
import zoneinfo
from datetime import datetime, timedelta

import time_machine
from django.utils import timezone

from luukku.activity.actions import do_roll_up_events, record_event
from luukku.activity.models import EventKind
from luukku.core.models import Organisation
from luukku.outreach import actions, effect
from luukku.outreach.models import Delivery, DeliveryGroup, TimingKind
from luukku.outreach.queries import message_send_dates
from luukku.outreach.tests.conftest import draft, make_cast
from luukku.programmes.models import Programme


def visit(programme: Programme, user_id: int, when: datetime) -> None:
    record_event(
        organisation_id=programme.organisation_id, programme_id=programme.pk, user_id=user_id,
        kind=EventKind.PAGE_VIEW, target="home", occurred_at=when,
    )  # fmt: skip


def test_returns_are_compared_with_the_hold_out(organisation: Organisation) -> None:
    cast = make_cast(organisation, count=40)
    programme = cast.programme
    message = actions.do_queue_message(
        programme=programme, author=cast.coach, draft=draft(holdout_percent=25),
        rng=random.Random(1),
    )  # fmt: skip
    actions.do_send_due()
    rows = Delivery.objects.filter(message=message)
    recipients = list(rows.filter(group=DeliveryGroup.RECIPIENT).values_list("user_id", flat=True))
    held = list(rows.filter(group=DeliveryGroup.HOLDOUT).values_list("user_id", flat=True))
    assert (len(recipients), len(held)) == (30, 10)
    for user_id in recipients[:27]:  # 90 % of recipients come back within a day
        visit(programme, user_id, message.send_at + timedelta(hours=2))
    visit(programme, held[0], message.send_at + timedelta(hours=50))  # 1 of 10, on day 3
    do_roll_up_events()
    with time_machine.travel(message.send_at + timedelta(days=4)):
        report = effect.effect_of(programme, rows)
    day, three_days = report.returned
    assert (day.recipients_returned, day.holdout_returned) == (27, 0)
    assert (three_days.recipients_returned, three_days.holdout_returned) == (27, 1)
    assert three_days.difference is not None
    assert three_days.difference.low > 0
    assert report.verdict == "more"
    assert report.counts["recipients"] == 30
    assert report.counts["holdout"] == 10


def test_a_small_difference_is_reported_as_no_measurable_effect(organisation: Organisation) -> None:
    cast = make_cast(organisation, count=20)
    message = actions.do_queue_message(
        programme=cast.programme, author=cast.coach, draft=draft(holdout_percent=50),
        rng=random.Random(2),
    )  # fmt: skip
    actions.do_send_due()
    rows = Delivery.objects.filter(message=message)
    for group, count in ((DeliveryGroup.RECIPIENT, 3), (DeliveryGroup.HOLDOUT, 2)):
        for user_id in list(rows.filter(group=group).values_list("user_id", flat=True))[:count]:
            visit(cast.programme, user_id, message.send_at + timedelta(hours=1))
    do_roll_up_events()
    report = effect.effect_of(cast.programme, rows)
    assert report.verdict == "no_effect"


def test_without_a_hold_out_the_report_says_it_cannot_compare(organisation: Organisation) -> None:
    cast = make_cast(organisation, count=5)
    message = actions.do_queue_message(
        programme=cast.programme, author=cast.coach, draft=draft(holdout_percent=0)
    )
    actions.do_send_due()
    assert effect.effect_of(cast.programme, message.deliveries.all()).verdict == "no_holdout"


def test_send_day_ratio_and_message_days(organisation: Organisation) -> None:
    cast = make_cast(organisation, count=6)
    programme = cast.programme
    programme.starts_on -= timedelta(days=40)
    programme.save(update_fields=["starts_on"])
    zone = zoneinfo.ZoneInfo(programme.time_zone)
    send = timezone.now() - timedelta(days=15)
    with time_machine.travel(send):
        message = actions.do_queue_message(
            programme=programme, author=cast.coach,
            draft=draft(timing=TimingKind.NOW, ignore_quiet_hours=True),
        )  # fmt: skip
        actions.do_send_due()
    # 2 visits every day for four weeks, 5 on the send day.
    for offset in range(-14, 15):
        day_moment = send + timedelta(days=offset)
        for index in range(5 if offset == 0 else 2):
            visit(programme, cast.participants[index].pk, day_moment + timedelta(minutes=index))
    do_roll_up_events()
    send_day = send.astimezone(zone).date()
    assert message_send_dates(programme) == [send_day]
    ratios = effect.send_day_ratios(programme, [send_day])
    assert ratios[send_day] == 2.5
    report = effect.effect_of(programme, message.deliveries.all())
    assert report.send_day_ratio == 2.5
