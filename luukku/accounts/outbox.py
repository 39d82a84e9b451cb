"""Sign-in and invitation links in the one outbox (core).

The row names only the link (and, for invitations, who invited and the personal note); the
secret is derived from the link's nonce and SECRET_KEY when the e-mail is built, so neither
the outbox nor the task queue holds a working link. A link used or expired before its
e-mail left sends nothing.
"""

from collections.abc import Collection

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import timezone, translation

from luukku.accounts.models import SignInLink, User
from luukku.core.outbox.actions import do_enqueue_message
from luukku.core.outbox.plain_text import render_plain_subject, render_plain_text
from luukku.core.outbox.registry import Built, Outgoing, Rows, Skip, register_builder

SIGN_IN = "accounts.sign_in"
INVITATION = "accounts.invitation"
# "Someone asked for many sign-in links for your address": no link in it.
SIGN_IN_FLOOD = "accounts.sign_in_flood"


def enqueue_link_email(
    link: SignInLink, kind: str, *, organisation_id: int | None = None, **params: object
) -> None:
    do_enqueue_message(
        kind=kind,
        key=f"{kind}:{link.pk}",
        recipient=link.user.email,
        source_app="accounts",
        source_id=link.pk,
        organisation_id=organisation_id,
        params=dict(params),
    )


def enqueue_sign_in_flood_notice(user: User, *, window: int) -> None:
    """One notice per user and rate window (the key names both), so it cannot flood either."""
    do_enqueue_message(
        kind=SIGN_IN_FLOOD,
        key=f"{SIGN_IN_FLOOD}:{user.pk}:{window}",
        recipient=user.email,
        source_app="accounts",
        source_id=user.pk,
        params={},
    )


def build_flood_notice(rows: Rows) -> list[Built]:
    users = User.objects.in_bulk([int(row.source_id) for row in rows])
    sign_in_url = settings.SITE_URL + reverse("accounts:sign_in")
    built: list[Built] = []
    for row in rows:
        user = users.get(int(row.source_id))
        if user is None or not user.is_active:
            built.append(Skip("the account is gone or inactive"))
            continue
        context = {"user": user, "sign_in_url": sign_in_url}
        built.append(Outgoing(_email(user, "sign_in_flood", context)))
    return built


def _link_url(raw_token: str) -> str:
    return settings.SITE_URL + reverse("accounts:use_link", args=[raw_token])


def build(rows: Rows) -> list[Built]:
    # Imported here: actions imports this module to enqueue.
    from luukku.accounts.actions import link_secret

    found = SignInLink.objects.select_related("user").filter(
        pk__in=[int(row.source_id) for row in rows]
    )
    links = {str(link.pk): link for link in found}
    inviters = User.objects.in_bulk(
        [row.params["inviter_id"] for row in rows if row.params.get("inviter_id")]
    )
    now = timezone.now()
    built: list[Built] = []
    for row in rows:
        link = links.get(row.source_id)
        if link is None or link.used_at is not None or link.expires_at <= now or not link.nonce:
            built.append(Skip("the link was used, has expired or is gone"))
            continue
        context: dict[str, object] = {"user": link.user, "link": _link_url(link_secret(link.nonce))}
        if row.kind == INVITATION:
            context.update(
                inviter=inviters.get(row.params.get("inviter_id", 0)),
                context_name=row.params.get("context_name", ""),
                message=row.params.get("message", ""),
                days=settings.INVITATION_LINK_MINUTES // (60 * 24),
            )
        else:
            context["minutes"] = settings.MAGIC_LINK_MINUTES
        built.append(Outgoing(_email(link.user, row.kind.split(".")[1], context)))
    return built


def _email(user: User, template: str, context: dict[str, object]) -> EmailMultiAlternatives:
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = render_plain_subject(f"accounts/email/{template}_subject.txt", context)
        body = render_plain_text(f"accounts/email/{template}.txt", context)
    return EmailMultiAlternatives(subject=subject, body=body, to=[user.email])


def on_sent(rows: Rows, now: object) -> Collection[int] | None:
    SignInLink.objects.filter(pk__in=[int(row.source_id) for row in rows]).update(emailed_at=now)
    return None


def register_builders() -> None:
    for kind in (SIGN_IN, INVITATION):
        register_builder(kind, build=build, on_sent=on_sent)
    register_builder(SIGN_IN_FLOOD, build=build_flood_notice)
