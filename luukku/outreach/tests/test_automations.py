from datetime import datetime, timedelta

import time_machine
from django.core import mail
from django.utils import timezone

from luukku.activity.actions import do_roll_up_events, record_event
from luukku.activity.models import EventKind
from luukku.core.sweeps import registered_sweeps
from luukku.outreach import actions
from luukku.outreach.models import Automation, AutomationRun, Channel, Delivery, DeliveryGroup
from luukku.outreach.tests.conftest import Cast
from luukku.programmes.models import ProgrammeMembership
from luukku.programmes.tests.factories import make_section


def passive_rule(cast: Cast, **changes: object) -> Automation:
    values: dict[str, object] = {
        "programme": cast.programme, "author": cast.coach, "name": "Passive week",
        "trigger": Automation.Trigger.PASSIVE, "days": 7, "subject": "Hi {{ first_name }}",
        "body": "{{ days_since_last_visit }} days: {{ continue_link }}", "channel": Channel.EMAIL,
        "holdout_percent": 0,
    }  # fmt: skip
    values.update(changes)
    return actions.do_create_automation(**values)  # type: ignore[arg-type]  # overrides of mixed types


def joined_days_ago(cast: Cast, days: int) -> None:
    ProgrammeMembership.objects.filter(programme=cast.programme).update(
        joined_at=timezone.now() - timedelta(days=days)
    )


def visit(cast: Cast, index: int, target: str = "home", when: datetime | None = None) -> None:
    record_event(
        organisation_id=cast.programme.organisation_id, programme_id=cast.programme.pk,
        user_id=cast.participants[index].pk, kind=EventKind.PAGE_VIEW, target=target,
        occurred_at=when,
    )  # fmt: skip


def test_the_daily_sweep_is_registered() -> None:
    assert "outreach.automations" in {sweep.name for sweep in registered_sweeps()}


def test_a_passive_rule_messages_each_passive_person_once(cast: Cast) -> None:
    joined_days_ago(cast, 10)
    visit(cast, 0)  # active: not messaged
    do_roll_up_events()
    rule = passive_rule(cast)
    assert actions.run_automations() == 1
    actions.do_send_due()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in cast.participants[1:])
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert actions.run_automations() == 0  # nobody new
    run = AutomationRun.objects.get(automation=rule)
    assert run.recipients == 4
    assert run.message is not None


def test_someone_who_becomes_passive_later_gets_it_then(cast: Cast) -> None:
    joined_days_ago(cast, 10)
    visit(cast, 0)
    do_roll_up_events()
    passive_rule(cast)
    actions.run_automations()
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        assert actions.run_automations() == 1
        latest = Delivery.objects.filter(group=DeliveryGroup.RECIPIENT).order_by("-id").first()
        assert latest is not None
        assert latest.user == cast.participants[0]


def test_a_paused_rule_does_nothing_until_resumed(cast: Cast) -> None:
    joined_days_ago(cast, 10)
    rule = passive_rule(cast)
    actions.do_set_automation_paused(automation=rule, paused=True)
    assert actions.run_automations() == 0
    actions.do_set_automation_paused(automation=rule, paused=False)
    assert actions.run_automations() == 1


def test_a_deadline_rule_reminds_those_who_have_not_opened_the_section(cast: Cast) -> None:
    section = make_section(cast.programme, title="Week 2")
    from luukku.programmes.actions import do_create_task

    task = do_create_task(
        section=section, title="Essay", due_on=cast.programme.today() + timedelta(days=3)
    )
    visit(cast, 2, target=f"section:{section.pk}")
    do_roll_up_events()
    rule = passive_rule(
        cast, name="Deadline", trigger=Automation.Trigger.DEADLINE, days=3,
        body="Due soon: {{ section_link }}",
    )  # fmt: skip
    assert actions.run_automations() == 1
    message = rule.messages.get()
    assert message.section_id == section.pk
    assert message.occasion == f"task:{task.pk}"
    people = set(message.deliveries.values_list("user_id", flat=True))
    assert cast.participants[2].pk not in people
    assert len(people) == 4
    assert actions.run_automations() == 0  # the same deadline is not reminded twice


def test_a_passive_rule_cannot_link_to_a_section(cast: Cast) -> None:
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        passive_rule(cast, body="{{ section_link }}")
