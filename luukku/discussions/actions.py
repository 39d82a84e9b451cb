"""Writes for discussions. Each checks the rules itself, so pages and the API behave alike.

Refusals: PermissionDenied (403) when the person may not do this at all, DiscussionError
(400, with a message) when the thing is in a state that refuses it, ValidationError for bad text.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from luukku.accounts.models import User
from luukku.activity.actions import record_event
from luukku.activity.models import EventKind
from luukku.core.html import sanitise_html
from luukku.discussions import notify, queries
from luukku.discussions.models import Comment, Reaction, ReactionKind, Thread
from luukku.programmes.models import Page, Programme

MAX_BODY_LENGTH = 20_000
MAX_TITLE_LENGTH = 200


class DiscussionError(Exception):
    """The request is refused in the thread's current state; the message says why."""


def _record(user: User, thread: Thread, kind: EventKind) -> None:
    record_event(
        organisation_id=thread.programme.organisation_id,
        programme_id=thread.programme_id,
        user_id=user.pk,
        kind=kind,
        target=f"thread:{thread.pk}",
    )


def clean_body(body_html: str) -> str:
    """Sanitised HTML that says something; ValidationError({"body": ...}) otherwise."""
    body = sanitise_html(body_html).strip()
    if not strip_tags(body).strip():
        raise ValidationError({"body": _("Write something first.")})
    if len(body) > MAX_BODY_LENGTH:
        raise ValidationError({"body": _("The text is too long.")})
    return body


def clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": _("Give the discussion a title.")})
    if len(title) > MAX_TITLE_LENGTH:
        raise ValidationError({"title": _("The title is too long.")})
    return title


def _require_poster(user: User, programme: Programme) -> None:
    if not queries.can_post(user, programme):
        raise PermissionDenied(_("Observers can read discussions but not write in them."))


def _require_coach(user: User, programme: Programme) -> None:
    if not queries.is_coach(user, programme):
        raise PermissionDenied(_("Only coaches can do this."))


def _require_author(user: User, author_id: int | None) -> None:
    if author_id is None or author_id != user.pk:
        raise PermissionDenied(_("You can change only what you wrote yourself."))


def _require_open(thread: Thread) -> None:
    if thread.locked:
        raise DiscussionError(_("This discussion is locked: no new comments or changes."))


def do_create_thread(
    *, user: User, programme: Programme, title: str, body_html: str, page: Page | None = None
) -> Thread:
    """Start a thread in the programme (or under one of its pages) and tell the members."""
    _require_poster(user, programme)
    if page is not None and page.section.programme_id != programme.pk:
        raise PermissionDenied
    thread = Thread(
        programme=programme,
        page=page,
        author=user,
        title=clean_title(title),
        body_html=clean_body(body_html),
    )
    with transaction.atomic():
        thread.save(force_insert=True)
        _record(user, thread, EventKind.POST)
        notify.notify_new_thread(thread=thread, actor=user)
    return thread


def do_edit_thread(*, user: User, thread: Thread, title: str, body_html: str) -> Thread:
    """The author changes their thread; members newly @mentioned are told."""
    _require_author(user, thread.author_id)
    _require_open(thread)
    thread.title = clean_title(title)
    thread.body_html = clean_body(body_html)
    thread.edited_at = timezone.now()
    with transaction.atomic():
        thread.save(update_fields=["title", "body_html", "edited_at"])
        audience = list(queries.thread_audience(thread))
        notify.notify_mentions(thread=thread, comment=None, actor=user, audience=audience)
    return thread


def do_delete_thread(*, user: User, thread: Thread) -> None:
    """The author removes their thread (kept in the database, shown to nobody)."""
    _require_author(user, thread.author_id)
    thread.deleted_at = timezone.now()
    thread.save(update_fields=["deleted_at"])


def do_pin_thread(*, user: User, thread: Thread, pinned: bool) -> None:
    _require_coach(user, thread.programme)
    thread.pinned = pinned
    thread.save(update_fields=["pinned"])


def do_lock_thread(*, user: User, thread: Thread, locked: bool) -> None:
    _require_coach(user, thread.programme)
    thread.locked = locked
    thread.save(update_fields=["locked"])


def do_add_comment(*, user: User, thread: Thread, body_html: str) -> Comment:
    """Comment on an open thread; tell the people involved and those @mentioned."""
    _require_poster(user, thread.programme)
    _require_open(thread)
    comment = Comment(thread=thread, author=user, body_html=clean_body(body_html))
    with transaction.atomic():
        comment.save(force_insert=True)
        thread.last_activity_at = comment.created_at
        thread.save(update_fields=["last_activity_at"])
        _record(user, thread, EventKind.COMMENT)
        notify.notify_new_comment(comment=comment, actor=user)
    return comment


def do_edit_comment(*, user: User, comment: Comment, body_html: str) -> Comment:
    _require_author(user, comment.author_id)
    _require_open(comment.thread)
    if comment.is_hidden:
        raise DiscussionError(_("This comment has been removed and cannot be edited."))
    comment.body_html = clean_body(body_html)
    comment.edited_at = timezone.now()
    with transaction.atomic():
        comment.save(update_fields=["body_html", "edited_at"])
        audience = list(queries.thread_audience(comment.thread))
        notify.notify_mentions(
            thread=comment.thread, comment=comment, actor=user, audience=audience
        )
    return comment


def do_delete_comment(*, user: User, comment: Comment) -> None:
    """The author removes their comment; it stays in place as "deleted"."""
    _require_author(user, comment.author_id)
    comment.deleted_at = timezone.now()
    comment.save(update_fields=["deleted_at"])


def do_moderate_comment(*, user: User, comment: Comment, removed: bool = True) -> None:
    """A coach hides a comment (it stays as "removed by a coach") or restores it."""
    _require_coach(user, comment.thread.programme)
    comment.removed_by_moderator = removed
    comment.save(update_fields=["removed_by_moderator"])


def do_toggle_reaction(
    *, user: User, kind: str, thread: Thread | None = None, comment: Comment | None = None
) -> bool:
    """Add the reaction, or take it back if given already; return whether it is now given."""
    if kind not in ReactionKind.values:
        raise ValidationError({"kind": _("Unknown reaction.")})
    target_thread = thread if thread is not None else comment.thread if comment else None
    if target_thread is None or (thread is not None and comment is not None):
        raise ValueError("React to exactly one of a thread or a comment.")
    _require_poster(user, target_thread.programme)
    _require_open(target_thread)
    if comment is not None and comment.is_hidden:
        raise DiscussionError(_("This comment has been removed."))
    target = {"thread": thread, "comment": comment}
    with transaction.atomic():
        deleted, _rows = Reaction.objects.filter(user=user, kind=kind, **target).delete()
        if deleted:
            return False
        try:
            # A savepoint: a double click racing this one must not break the outer transaction.
            with transaction.atomic():
                Reaction.objects.create(user=user, kind=kind, **target)
        except IntegrityError:
            return True
        _record(user, target_thread, EventKind.REACTION)
    return True
