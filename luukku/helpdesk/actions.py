"""Writes for the helpdesk: requests, replies, notes, routing, statuses and ratings."""

import base64
import secrets
import uuid
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from luukku.accounts.models import User
from luukku.core.models import Organisation, Team
from luukku.core.tokens import hash_token
from luukku.core.uploads import VerifiedFile
from luukku.helpdesk import outbox, routing
from luukku.helpdesk.models import (
    Attachment,
    CannedReply,
    Category,
    Channel,
    ConversationLink,
    Message,
    MessageKind,
    Rating,
    Request,
    RoutingNote,
    RoutingRule,
    Status,
    TeamDesk,
)

LINK_SALT = "luukku.helpdesk.conversation"


class RequestClosedError(Exception):
    """The conversation is closed; a new request is needed."""


class AlreadyRatedError(Exception):
    """The one satisfaction answer of this request was given already."""


class NotResolvedError(Exception):
    """Satisfaction is asked only after the request is resolved."""


def _link_secret(nonce: str) -> str:
    digest = salted_hmac("luukku.helpdesk.conversation-link", nonce, algorithm="sha256")
    return base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode()


def conversation_token(link: ConversationLink) -> str:
    """The signed token of a link's URL, derived from its nonce and the SECRET_KEY.

    Derived rather than stored or passed along, so the outbox can build the e-mail from the
    link's id and a copy of the database alone opens no conversation.
    """
    return signing.Signer(salt=LINK_SALT).sign(_link_secret(link.nonce))


def _new_link(request: Request) -> ConversationLink:
    nonce = secrets.token_hex(32)
    return ConversationLink.objects.create(
        request=request, token_hash=hash_token(_link_secret(nonce)), nonce=nonce
    )


def do_create_conversation_link(*, request: Request) -> str:
    """A new private link for one conversation: returns the signed token for the URL."""
    return conversation_token(_new_link(request))


def _attach(message: Message, upload: VerifiedFile | None) -> None:
    """Store a file verified by core.uploads.verify_upload under a generated name."""
    if upload is None:
        return
    stored = ContentFile(upload.content, name=f"{uuid.uuid4().hex}{upload.extension}")
    Attachment.objects.create(
        message=message,
        file=stored,
        original_name=upload.download_name[:255],
        content_type=upload.content_type,
        size=upload.size,
    )


def _add_message(request: Request, kind: str, body: str, **fields: Any) -> Message:
    body = body.strip()
    if not body:
        raise ValidationError({"body": "empty"}, code="empty")
    return Message.objects.create(
        request=request, kind=kind, body=body, created_at=timezone.now(), **fields
    )


@transaction.atomic
def do_submit_request(
    *,
    organisation: Organisation,
    category: Category,
    name: str,
    email: str,
    subject: str,
    message: str,
    user: User | None = None,
    attachment: VerifiedFile | None = None,
    language: str = "fi",
) -> Request:
    """Store a new request, route it to a team and mail the requester a private link."""
    if category.organisation_id != organisation.pk:
        raise ValidationError({"category": "not of this organisation"})
    request = Request(
        organisation=organisation,
        reference=routing.new_reference(),
        category=category,
        team=routing.pick_team(category, subject, message),
        channel=Channel.SIGNED_IN if user is not None else Channel.OPEN_FORM,
        subject=subject.strip()[:200],
        requester_name=name.strip()[:150],
        requester_email=email.strip().lower(),
        requester=user,
        language=language,
        created_at=timezone.now(),
    )
    routing.set_due_times(request)
    request.save()
    first = _add_message(request, MessageKind.REQUESTER, message, author=user)
    _attach(first, attachment)
    outbox.enqueue(outbox.CONFIRMATION, request, _new_link(request))
    return request


CLOCK_FIELDS = ("waiting_since", "resolution_due", "next_due")


def _save(request: Request, *fields: str) -> None:
    request.next_due = routing.next_due(request)
    request.save(update_fields=[*fields, *CLOCK_FIELDS])


@transaction.atomic
def do_reply(*, request: Request, author: User, body: str, status: str = Status.WAITING) -> Message:
    """A staff reply: e-mailed to the requester; starts waiting for them by default."""
    message = _add_message(request, MessageKind.STAFF, body, author=author)
    if request.first_reply_at is None:
        request.first_reply_at = message.created_at
    _apply_status(request, status)
    _save(request, "first_reply_at", "status", "resolved_at", "closed_at")
    outbox.enqueue(outbox.REPLY, request, _new_link(request), message_id=message.pk)
    return message


def do_add_note(*, request: Request, author: User, body: str) -> Message:
    return _add_message(request, MessageKind.NOTE, body, author=author)


@transaction.atomic
def do_add_requester_message(
    *, request: Request, body: str, via_email: bool = False, attachment: VerifiedFile | None = None
) -> Message:
    """The requester answers; a waiting or resolved request opens again."""
    request = Request.objects.select_for_update().get(pk=request.pk)
    if request.status == Status.CLOSED:
        raise RequestClosedError
    message = _add_message(request, MessageKind.REQUESTER, body, via_email=via_email)
    _attach(message, attachment)
    if request.status in (Status.WAITING, Status.RESOLVED):
        _apply_status(request, Status.OPEN)
        _save(request, "status", "resolved_at", "closed_at")
    return message


def _apply_status(request: Request, status: str) -> None:
    if status not in Status.values:
        raise ValidationError({"status": "unknown"})
    now = timezone.now()
    if request.status == Status.WAITING and status != Status.WAITING:
        routing.resume_clock(request, now)
    elif status == Status.WAITING and request.status != Status.WAITING:
        request.waiting_since = now
    request.status = status
    request.resolved_at = (
        now
        if status == Status.RESOLVED
        else (request.resolved_at if status == Status.CLOSED else None)
    )
    request.closed_at = now if status == Status.CLOSED else None


@transaction.atomic
def do_set_status(*, request: Request, status: str) -> Request:
    _apply_status(request, status)
    _save(request, "status", "resolved_at", "closed_at")
    if status == Status.RESOLVED:
        outbox.enqueue(outbox.RESOLVED, request, _new_link(request))
    return request


def do_assign(*, request: Request, assignee: User | None) -> Request:
    request.assignee = assignee
    if request.status == Status.NEW and assignee is not None:
        request.status = Status.OPEN
    _save(request, "assignee", "status")
    return request


@transaction.atomic
def do_reroute(*, request: Request, team: Team, by: User, note: str = "") -> Request:
    """Move a request to another team; the requester's view and e-mail stay the same."""
    if team.organisation_id != request.organisation_id:
        raise ValidationError({"team": "not of this organisation"})
    RoutingNote.objects.create(
        request=request, from_team=request.team, to_team=team, note=note.strip(), by=by
    )
    request.team, request.assignee = team, None
    routing.set_due_times(request)
    request.save(
        update_fields=["team", "assignee", "first_reply_due", "resolution_due", "next_due"]
    )
    return request


@transaction.atomic
def do_rate(*, request: Request, score: int, comment: str = "") -> Rating:
    if request.status not in (Status.RESOLVED, Status.CLOSED):
        raise NotResolvedError
    if not 1 <= score <= 5:
        raise ValidationError({"score": "1-5"})
    if Rating.objects.filter(request=request).exists():
        raise AlreadyRatedError
    return Rating.objects.create(request=request, score=score, comment=comment.strip()[:2000])


def do_close_resolved_requests(*, now: datetime | None = None) -> int:
    """Close requests resolved long enough ago; run by a periodic sweep (idempotent)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.HELPDESK_CLOSE_AFTER_DAYS)
    return Request.objects.filter(status=Status.RESOLVED, resolved_at__lt=cutoff).update(
        status=Status.CLOSED, closed_at=now, next_due=None
    )


def do_create_category(
    *, organisation: Organisation, name: str, team: Team, position: int = 0
) -> Category:
    category = Category(organisation=organisation, name=name, team=team, position=position)
    category.full_clean()
    category.save()
    return category


def do_create_routing_rule(
    *, organisation: Organisation, keyword: str, team: Team, position: int = 0
) -> RoutingRule:
    return RoutingRule.objects.create(
        organisation=organisation, keyword=keyword, team=team, position=position
    )


def do_save_team_desk(*, team: Team, **fields: Any) -> TeamDesk:
    desk, _created = TeamDesk.objects.update_or_create(team=team, defaults=fields)
    return desk


def do_create_canned_reply(
    *, organisation: Organisation, language: str, title: str, body: str
) -> CannedReply:
    reply = CannedReply(organisation=organisation, language=language, title=title, body=body)
    reply.full_clean()
    reply.save()
    return reply


class CategoryInUseError(Exception):
    """Requests still name this topic; it cannot be removed (history would be lost)."""


def do_delete_category(*, category: Category) -> None:
    if Request.objects.filter(category=category).exists():
        raise CategoryInUseError
    category.delete()


def do_delete_routing_rule(*, rule: RoutingRule) -> None:
    rule.delete()


def do_delete_canned_reply(*, reply: CannedReply) -> None:
    reply.delete()
