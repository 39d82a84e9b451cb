"""Helpdesk e-mail to requesters in the one outbox (core).

A row names the request (and the reply or the conversation link it is about). The private
conversation link's secret is derived from the link's nonce and SECRET_KEY when the e-mail
is built, so neither the outbox nor the task queue holds it; `emailed_at` on the message
is set in the outbox's own commit, so a doubled worker never mails a reply twice.
"""

from collections.abc import Collection
from datetime import datetime
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation

from luukku.core.outbox.actions import do_enqueue_message
from luukku.core.outbox.plain_text import render_plain_subject, render_plain_text
from luukku.core.outbox.registry import Built, Outgoing, Rows, Skip, register_builder
from luukku.helpdesk.models import ConversationLink, Message, MessageKind, Request, Status

CONFIRMATION = "helpdesk.confirmation"
REPLY = "helpdesk.reply"
RESOLVED = "helpdesk.resolved"
KINDS = (CONFIRMATION, REPLY, RESOLVED)


def enqueue(kind: str, request: Request, link: ConversationLink, message_id: int = 0) -> None:
    """One e-mail to the requester, about `message_id` (a reply) or the request itself."""
    key = f"{kind}:{message_id}" if kind == REPLY else f"{kind}:{request.pk}:{link.pk}"
    do_enqueue_message(
        kind=kind,
        key=key,
        recipient=request.requester_email,
        source_app="helpdesk",
        source_id=request.pk,
        organisation_id=request.organisation_id,
        params={"link_id": link.pk, "message_id": message_id},
    )


def conversation_url(token: str) -> str:
    return settings.SITE_URL + reverse("helpdesk:conversation", args=[token])


def reply_to_address(reference: str) -> list[str]:
    """The plus-address carrying the reference, so a reply threads even with a new subject."""
    if not settings.HELPDESK_REPLY_TO or "@" not in settings.HELPDESK_REPLY_TO:
        return []
    local, domain = settings.HELPDESK_REPLY_TO.rsplit("@", 1)
    return [f"{local}+{reference.lower()}@{domain}"]


def build(rows: Rows) -> list[Built]:
    # Imported here: actions imports this module to enqueue.
    from luukku.helpdesk.actions import conversation_token

    requests = Request.objects.select_related("organisation").in_bulk(
        [int(row.source_id) for row in rows]
    )
    links = ConversationLink.objects.in_bulk([row.params.get("link_id", 0) for row in rows])
    messages = Message.objects.in_bulk([row.params.get("message_id", 0) for row in rows])
    built: list[Built] = []
    for row in rows:
        request = requests.get(int(row.source_id))
        link = links.get(row.params.get("link_id", 0))
        message = messages.get(row.params.get("message_id", 0))
        if request is None or link is None or not link.nonce:
            built.append(Skip("the request or its link is gone"))
        elif row.kind == REPLY and message is None:
            built.append(Skip("the reply was deleted"))
        elif row.kind == RESOLVED and request.status != Status.RESOLVED:
            built.append(Skip("the request is no longer resolved"))
        else:
            context: dict[str, object] = {"request": request, "message": message,
                       "link": conversation_url(conversation_token(link))}  # fmt: skip
            built.append(Outgoing(_email(request, row.kind.split(".")[1], context)))
    return built


def _email(request: Request, template: str, context: dict[str, object]) -> EmailMessage:
    with translation.override(request.language or settings.LANGUAGE_CODE):
        subject = render_plain_subject(f"helpdesk/email/{template}_subject.txt", context)
        body = render_plain_text(f"helpdesk/email/{template}.txt", context)
    return EmailMessage(
        subject=f"[{request.reference}] {subject}",
        body=body,
        to=[request.requester_email],
        reply_to=reply_to_address(request.reference),
        headers={"Message-ID": make_msgid(idstring=request.reference)},
    )


def on_sent(rows: Rows, now: datetime) -> Collection[int] | None:
    """The message each e-mail carried is on record as e-mailed (the request's first one for
    a confirmation)."""
    for row in rows:
        if row.kind == REPLY:
            Message.objects.filter(pk=row.params.get("message_id", 0)).update(emailed_at=now)
        elif row.kind == CONFIRMATION:
            first = Message.objects.filter(
                request_id=int(row.source_id), kind=MessageKind.REQUESTER
            ).order_by("created_at", "id")[:1]
            Message.objects.filter(pk__in=list(first.values_list("pk", flat=True)),
                                   emailed_at__isnull=True).update(emailed_at=now)  # fmt: skip
    return None


def register_builders() -> None:
    for kind in KINDS:
        register_builder(kind, build=build, on_sent=on_sent)
