"""Helpdesk e-mail to requesters. Tasks take ids and tokens, never model objects.

Each message row doubles as its outbox entry: `emailed_at` is set in the same transaction
that sends, under a row lock, so a doubled or retried worker never sends a reply twice.
"""

from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task


def conversation_url(token: str) -> str:
    return settings.SITE_URL + reverse("helpdesk:conversation", args=[token])


def reply_to_address(reference: str) -> list[str]:
    """The plus-address carrying the reference, so a reply threads even with a new subject."""
    if not settings.HELPDESK_REPLY_TO or "@" not in settings.HELPDESK_REPLY_TO:
        return []
    local, domain = settings.HELPDESK_REPLY_TO.rsplit("@", 1)
    return [f"{local}+{reference.lower()}@{domain}"]


def _send(request: object, template: str, context: dict[str, object]) -> None:
    from luukku.helpdesk.models import Request

    if not isinstance(request, Request):
        raise TypeError(f"expected a helpdesk Request, got {type(request).__name__}")
    with translation.override(request.language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"helpdesk/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"helpdesk/email/{template}.txt", context)
    message = EmailMessage(
        subject=f"[{request.reference}] {subject}",
        body=body,
        to=[request.requester_email],
        reply_to=reply_to_address(request.reference),
        headers={"Message-ID": make_msgid(idstring=request.reference)},
    )
    message.send()


@task()
def send_confirmation(*, request_id: int, token: str) -> None:
    from luukku.helpdesk.models import Message, MessageKind

    with transaction.atomic():
        first = (
            Message.objects.select_for_update()
            .select_related("request__organisation")
            .filter(request_id=request_id, kind=MessageKind.REQUESTER, emailed_at__isnull=True)
            .order_by("created_at", "id")
            .first()
        )
        if first is None or first.request.messages.filter(pk__lt=first.pk).exists():
            return
        context = {"request": first.request, "link": conversation_url(token)}
        _send(first.request, "confirmation", context)
        first.emailed_at = timezone.now()
        first.save(update_fields=["emailed_at"])


@task()
def send_staff_reply(*, message_id: int, token: str) -> None:
    from luukku.helpdesk.models import Message

    with transaction.atomic():
        message = (
            Message.objects.select_for_update()
            .select_related("request__organisation")
            .filter(pk=message_id, emailed_at__isnull=True)
            .first()
        )
        if message is None:
            return
        context = {"request": message.request, "message": message, "link": conversation_url(token)}
        _send(message.request, "reply", context)
        message.emailed_at = timezone.now()
        message.save(update_fields=["emailed_at"])


@task()
def send_resolved(*, request_id: int, token: str) -> None:
    from luukku.helpdesk.models import Request, Status

    request = Request.objects.select_related("organisation").filter(pk=request_id).first()
    if request is None or request.status != Status.RESOLVED:
        return
    _send(request, "resolved", {"request": request, "link": conversation_url(token)})
