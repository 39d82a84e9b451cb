"""One recipient's copy of a message: placeholders filled, links tracked, the e-mail built."""

from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, linebreaks, urlize
from django.utils.translation import gettext as _

from luukku.accounts.models import User
from luukku.outreach.models import Delivery, Message
from luukku.outreach.placeholders import Filling, fill
from luukku.programmes.models import Programme

PREVIEW_TOKEN = "preview"  # noqa: S105  # a placeholder in previews' links, not a secret


def tracked_link(token: str, slot: str) -> str:
    return settings.SITE_URL + reverse("outreach:go", args=[token, slot])


def unsubscribe_link(token: str) -> str:
    return settings.SITE_URL + reverse("outreach:unsubscribe", args=[token])


def filling_for(programme: Programme, context: dict[str, Any], token: str) -> Filling:
    return Filling(
        first_name=str(context.get("first_name", "")),
        programme=programme.name,
        days_since_last_visit=str(context.get("days_since_last_visit", "")),
        section_link=tracked_link(token, "section"),
        continue_link=tracked_link(token, "continue"),
    )


def personal_text(
    message: Message, programme: Programme, context: dict[str, Any], token: str
) -> tuple[str, str]:
    """(subject, body) of one person's copy."""
    filling = filling_for(programme, context, token)
    return fill(message.subject, filling, subject=True), fill(message.body, filling)


def personal_subject(delivery: Delivery) -> str:
    message = delivery.message
    filling = filling_for(message.programme, delivery.context, delivery.token)
    return fill(message.subject, filling, subject=True)


def message_id(delivery: Delivery) -> str:
    """The same Message-ID for every attempt of one outbox row: a resend is recognisable."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<outreach.{delivery.pk}.{delivery.token[:8]}@{domain}>"


def _footer(programme: Programme, unsubscribe: str) -> str:
    return _(
        "You get this message because you take part in %(programme)s. "
        "To stop messages like this from this programme: %(link)s"
    ) % {"programme": programme.name, "link": unsubscribe}


def build_email(
    delivery: Delivery, message: Message, user: User, *, open_tracking: bool
) -> EmailMultiAlternatives:
    """The e-mail for one outbox row, with RFC 8058 one-click unsubscribe headers."""
    programme = message.programme
    subject, body = personal_text(message, programme, delivery.context, delivery.token)
    unsubscribe = unsubscribe_link(delivery.token)
    with translation.override(user.language or settings.LANGUAGE_CODE):
        footer = _footer(programme, unsubscribe)
    html = linebreaks(urlize(escape(body), autoescape=False)) + linebreaks(
        urlize(escape(footer), autoescape=False)
    )
    if open_tracking:
        pixel = settings.SITE_URL + reverse("outreach:open", args=[delivery.token])
        html += f'<img src="{pixel}" width="1" height="1" alt="">'
    email = EmailMultiAlternatives(
        subject=subject,
        body=f"{body}\n\n-- \n{footer}\n",
        to=[user.email],
        headers={
            "Message-ID": message_id(delivery),
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    email.attach_alternative(html, "text/html")
    return email
