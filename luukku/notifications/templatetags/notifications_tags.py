"""Template tags for the notification bell, which base.html shows on every page."""

from django import template

from luukku.accounts.models import User
from luukku.notifications import queries

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notification_count(context: template.Context) -> int:
    """The signed-in person's unread count (one COUNT query); 0 for visitors."""
    user = context.get("user")
    if not isinstance(user, User) or not user.is_authenticated:
        return 0
    return queries.unread_count(user)
