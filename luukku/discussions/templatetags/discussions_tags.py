"""Template tags for discussions shown inside other apps' pages (a programme page)."""

from django import template

from luukku.discussions import queries
from luukku.discussions.models import Comment, Thread
from luukku.discussions.notify import display_name
from luukku.programmes.models import Page

register = template.Library()


@register.simple_tag
def threads_for_page(page: Page) -> list[Thread]:
    """Threads under the page; the page itself was access-checked by its view."""
    return list(queries.threads_of_page(page))


@register.simple_tag
def reaction_counts(
    summary: queries.ReactionSummary, target: Thread | Comment
) -> list[queries.ReactionCount]:
    key = f"comment:{target.pk}" if isinstance(target, Comment) else "thread"
    return summary.for_target(key)


@register.filter
def member_name(user: object) -> str:
    """A member's name as others see it (never a full e-mail address)."""
    from luukku.accounts.models import User

    return display_name(user if isinstance(user, User) else None)
