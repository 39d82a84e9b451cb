"""Automations: rules the daily sweep runs, each person messaged once per rule and occasion."""

import logging
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luukku.accounts.models import User
from luukku.outreach import placeholders
from luukku.outreach.actions.compose import do_queue_message
from luukku.outreach.audiences import Audience, audience_ids
from luukku.outreach.models import (
    AudienceKind,
    Automation,
    AutomationRun,
    Channel,
    Delivery,
    DeliveryGroup,
    Message,
    TimingKind,
)
from luukku.outreach.planning import MAX_HOLDOUT_PERCENT, Draft
from luukku.programmes.models import Programme, Task

logger = logging.getLogger(__name__)

MAX_DAYS = 365


def check_automation(*, trigger: str, days: int, subject: str, body: str, holdout: int) -> None:
    """Raise a ValidationError by field for anything the rule could not run with."""
    errors = placeholders.text_errors(subject, body)
    if trigger not in Automation.Trigger.values:
        errors["trigger"] = [_("Choose when the rule runs.")]
    if not 1 <= days <= MAX_DAYS:
        errors["days"] = [_("Choose between 1 and %(most)d days.") % {"most": MAX_DAYS}]
    if not 0 <= holdout <= MAX_HOLDOUT_PERCENT:
        errors["holdout_percent"] = [
            _("The hold-out share must be between 0 and %(most)d %%.")
            % {"most": MAX_HOLDOUT_PERCENT}
        ]
    if trigger == Automation.Trigger.PASSIVE and placeholders.needs_section(subject, body):
        errors.setdefault("body", []).append(
            _("This rule has no section to link to: use {{ continue_link }} instead.")
        )
    if errors:
        raise ValidationError(errors)


def do_create_automation(
    *, programme: Programme, author: User, name: str, trigger: str, days: int, subject: str,
    body: str, channel: str = Channel.BOTH, holdout_percent: int = 10,
) -> Automation:  # fmt: skip
    check_automation(
        trigger=trigger, days=days, subject=subject, body=body, holdout=holdout_percent
    )
    return Automation.objects.create(
        organisation_id=programme.organisation_id,
        programme=programme,
        name=name[:200],
        trigger=trigger,
        days=days,
        subject=subject,
        body=body,
        channel=channel,
        holdout_percent=holdout_percent,
        created_by=author,
    )


def do_set_automation_paused(*, automation: Automation, paused: bool) -> Automation:
    automation.is_paused = paused
    automation.save(update_fields=["is_paused"])
    return automation


def _covered(automation: Automation, occasion: str) -> set[int]:
    """People this rule already messaged (or held out) for the occasion: never again."""
    return set(
        Delivery.objects.filter(
            message__automation=automation,
            message__occasion=occasion,
            group__in=[DeliveryGroup.RECIPIENT, DeliveryGroup.HOLDOUT],
        ).values_list("user_id", flat=True)
    )


def _send(
    automation: Automation, ids: list[int], occasion: str, now: datetime, task: Task | None
) -> Message | None:
    draft = Draft(
        subject=automation.subject,
        body=automation.body,
        channel=automation.channel,
        audience=Audience(AudienceKind.PICKED, user_ids=tuple(ids)),
        timing=TimingKind.NOW,
        section_id=task.section_id if task is not None else None,
        holdout_percent=automation.holdout_percent,
    )
    try:
        message = do_queue_message(
            programme=automation.programme, author=automation.created_by, draft=draft,
            now=now, automation=automation, occasion=occasion,
        )  # fmt: skip
    except ValidationError:
        return None  # everyone left is capped or unsubscribed: try again tomorrow
    counts = dict.fromkeys(DeliveryGroup.values, 0)
    for group in message.deliveries.values_list("group", flat=True):
        counts[group] += 1
    AutomationRun.objects.create(
        automation=automation,
        ran_at=now,
        message=message,
        task=task,
        recipients=counts[DeliveryGroup.RECIPIENT],
        held_out=counts[DeliveryGroup.HOLDOUT],
        skipped=counts[DeliveryGroup.UNSUBSCRIBED] + counts[DeliveryGroup.CAPPED],
    )
    return message


def run_automation(automation: Automation, now: datetime) -> list[Message]:
    """One daily run of one rule; returns the messages it queued."""
    programme = automation.programme
    if automation.trigger == Automation.Trigger.PASSIVE:
        audience = Audience(AudienceKind.PASSIVE, passive_days=automation.days)
        ids = sorted(set(audience_ids(programme, audience)) - _covered(automation, ""))
        message = _send(automation, ids, "", now, None) if ids else None
        return [message] if message else []
    due_on = programme.today() + timedelta(days=automation.days)
    sent = []
    for task in Task.objects.filter(section__programme=programme, due_on=due_on):
        occasion = f"task:{task.pk}"
        audience = Audience(AudienceKind.NOT_OPENED, section_id=task.section_id)
        ids = sorted(set(audience_ids(programme, audience)) - _covered(automation, occasion))
        if ids and (message := _send(automation, ids, occasion, now, task)):
            sent.append(message)
    return sent


def run_automations(now: datetime | None = None) -> int:
    """The daily sweep: every active rule of every running programme; returns messages queued."""
    now = now or timezone.now()
    queued = 0
    rules = Automation.objects.filter(is_paused=False).select_related("programme", "created_by")
    for automation in rules.order_by("id"):
        today = automation.programme.today()
        if not automation.programme.starts_on <= today <= automation.programme.ends_on:
            continue
        try:
            with transaction.atomic():
                queued += len(run_automation(automation, now))
        except Exception:
            # One broken rule must not stop the others; the sweep log shows the trace.
            logger.exception("Automation %s failed", automation.pk)
    return queued
