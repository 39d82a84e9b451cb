"""Who hears about a new thread, comment or @mention, each in their own language."""

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from luukku.accounts.models import User
from luukku.discussions import queries
from luukku.discussions.mentions import mentioned_user_ids
from luukku.discussions.models import Comment, Mention, Thread
from luukku.notifications.actions import do_notify
from luukku.notifications.models import NotificationKind


def display_name(user: User | None) -> str:
    """How a person is named to other members: never their full e-mail address."""
    if user is None:
        return _("Former member")
    return user.display_name or user.email.split("@")[0]


def thread_url(thread: Thread, comment: Comment | None = None) -> str:
    url = reverse("discussions:thread", args=[thread.pk])
    return f"{url}#comment-{comment.pk}" if comment is not None else url


def _notify_in_languages(
    *,
    recipients: Iterable[User],
    thread: Thread,
    kind: NotificationKind,
    url: str,
    actor: User,
    make_title: Callable[[], str],
) -> None:
    """One do_notify per recipient language, so each title reads in its reader's language."""
    by_language: dict[str, list[User]] = defaultdict(list)
    for user in recipients:
        by_language[user.language or settings.LANGUAGE_CODE].append(user)
    for language, users in by_language.items():
        with translation.override(language):
            title = make_title()
        do_notify(
            recipients=users,
            organisation=thread.programme.organisation,
            kind=kind,
            title=title,
            url=url,
            actor=actor,
        )


def notify_mentions(
    *, thread: Thread, comment: Comment | None, actor: User, audience: list[User]
) -> set[int]:
    """Record and notify members newly @mentioned in the thread or comment; return all named."""
    body = comment.body_html if comment is not None else thread.body_html
    named = mentioned_user_ids(body, audience) - {actor.pk}
    target = {"comment": comment} if comment is not None else {"thread": thread}
    already = set(Mention.objects.filter(**target).values_list("user_id", flat=True))
    new = named - already
    if not new:
        return named
    Mention.objects.bulk_create([Mention(user_id=user_id, **target) for user_id in sorted(new)])
    values = {"actor": display_name(actor), "title": thread.title}
    _notify_in_languages(
        recipients=[user for user in audience if user.pk in new],
        thread=thread,
        kind=NotificationKind.MENTION,
        url=thread_url(thread, comment),
        actor=actor,
        make_title=lambda: _("%(actor)s mentioned you in “%(title)s”") % values,
    )
    return named


def notify_new_thread(*, thread: Thread, actor: User) -> None:
    """Mentioned members hear of the mention; every other member of the new thread."""
    audience = list(queries.thread_audience(thread))
    named = notify_mentions(thread=thread, comment=None, actor=actor, audience=audience)
    values = {"actor": display_name(actor), "title": thread.title}
    _notify_in_languages(
        recipients=[user for user in audience if user.pk not in named],
        thread=thread,
        kind=NotificationKind.NEW_THREAD,
        url=thread_url(thread),
        actor=actor,
        make_title=lambda: _("%(actor)s started a discussion: “%(title)s”") % values,
    )


def notify_new_comment(*, comment: Comment, actor: User) -> None:
    """Mentioned members hear of the mention; the thread's author and earlier commenters
    (still in the programme) hear of the reply."""
    thread = comment.thread
    audience = list(queries.thread_audience(thread))
    named = notify_mentions(thread=thread, comment=comment, actor=actor, audience=audience)
    earlier = set(
        Comment.objects.filter(thread=thread, created_at__lte=comment.created_at)
        .exclude(pk=comment.pk)
        .values_list("author_id", flat=True)
    )
    involved = (earlier | {thread.author_id}) - named
    values = {"actor": display_name(actor), "title": thread.title}
    _notify_in_languages(
        recipients=[user for user in audience if user.pk in involved],
        thread=thread,
        kind=NotificationKind.REPLY,
        url=thread_url(thread, comment),
        actor=actor,
        make_title=lambda: _("%(actor)s commented on “%(title)s”") % values,
    )
