"""Clicks are not visits, the pooled report and the composer's power note, end to end."""

import random
from datetime import timedelta

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.activity.actions import do_roll_up_events, record_event
from luukku.activity.models import EventKind, MemberDayRollup
from luukku.core.models import Organisation
from luukku.outreach import actions, effect, pooled
from luukku.outreach.models import Delivery, DeliveryGroup, Message
from luukku.outreach.tests.conftest import Cast, draft, make_cast
from luukku.programmes.models import Programme


def _event(programme: Programme, user_id: int, kind: EventKind, when: object) -> None:
    record_event(
        organisation_id=programme.organisation_id, programme_id=programme.pk, user_id=user_id,
        kind=kind, target="home", occurred_at=when,  # type: ignore[arg-type]
    )  # fmt: skip


def _sent_with_holdout(cast: Cast, percent: int, seed: int) -> Message:
    message = actions.do_queue_message(
        programme=cast.programme, author=cast.coach,
        draft=draft(holdout_percent=percent, ignore_frequency_cap=True), rng=random.Random(seed),
    )  # fmt: skip
    actions.do_send_due()
    return message


def _group(message: Message, group: str) -> list[int]:
    rows = Delivery.objects.filter(message=message, group=group)
    return list(rows.values_list("user_id", flat=True))


def test_clicks_and_opens_alone_are_not_a_return_nor_a_visit(organisation: Organisation) -> None:
    cast = make_cast(organisation, count=20)
    message = _sent_with_holdout(cast, 25, seed=3)
    recipients = _group(message, DeliveryGroup.RECIPIENT)
    for user_id in recipients:  # every recipient clicks or opens, nobody does anything else
        _event(
            cast.programme, user_id, EventKind.MESSAGE_CLICK, message.send_at + timedelta(hours=1)
        )
        _event(
            cast.programme, user_id, EventKind.MESSAGE_OPEN, message.send_at + timedelta(hours=2)
        )
    do_roll_up_events()
    rows = MemberDayRollup.objects.filter(programme_id=cast.programme.pk)
    assert sum(rows.values_list("visits", flat=True)) == 0
    assert sum(rows.values_list("message_clicks", flat=True)) == len(recipients)
    with time_machine.travel(message.send_at + timedelta(days=8)):
        report = effect.effect_of(cast.programme, Delivery.objects.filter(message=message))
    assert report.main is not None
    assert report.main.recipients_returned == 0
    assert report.verdict == "no_effect"


def test_a_click_followed_by_doing_something_in_the_programme_is_a_return(
    organisation: Organisation,
) -> None:
    cast = make_cast(organisation, count=8)
    message = _sent_with_holdout(cast, 25, seed=4)
    clicker = _group(message, DeliveryGroup.RECIPIENT)[0]
    at = message.send_at + timedelta(hours=1)
    _event(cast.programme, clicker, EventKind.MESSAGE_CLICK, at)
    _event(cast.programme, clicker, EventKind.PAGE_VIEW, at + timedelta(seconds=2))
    do_roll_up_events()
    with time_machine.travel(message.send_at + timedelta(days=8)):
        report = effect.effect_of(cast.programme, Delivery.objects.filter(message=message))
    assert report.main is not None
    assert report.main.recipients_returned == 1
    assert sum(MemberDayRollup.objects.values_list("visits", flat=True)) == 1


def test_the_pooled_report_shows_an_interval_over_messages_with_a_hold_out(
    organisation: Organisation, signed_in: SignIn, org_admin: User
) -> None:
    cast = make_cast(organisation, count=30)
    programme = cast.programme
    programme.starts_on -= timedelta(days=40)
    programme.save(update_fields=["starts_on"])
    sent, now = [], timezone.now()
    for days_ago, seed in ((30, 1), (20, 2), (10, 3)):
        message_time = now - timedelta(days=days_ago)
        with time_machine.travel(message_time):
            sent.append(_sent_with_holdout(cast, 30, seed))
        for user_id in _group(sent[-1], DeliveryGroup.RECIPIENT)[::2]:
            _event(programme, user_id, EventKind.PAGE_VIEW, message_time + timedelta(hours=3))
    do_roll_up_events()
    results = pooled.message_results(programme)
    assert len(results) == 3
    assert all(result.visits is not None and result.returns is not None for result in results)
    (overall, *_rest) = pooled.programme_pooled(programme)
    assert overall.messages == 3
    assert overall.visits is not None
    assert overall.visits.interval.low < overall.visits.interval.estimate
    page = signed_in(cast.coach).get(reverse("outreach:effects", args=[programme.pk]))
    assert page.status_code == 200
    assert "pooled-visits" in page.content.decode()
    assert Client().get(reverse("outreach:effects", args=[programme.pk])).status_code == 302
    outsider = signed_in(cast.coach).get(
        reverse("outreach:organisation_effects", args=[organisation.pk])
    )
    assert outsider.status_code == 404  # a coach is not an organisation admin
    admin_page = signed_in(org_admin).get(
        reverse("outreach:organisation_effects", args=[organisation.pk])
    )
    assert admin_page.status_code == 200
    assert "pooled-visits" in admin_page.content.decode()


def test_the_composer_shows_what_the_chosen_hold_out_can_detect(
    cast: Cast, signed_in: SignIn
) -> None:
    crowd = make_cast(cast.programme.organisation, count=40, prefix="crowd")
    data = {
        "subject": "Hello", "body": "Come back", "channel": "email", "audience": "everyone",
        "passive_days": "7", "timing": "now", "holdout_percent": "10", "action": "preview",
    }  # fmt: skip
    response = signed_in(crowd.coach).post(
        reverse("outreach:compose", args=[crowd.programme.pk]), data
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert 'class="detectable"' in text
    assert "Suggested: a hold-out of 50 %" in text
