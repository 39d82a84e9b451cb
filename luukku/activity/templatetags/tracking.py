"""{% tracking_script programme %}: the tracking script tag with its signed token."""

from typing import Any

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from luukku.activity.tokens import make_tracking_token

register = template.Library()


@register.simple_tag(takes_context=True)
def tracking_script(context: dict[str, Any], programme: Any, target: str = "") -> SafeString:
    """A deferred <script> that reports active time in `programme` for the signed-in viewer.

    `target` names what the page shows (e.g. "page:12") and is attached to its pings.
    Anonymous viewers get nothing: there is no one to record.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or programme is None:
        return SafeString("")
    token = make_tracking_token(
        user_id=user.pk, programme_id=programme.pk, organisation_id=programme.organisation_id
    )
    return format_html(
        '<script src="{}" defer data-luukku-tracking data-token="{}" data-endpoint="{}"'
        ' data-target="{}"></script>',
        static("activity/tracking.js"),
        token,
        reverse("api:activity_batch"),
        target,
    )
