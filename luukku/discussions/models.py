"""Discussions of a programme: threads (optionally under a page), comments, reactions, mentions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luukku.programmes.models import Page, Programme

# Exactly one of the two targets is set: a reaction or mention belongs to a thread or a comment.
ONE_TARGET = (Q(thread__isnull=False) & Q(comment__isnull=True)) | (
    Q(thread__isnull=True) & Q(comment__isnull=False)
)


class Thread(models.Model):
    """A discussion started by a member, in a programme or under one of its pages."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="threads")
    page = models.ForeignKey(
        Page,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="threads",
    )
    # SET_NULL: erasing a person keeps the conversation others took part in.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="discussion_threads",
    )
    title = models.CharField(_("title"), max_length=200)
    body_html = models.TextField(_("text"))
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # Kept up to date by the comment actions so that the list sorts without an aggregate.
    last_activity_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")
        ordering = ["-pinned", "-last_activity_at", "-id"]
        indexes = [
            models.Index(
                fields=["programme", "-pinned", "-last_activity_at"], name="thread_list_idx"
            ),
            models.Index(fields=["programme", "created_at"], name="thread_new_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class Comment(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="discussion_comments",
    )
    body_html = models.TextField(_("text"))
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    removed_by_moderator = models.BooleanField(_("removed by a coach"), default=False)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["thread", "created_at"], name="comment_thread_idx")]

    def __str__(self) -> str:
        return f"{self.author} · {self.thread}"

    @property
    def is_hidden(self) -> bool:
        """Deleted by its author or removed by a coach: the text is no longer shown."""
        return self.deleted_at is not None or self.removed_by_moderator


class ReactionKind(models.TextChoices):
    LIKE = "like", _("Like")
    HEART = "heart", _("Love")
    IDEA = "idea", _("Good idea")
    THANKS = "thanks", _("Thanks")


REACTION_SYMBOLS = {
    ReactionKind.LIKE: "👍",
    ReactionKind.HEART: "❤️",
    ReactionKind.IDEA: "💡",
    ReactionKind.THANKS: "🙏",
}


class Reaction(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_reactions"
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, null=True, blank=True, related_name="reactions"
    )
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="reactions"
    )
    kind = models.CharField(_("reaction"), max_length=10, choices=ReactionKind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.CheckConstraint(condition=ONE_TARGET, name="reaction_has_one_target"),
            models.UniqueConstraint(
                fields=["user", "thread", "kind"],
                condition=Q(thread__isnull=False),
                name="one_reaction_per_user_thread_kind",
            ),
            models.UniqueConstraint(
                fields=["user", "comment", "kind"],
                condition=Q(comment__isnull=False),
                name="one_reaction_per_user_comment_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.kind}"


class Mention(models.Model):
    """A member named with @ in a thread or comment; kept so an edit notifies only new names."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_mentions"
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, null=True, blank=True, related_name="mentions"
    )
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="mentions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        constraints = [
            models.CheckConstraint(condition=ONE_TARGET, name="mention_has_one_target"),
            models.UniqueConstraint(
                fields=["user", "thread"],
                condition=Q(thread__isnull=False),
                name="one_mention_per_user_thread",
            ),
            models.UniqueConstraint(
                fields=["user", "comment"],
                condition=Q(comment__isnull=False),
                name="one_mention_per_user_comment",
            ),
        ]

    def __str__(self) -> str:
        return f"@{self.user}"
