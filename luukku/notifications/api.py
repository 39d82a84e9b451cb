"""The notifications part of the HTTP API (mounted at /api/v1/notifications/)."""

from datetime import datetime

from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from luukku.accounts.adapters import signed_in_user
from luukku.notifications import actions, queries
from luukku.notifications.models import Notification

router = Router(tags=["notifications"], auth=django_auth)

MAX_OFFSET = 1_000_000
MAX_LIMIT = 100


class UnreadCountOut(Schema):
    unread: int


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    url: str
    actor_name: str | None
    created_at: datetime
    read_at: datetime | None

    @staticmethod
    def resolve_actor_name(notification: Notification) -> str | None:
        actor = notification.actor
        if actor is None:
            return None
        # Never another person's full e-mail address.
        return actor.display_name or actor.email.split("@")[0]


class MarkedReadOut(Schema):
    marked: int


class NotFoundError(HttpError):
    code = "not_found"

    def __init__(self) -> None:
        super().__init__(404, "Not found.")


@router.get("/unread-count", response=UnreadCountOut)
def unread_count(request: HttpRequest) -> dict[str, int]:
    return {"unread": queries.unread_count(signed_in_user(request))}


@router.get("/", response=list[NotificationOut])
def list_notifications(
    request: HttpRequest,
    unread: bool = False,
    limit: int = 25,
    # Bounded so that offset + limit fits every database's OFFSET (a 64-bit value was a 500).
    offset: int = Query(0, ge=0, le=MAX_OFFSET),  # type: ignore[type-arg]  # ninja's Query is a generic marker used as a default
) -> list[Notification]:
    """The caller's notifications, newest first; `unread=true` for unread only."""
    notifications = queries.notifications_for(signed_in_user(request), unread_only=unread)
    limit = min(max(limit, 1), MAX_LIMIT)
    offset = max(offset, 0)
    return list(notifications[offset : offset + limit])


@router.post("/{notification_id}/read", response=NotificationOut)
def mark_read(request: HttpRequest, notification_id: int) -> Notification:
    try:
        return actions.do_mark_read(user=signed_in_user(request), notification_id=notification_id)
    except Http404 as error:
        raise NotFoundError from error


@router.post("/read-all", response=MarkedReadOut)
def mark_all_read(request: HttpRequest) -> dict[str, int]:
    return {"marked": actions.do_mark_all_read(user=signed_in_user(request))}
