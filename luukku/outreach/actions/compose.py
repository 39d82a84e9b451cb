"""Queueing a composed message (one outbox row per person, in one transaction) and cancelling."""

import random
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from luukku.accounts.models import User
from luukku.activity import queries as activity_queries
from luukku.core.outbox.actions import NewMessage, do_enqueue_messages, do_skip_pending
from luukku.outreach import placeholders, queries
from luukku.outreach.actions.outbox import CANCELLED, KIND_EMAIL, KIND_IN_APP
from luukku.outreach.audiences import participant_joins
from luukku.outreach.models import (
    Automation,
    Delivery,
    DeliveryGroup,
    DeliveryStatus,
    Message,
    MessageStatus,
    new_token,
)
from luukku.outreach.planning import Draft, Plan, check_draft, plan_message
from luukku.outreach.rendering import PREVIEW_TOKEN, personal_text
from luukku.programmes.models import Programme


def person_contexts(
    programme: Programme, users: list[User], text: str, now: datetime
) -> dict[int, dict[str, Any]]:
    """The per-person placeholder values; figures the text does not use are not read."""
    names = set(placeholders.placeholder_names(text))
    ids = [user.pk for user in users]
    days: dict[int, int] = {}
    if "days_since_last_visit" in names:
        joins = participant_joins(programme)
        last_visits = activity_queries.last_visit_by_member(programme)
        for user_id in ids:
            reference = last_visits.get(user_id) or joins.get(user_id)
            days[user_id] = (now - reference).days if isinstance(reference, datetime) else 0
    pages = activity_queries.last_page_by_member(programme, ids) if "continue_link" in names else {}
    home = reverse("programmes:home", args=[programme.pk])
    contexts = {}
    for user in users:
        page = pages.get(user.pk)
        contexts[user.pk] = {
            "first_name": user.first_name,
            "days_since_last_visit": days.get(user.pk, 0),
            "continue_path": (
                reverse("programmes:page", args=[programme.pk, page]) if page else home
            ),
        }
    return contexts


def preview(
    programme: Programme, draft: Draft, user: User, now: datetime | None = None
) -> tuple[str, str]:
    """The subject and body `user` would get (links are shown but not tracked)."""
    message = Message(programme=programme, subject=draft.subject, body=draft.body)
    context = person_contexts(programme, [user], draft.subject + draft.body, now or timezone.now())
    return personal_text(message, programme, context[user.pk], PREVIEW_TOKEN)


def plan_draft(
    programme: Programme, draft: Draft, *, now: datetime | None = None,
    rng: random.Random | None = None,
) -> Plan:  # fmt: skip
    """Check the draft and plan it; raises ValidationError (a dict by field, or one message)."""
    now = now or timezone.now()
    errors = check_draft(programme, draft, now)
    if errors:
        raise ValidationError(errors)
    return plan_message(
        programme, draft, queries.settings_for(programme.organisation_id), now=now, rng=rng
    )


def do_queue_message(
    *,
    programme: Programme,
    author: User | None,
    draft: Draft,
    now: datetime | None = None,
    automation: Automation | None = None,
    occasion: str = "",
    rng: random.Random | None = None,
) -> Message:
    """Check, plan and store a message with an outbox row per person; send what is due."""
    now = now or timezone.now()
    plan = plan_draft(programme, draft, now=now, rng=rng)
    contexts = person_contexts(
        programme, [person.user for person in plan.people], draft.subject + draft.body, now
    )
    with transaction.atomic():
        message = Message.objects.create(
            **_message_fields(programme, draft, plan), created_by=author, automation=automation,
            occasion=occasion, created_at=now,
        )  # fmt: skip
        rows = do_enqueue_messages(
            [_outbox_message(message, person) for person in plan.people
             if person.group == DeliveryGroup.RECIPIENT]
        )  # fmt: skip
        Delivery.objects.bulk_create(
            (
                _delivery(message, person.user.pk, person.group, person.send_at, contexts, rows)
                for person in plan.people
            ),
            batch_size=1000,
        )
    return message


def _outbox_message(message: Message, person: Any) -> NewMessage:
    return NewMessage(
        kind=KIND_EMAIL if message.by_email else KIND_IN_APP,
        key=f"outreach:{message.pk}:{person.user.pk}",
        recipient=person.user.email,
        source_app="outreach",
        source_id=message.pk,
        organisation_id=message.organisation_id,
        send_at=person.send_at,
    )


def _message_fields(programme: Programme, draft: Draft, plan: Plan) -> dict[str, Any]:
    return {
        "organisation_id": programme.organisation_id,
        "programme": programme,
        "subject": draft.subject,
        "body": draft.body,
        "channel": draft.channel,
        "section_id": draft.section_id,
        "audience": draft.audience.kind,
        "audience_detail": draft.audience.detail(),
        "timing": draft.timing,
        "send_at": plan.first_send_at,
        "ignore_quiet_hours": draft.ignore_quiet_hours,
        "ignore_frequency_cap": draft.ignore_frequency_cap,
        "holdout_percent": draft.holdout_percent,
    }


def _delivery(
    message: Message, user_id: int, group: str, send_at: datetime, contexts: dict[int, Any],
    rows: dict[str, int],
) -> Delivery:  # fmt: skip
    recipient = group == DeliveryGroup.RECIPIENT
    return Delivery(
        message=message,
        user_id=user_id,
        group=group,
        status=DeliveryStatus.PENDING if recipient else DeliveryStatus.NONE,
        token=new_token(),
        context=contexts[user_id],
        send_at=send_at,
        outbox_message_id=rows.get(f"outreach:{message.pk}:{user_id}"),
    )


def do_cancel_message(*, message: Message) -> int:
    """Stop the rows not yet sent; return how many were stopped. Sent ones stay on record."""
    with transaction.atomic():
        # A row a worker holds right now is left to it: its send may already be under way
        # (and the outbox's commit refuses it if the cancel wins after all).
        pending = Delivery.objects.filter(message=message, status=DeliveryStatus.PENDING)
        withdrawn = do_skip_pending(
            ids=[i for i in pending.values_list("outbox_message_id", flat=True) if i],
            reason=CANCELLED,
        )
        stopped = pending.filter(outbox_message_id__in=withdrawn).update(
            status=DeliveryStatus.NONE, last_error="cancelled"
        )
        if not message.deliveries.filter(status=DeliveryStatus.PENDING).exists():
            message.status = MessageStatus.CANCELLED
            message.save(update_fields=["status"])
    return stopped
