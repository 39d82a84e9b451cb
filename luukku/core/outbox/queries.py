"""Reads of the outbox: what is waiting, and "did this person get the mail, and if not, why"."""

from collections.abc import Collection, Iterable, Sequence

from django.db.models import QuerySet

from luukku.core.outbox.models import OutboxMessage, OutboxStatus

MAIL_LOG_LIMIT = 200


def pending_ids(*, organisation_id: int, kinds: Sequence[str]) -> list[int]:
    return list(
        OutboxMessage.objects.filter(
            organisation_id=organisation_id, kind__in=kinds, status=OutboxStatus.PENDING
        ).values_list("pk", flat=True)
    )


def pending_ids_for_sources(source_app: str, source_ids: Iterable[str | int]) -> list[int]:
    wanted = [str(source_id) for source_id in source_ids]
    return list(
        OutboxMessage.objects.filter(
            source_app=source_app, source_id__in=wanted, status=OutboxStatus.PENDING
        ).values_list("pk", flat=True)
    )


def rows_for_source(source_app: str, source_id: str | int) -> QuerySet[OutboxMessage]:
    return OutboxMessage.objects.filter(source_app=source_app, source_id=str(source_id))


def mail_to(address: str, *, organisation_ids: Collection[int] | None) -> list[OutboxMessage]:
    """The newest messages to `address`, limited to the given organisations' rows.

    `organisation_ids=None` means every row (installation staff), including mail that
    belongs to no organisation (sign-in links); callers decide who gets which.
    """
    rows = OutboxMessage.objects.filter(recipient=address.strip().lower())
    if organisation_ids is not None:
        rows = rows.filter(organisation_id__in=organisation_ids)
    return list(rows.select_related("organisation").order_by("-created_at", "-id")[:MAIL_LOG_LIMIT])
