"""Reads and permissions for discussions: members of a programme read, posters post."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from luukku.accounts.models import OrganisationMembership, OrganisationRole, User
from luukku.discussions.models import REACTION_SYMBOLS, Comment, Reaction, ReactionKind, Thread
from luukku.programmes import queries as programme_queries
from luukku.programmes.models import Page, Programme, ProgrammeRole

AnyUser = User | AnonymousUser
POSTING_ROLES = frozenset({ProgrammeRole.COACH, ProgrammeRole.PARTICIPANT})
NEW_SINCE_LIMIT = 10


def access_thread(user: AnyUser, thread_id: int) -> Thread:
    """The thread, if it is not deleted and the user may see its programme (and page); else 404."""
    thread = (
        Thread.objects.select_related("author", "page__section", "programme__organisation")
        .filter(pk=thread_id, deleted_at__isnull=True)
        .first()
    )
    if thread is None:
        raise Http404
    programme_queries.access_programme(user, thread.programme_id)
    if thread.page is not None:
        thread.page.section.programme = thread.programme
        if not programme_queries.can_see_section(user, thread.page.section):
            raise Http404
    return thread


def access_comment(user: AnyUser, comment_id: int) -> Comment:
    """The comment, if the user may see its thread; else 404. Hidden comments are returned."""
    thread_id = Comment.objects.filter(pk=comment_id).values_list("thread_id", flat=True).first()
    if thread_id is None:
        raise Http404
    thread = access_thread(user, thread_id)
    comment = Comment.objects.select_related("author").get(pk=comment_id)
    comment.thread = thread
    return comment


def can_post(user: AnyUser, programme: Programme) -> bool:
    """Coaches and participants write; observers only read."""
    return programme_queries.role_in(user, programme) in POSTING_ROLES


def is_coach(user: AnyUser, programme: Programme) -> bool:
    return programme_queries.is_coach(user, programme)


def audience_ids(programme: Programme, *, coaches_only: bool = False) -> list[int]:
    """Everyone who may read the programme's discussions: members and organisation admins."""
    admins = OrganisationMembership.objects.filter(
        organisation_id=programme.organisation_id, role=OrganisationRole.ADMIN
    ).values_list("user_id", flat=True)
    role = ProgrammeRole.COACH if coaches_only else None
    return sorted(set(programme_queries.member_user_ids(programme, role)) | set(admins))


def thread_audience(thread: Thread) -> QuerySet[User]:
    """The active people who may read the thread: only coaches while its page is not open."""
    page = thread.page
    closed = page is not None and not page.section.is_open_on(thread.programme.today())
    ids = audience_ids(thread.programme, coaches_only=closed)
    return User.objects.filter(pk__in=ids, is_active=True)


def _visible_threads(user: AnyUser, programme: Programme) -> QuerySet[Thread]:
    """Threads of the programme outside pages the user cannot see yet."""
    sections = programme_queries.visible_sections(user, programme)
    return Thread.objects.filter(programme=programme, deleted_at__isnull=True).filter(
        Q(page__isnull=True) | Q(page__section__in=sections)
    )


def threads_of_programme(user: AnyUser, programme: Programme) -> QuerySet[Thread]:
    """Pinned first, then the latest activity; with authors and visible comment counts."""
    return (
        _visible_threads(user, programme)
        .select_related("author", "page")
        .annotate(
            comment_count=Count(
                "comments",
                filter=Q(comments__deleted_at__isnull=True, comments__removed_by_moderator=False),
            )
        )
        .order_by("-pinned", "-last_activity_at", "-id")
    )


def threads_of_page(page: Page) -> QuerySet[Thread]:
    """Threads under a page (the caller has already checked the page is visible)."""
    return (
        Thread.objects.filter(page=page, deleted_at__isnull=True)
        .select_related("author")
        .annotate(
            comment_count=Count(
                "comments",
                filter=Q(comments__deleted_at__isnull=True, comments__removed_by_moderator=False),
            )
        )
        .order_by("-pinned", "-last_activity_at", "-id")
    )


def comments_of(thread: Thread) -> list[Comment]:
    return list(Comment.objects.filter(thread=thread).select_related("author"))


@dataclass
class ReactionCount:
    kind: str
    label: str
    symbol: str
    count: int = 0
    mine: bool = False


@dataclass
class ReactionSummary:
    """Reaction counts per target: "thread" or "comment:<id>" -> one count per kind."""

    by_target: dict[str, list[ReactionCount]] = field(default_factory=dict)

    def for_target(self, key: str) -> list[ReactionCount]:
        return self.by_target.get(key) or _empty_counts()


def _empty_counts() -> list[ReactionCount]:
    return [
        ReactionCount(kind=kind.value, label=str(kind.label), symbol=REACTION_SYMBOLS[kind])
        for kind in ReactionKind
    ]


def reaction_summary(user: AnyUser, thread: Thread) -> ReactionSummary:
    """Counts for the thread and all its comments, and which the user gave (one query)."""
    rows = Reaction.objects.filter(Q(thread=thread) | Q(comment__thread=thread)).values_list(
        "comment_id", "kind", "user_id"
    )
    by_target: dict[str, list[ReactionCount]] = defaultdict(_empty_counts)
    kinds = list(ReactionKind.values)
    for comment_id, kind, user_id in rows:
        counts = by_target["thread" if comment_id is None else f"comment:{comment_id}"]
        count = counts[kinds.index(kind)]
        count.count += 1
        count.mine = count.mine or user_id == user.pk
    return ReactionSummary(dict(by_target))


def new_since(user: AnyUser, programme: Programme, since: datetime.datetime) -> dict[str, Any]:
    """Others' threads and comments after `since`, for the programme home.

    Returns {"thread_count", "threads" (newest first, up to 10), "comment_count",
    "comments" (newest first, up to 10, with their threads)}.
    """
    threads = _visible_threads(user, programme).exclude(author_id=user.pk)
    new_threads = threads.filter(created_at__gt=since).select_related("author")
    comments = (
        Comment.objects.filter(
            thread__in=_visible_threads(user, programme),
            created_at__gt=since,
            deleted_at__isnull=True,
            removed_by_moderator=False,
        )
        .exclude(author_id=user.pk)
        .select_related("author", "thread")
    )
    return {
        "thread_count": new_threads.count(),
        "threads": list(new_threads.order_by("-created_at", "-id")[:NEW_SINCE_LIMIT]),
        "comment_count": comments.count(),
        "comments": list(comments.order_by("-created_at", "-id")[:NEW_SINCE_LIMIT]),
    }
