"""Reads and permissions for activation messages: one place decides who may see what."""

import zoneinfo
from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate
from django.http import Http404

from luukku.accounts.models import OrganisationMembership, OrganisationRole, User
from luukku.core.models import Organisation
from luukku.outreach.library import LIBRARY, LibraryText
from luukku.outreach.models import (
    Automation,
    AutomationRun,
    Delivery,
    DeliveryGroup,
    DeliveryStatus,
    Message,
    MessageTemplate,
    OutreachSettings,
)
from luukku.programmes.models import Programme
from luukku.programmes.queries import COACH_ONLY, AnyUser, access_programme

__all__ = [
    "access_automation",
    "access_coached_programme",
    "access_delivery_by_token",
    "access_message",
    "access_organisation_effects",
    "access_own_delivery",
    "access_template_organisation",
    "automation_deliveries",
    "automation_runs",
    "automations_of",
    "customised_templates",
    "failed_deliveries",
    "has_pending_deliveries",
    "message_deliveries",
    "message_send_dates",
    "messages_with_counts",
    "organisation_programmes",
    "people_by_name",
    "programme_deliveries",
    "settings_for",
    "template_text",
]


def access_coached_programme(user: AnyUser, programme_id: int) -> Programme:
    """The programme if the user coaches it (or administers its organisation); else 404."""
    return access_programme(user, programme_id, roles=COACH_ONLY)


def access_message(user: AnyUser, programme_id: int, message_id: int) -> Message:
    programme = access_coached_programme(user, programme_id)
    message = Message.objects.filter(pk=message_id, programme=programme).first()
    if message is None:
        raise Http404
    message.programme = programme
    return message


def access_automation(user: AnyUser, programme_id: int, automation_id: int) -> Automation:
    programme = access_coached_programme(user, programme_id)
    automation = Automation.objects.filter(pk=automation_id, programme=programme).first()
    if automation is None:
        raise Http404
    automation.programme = programme
    return automation


def access_delivery_by_token(token: str) -> Delivery:
    """The outbox row a tracked link or unsubscribe link names; unknown tokens are a 404."""
    delivery = (
        Delivery.objects.select_related("message__programme", "user")
        .filter(token=token, group=DeliveryGroup.RECIPIENT)
        .first()
    )
    if delivery is None:
        raise Http404
    return delivery


def access_own_delivery(user: AnyUser, delivery_id: int) -> Delivery:
    """A message the signed-in person received in the app; anyone else's is a 404."""
    if not isinstance(user, User):
        raise Http404
    delivery = (
        Delivery.objects.select_related("message__programme", "user")
        .filter(pk=delivery_id, user=user, notification__isnull=False)
        .first()
    )
    if delivery is None:
        raise Http404
    return delivery


def access_template_organisation(user: AnyUser, organisation_id: int) -> Organisation:
    """Admins and staff of an organisation edit its message templates; anyone else: 404."""
    if not isinstance(user, User) or not user.is_active:
        raise Http404
    membership = (
        OrganisationMembership.objects.filter(user=user, organisation_id=organisation_id)
        .select_related("organisation")
        .first()
    )
    if membership is None:
        raise Http404
    return membership.organisation


def access_organisation_effects(user: AnyUser, organisation_id: int) -> Organisation:
    """The pooled effect of an organisation's messages is for its admins; anyone else: 404."""
    if not isinstance(user, User) or not user.is_active:
        raise Http404
    membership = (
        OrganisationMembership.objects.filter(
            user=user, organisation_id=organisation_id, role=OrganisationRole.ADMIN
        )
        .select_related("organisation")
        .first()
    )
    if membership is None:
        raise Http404
    return membership.organisation


def settings_for(organisation_id: int) -> OutreachSettings:
    """The organisation's outreach rules, or the defaults (unsaved) when it has none."""
    found = OutreachSettings.objects.filter(organisation_id=organisation_id).first()
    return found or OutreachSettings(organisation_id=organisation_id)


def template_text(organisation_id: int, kind: str, language: str) -> LibraryText:
    """The organisation's wording of a library template, or the built-in one."""
    own = MessageTemplate.objects.filter(
        organisation_id=organisation_id, kind=kind, language=language
    ).first()
    if own is not None:
        return LibraryText(own.subject, own.body)
    return LIBRARY[kind][language]


def message_send_dates(programme: Programme) -> list[date]:
    """The programme-local days on which activation messages reached anyone, oldest first."""
    zone = zoneinfo.ZoneInfo(programme.time_zone)
    days = (
        Delivery.objects.filter(
            message__programme=programme,
            group=DeliveryGroup.RECIPIENT,
            delivered_at__isnull=False,
        )
        .annotate(day=TruncDate("delivered_at", tzinfo=zone))
        .values_list("day", flat=True)
        .distinct()
        .order_by("day")
    )
    return list(days)


def messages_with_counts(programme: Programme) -> QuerySet[Message]:
    """The programme's messages, newest first, with their delivery counts (one query)."""
    recipient = Q(deliveries__group=DeliveryGroup.RECIPIENT)
    return (
        Message.objects.filter(programme=programme)
        .select_related("automation", "created_by")
        .annotate(
            recipient_count=Count("deliveries", filter=recipient),
            delivered_count=Count(
                "deliveries", filter=recipient & Q(deliveries__delivered_at__isnull=False)
            ),
            pending_count=Count(
                "deliveries", filter=recipient & Q(deliveries__status=DeliveryStatus.PENDING)
            ),
            holdout_count=Count("deliveries", filter=Q(deliveries__group=DeliveryGroup.HOLDOUT)),
        )
        .order_by("-send_at", "-id")
    )


def automations_of(programme: Programme) -> QuerySet[Automation]:
    return Automation.objects.filter(programme=programme).order_by("name", "id")


def automation_deliveries(automation: Automation) -> QuerySet[Delivery]:
    """Every delivery an automation's runs made, recipients and hold-out alike."""
    return Delivery.objects.filter(message__automation=automation)


def automation_runs(automation: Automation, limit: int = 100) -> list[AutomationRun]:
    """The automation's latest runs, newest first (the model's order), for its log."""
    return list(automation.runs.select_related("message", "task")[:limit])


def message_deliveries(message: Message) -> QuerySet[Delivery]:
    return Delivery.objects.filter(message=message)


def programme_deliveries(programme: Programme) -> QuerySet[Delivery]:
    """Every delivery of every message of the programme (the Messages list reads them at once)."""
    return Delivery.objects.filter(message__programme=programme)


def has_pending_deliveries(message: Message) -> bool:
    return message_deliveries(message).filter(status=DeliveryStatus.PENDING).exists()


def failed_deliveries(message: Message, limit: int = 50) -> list[Delivery]:
    failed = message_deliveries(message).filter(status=DeliveryStatus.FAILED)
    return list(failed.select_related("user")[:limit])


def customised_templates(organisation: Organisation) -> set[tuple[str, str]]:
    """(kind, language) pairs the organisation has its own wording for."""
    rows = MessageTemplate.objects.filter(organisation=organisation)
    return set(rows.values_list("kind", "language"))


def people_by_name(user_ids: Iterable[int]) -> list[tuple[int, str]]:
    """(id, name) of the given people, by name, for a pick list."""
    users = User.objects.filter(pk__in=user_ids).order_by("display_name", "email")
    return [(user.pk, user.display_name or user.email) for user in users]


def organisation_programmes(organisation: Organisation) -> QuerySet[Programme]:
    """Every programme of the organisation, oldest first (the pooled effect reads them all)."""
    return Programme.objects.filter(organisation=organisation).order_by("pk")
