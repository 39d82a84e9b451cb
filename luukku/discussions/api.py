"""The discussions part of the HTTP API (mounted at /api/v1/discussions/).

Same queries and actions as the pages: 404 for what the caller may not see, 403 for what
they may see but not do, 400 for a refused state (a locked thread) or bad text.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth

from luukku.accounts.adapters import signed_in_user
from luukku.core.html import plain_text_to_html
from luukku.discussions import actions, queries
from luukku.discussions.models import Comment, Thread
from luukku.discussions.notify import display_name
from luukku.programmes import queries as programme_queries

router = Router(tags=["discussions"], auth=django_auth)


class ApiError(HttpError):
    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(status, detail)
        self.code = code


@contextmanager
def _refusals_as_errors() -> Iterator[None]:
    """Turn the queries' and actions' refusals into the API's JSON errors."""
    try:
        yield
    except Http404 as error:
        raise ApiError(404, "not_found", "Not found.") from error
    except PermissionDenied as error:
        raise ApiError(403, "forbidden", str(error) or "Not allowed.") from error
    except actions.DiscussionError as error:
        raise ApiError(400, "refused", str(error)) from error
    except ValidationError as error:
        detail = " ".join(message for message in error.messages)
        raise ApiError(400, "invalid", detail) from error


class CommentOut(Schema):
    id: int
    author_name: str
    body_html: str
    created_at: datetime
    edited_at: datetime | None
    state: str

    @staticmethod
    def resolve_author_name(comment: Comment) -> str:
        return display_name(comment.author)

    @staticmethod
    def resolve_state(comment: Comment) -> str:
        if comment.removed_by_moderator:
            return "removed_by_coach"
        return "deleted" if comment.deleted_at else "visible"

    @staticmethod
    def resolve_body_html(comment: Comment) -> str:
        # Hidden comments keep their row for the thread's shape, never their text.
        return "" if comment.is_hidden else comment.body_html


class ThreadOut(Schema):
    id: int
    programme_id: int
    page_id: int | None
    title: str
    author_name: str
    body_html: str
    pinned: bool
    locked: bool
    created_at: datetime
    edited_at: datetime | None
    last_activity_at: datetime

    @staticmethod
    def resolve_author_name(thread: Thread) -> str:
        return display_name(thread.author)


class ThreadDetailOut(ThreadOut):
    comments: list[CommentOut]

    @staticmethod
    def resolve_comments(thread: Thread) -> list[Comment]:
        return queries.comments_of(thread)


class ThreadIn(Schema):
    title: str
    body: str = ""
    body_html: str = ""
    page_id: int | None = None


class CommentIn(Schema):
    body: str = ""
    body_html: str = ""


class ReactionIn(Schema):
    kind: str


class ReactionOut(Schema):
    reacted: bool


def _html(body: str, body_html: str) -> str:
    """Plain text (as from a textarea) or HTML; the action sanitises either way."""
    return body_html if body_html.strip() else plain_text_to_html(body)


@router.get("/programmes/{programme_id}/threads", response=list[ThreadOut])
def list_threads(request: HttpRequest, programme_id: int) -> list[Thread]:
    with _refusals_as_errors():
        programme = programme_queries.access_programme(request.user, programme_id)
        return list(queries.threads_of_programme(signed_in_user(request), programme))


@router.post("/programmes/{programme_id}/threads", response={201: ThreadOut})
def create_thread(request: HttpRequest, programme_id: int, data: ThreadIn) -> Status[Thread]:
    with _refusals_as_errors():
        programme = programme_queries.access_programme(request.user, programme_id)
        page = None
        if data.page_id is not None:
            page = programme_queries.access_page(request.user, data.page_id)
        thread = actions.do_create_thread(
            user=signed_in_user(request),
            programme=programme,
            page=page,
            title=data.title,
            body_html=_html(data.body, data.body_html),
        )
        return Status(201, thread)


@router.get("/threads/{thread_id}", response=ThreadDetailOut)
def get_thread(request: HttpRequest, thread_id: int) -> Thread:
    with _refusals_as_errors():
        return queries.access_thread(request.user, thread_id)


@router.post("/threads/{thread_id}/comments", response={201: CommentOut})
def add_comment(request: HttpRequest, thread_id: int, data: CommentIn) -> Status[Comment]:
    with _refusals_as_errors():
        thread = queries.access_thread(request.user, thread_id)
        comment = actions.do_add_comment(
            user=signed_in_user(request), thread=thread, body_html=_html(data.body, data.body_html)
        )
        return Status(201, comment)


def _toggle(
    request: HttpRequest, data: ReactionIn, find: Callable[[], dict[str, Any]]
) -> dict[str, bool]:
    with _refusals_as_errors():
        reacted = actions.do_toggle_reaction(user=signed_in_user(request), kind=data.kind, **find())
        return {"reacted": reacted}


@router.post("/threads/{thread_id}/reactions", response=ReactionOut)
def react_to_thread(request: HttpRequest, thread_id: int, data: ReactionIn) -> dict[str, bool]:
    return _toggle(
        request, data, lambda: {"thread": queries.access_thread(request.user, thread_id)}
    )


@router.post("/comments/{comment_id}/reactions", response=ReactionOut)
def react_to_comment(request: HttpRequest, comment_id: int, data: ReactionIn) -> dict[str, bool]:
    return _toggle(
        request, data, lambda: {"comment": queries.access_comment(request.user, comment_id)}
    )
