"""Writes for accounts: users, organisation roles and magic links."""

import base64
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.http import url_has_allowed_host_and_scheme
from django_ratelimit.core import _split_rate as parse_rate

from luukku.accounts import outbox
from luukku.accounts.models import (
    LinkPurpose,
    OrganisationMembership,
    OrganisationRole,
    SignInLink,
    User,
    normalise_email,
)
from luukku.core.models import Organisation
from luukku.core.tokens import hash_token


class InvalidSignInLinkError(Exception):
    """The link is unknown, used or expired; we do not say which."""


def link_secret(nonce: str) -> str:
    """The secret of a sign-in link: a keyed hash of its stored nonce (see SignInLink)."""
    digest = salted_hmac("luukku.accounts.sign-in-link", nonce, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def safe_next_path(next_path: str) -> str:
    """Keep only local paths, so a link cannot send people to another site."""
    if next_path and url_has_allowed_host_and_scheme(next_path, allowed_hosts=None):
        return next_path if next_path.startswith("/") else ""
    return ""


def do_get_or_create_user(*, email: str, display_name: str = "") -> tuple[User, bool]:
    email = normalise_email(email)
    user = User.objects.filter(email=email).first()
    if user is not None:
        if display_name and not user.display_name:
            user.display_name = display_name
            user.save(update_fields=["display_name"])
        return user, False
    return User.objects.create_user(email, display_name=display_name), True


def do_set_organisation_role(
    *, organisation: Organisation, user: User, role: OrganisationRole
) -> OrganisationMembership:
    membership, _created = OrganisationMembership.objects.update_or_create(
        organisation=organisation, user=user, defaults={"role": role}
    )
    return membership


def do_remove_organisation_role(*, membership: OrganisationMembership) -> None:
    """Take a person's role in an organisation away; their account and programmes stay."""
    membership.delete()


def do_set_account_access(
    *, user: User, is_active: bool, is_staff: bool, is_superuser: bool
) -> User:
    """Switch an account off or on, or give it the Django admin (installation staff only)."""
    user.is_active, user.is_staff, user.is_superuser = is_active, is_staff, is_superuser
    user.save(update_fields=["is_active", "is_staff", "is_superuser"])
    return user


def _create_link(
    user: User, purpose: LinkPurpose, next_path: str, minutes: int
) -> tuple[SignInLink, str]:
    nonce = secrets.token_hex(32)
    raw_token = link_secret(nonce)
    link = SignInLink.objects.create(
        user=user,
        token_hash=hash_token(raw_token),
        nonce=nonce,
        purpose=purpose,
        next_path=safe_next_path(next_path),
        expires_at=timezone.now() + timedelta(minutes=minutes),
    )
    return link, raw_token


def do_create_sign_in_url(*, user: User, next_path: str = "", minutes: int | None = None) -> str:
    """Create a one-time sign-in link and return its full URL, for operators to hand out.

    Used by the demo so that a newcomer can sign in at once; the link works once, like any
    e-mailed link.
    """
    from django.urls import reverse

    _link, raw_token = _create_link(
        user, LinkPurpose.SIGN_IN, next_path, minutes or settings.INVITATION_LINK_MINUTES
    )
    return settings.SITE_URL + reverse("accounts:use_link", args=[raw_token])


def do_request_sign_in_link(*, email: str, next_path: str = "") -> None:
    """E-mail a sign-in link if the address belongs to an active user; say nothing either way."""
    user = User.objects.filter(email=normalise_email(email), is_active=True).first()
    if user is None:
        return
    with transaction.atomic():
        link, _raw_token = _create_link(
            user, LinkPurpose.SIGN_IN, next_path, settings.MAGIC_LINK_MINUTES
        )
        outbox.enqueue_link_email(link, outbox.SIGN_IN)


def do_notify_sign_in_flood(*, email: str) -> bool:
    """Tell an address's owner that someone asked for too many sign-in links for it.

    At most once per rate window per address (a cache key that only the first caller can
    add), so the warning cannot itself be used to flood the inbox. True when a notice went.
    """
    user = User.objects.filter(email=normalise_email(email), is_active=True).first()
    if user is None:
        return False
    _count, period = parse_rate(settings.SIGN_IN_RATE)
    key = f"luukku:sign-in-flood:{hash_token(user.email)}"
    if not cache.add(key, 1, timeout=period):
        return False
    window = int(timezone.now().timestamp()) // period
    outbox.enqueue_sign_in_flood_notice(user, window=window)
    return True


def do_send_invitation(
    *, user: User, inviter: User, context_name: str, next_path: str, message: str = "",
    organisation_id: int | None = None,
) -> None:  # fmt: skip
    """Invite a person into something (a programme): a long-lived link that signs them in.

    `organisation_id` lets that organisation's admins see the e-mail on the mail log.
    """
    with transaction.atomic():
        link, _raw_token = _create_link(
            user, LinkPurpose.INVITATION, next_path, settings.INVITATION_LINK_MINUTES
        )
        outbox.enqueue_link_email(
            link, outbox.INVITATION, organisation_id=organisation_id,
            inviter_id=inviter.pk, context_name=context_name, message=message,
        )  # fmt: skip


@transaction.atomic
def do_use_sign_in_link(*, raw_token: str) -> tuple[User, str]:
    """Spend a link and return its user and where to go next.

    The row is locked so that two clicks racing each other cannot both sign in.
    """
    link = (
        SignInLink.objects.select_for_update()
        .select_related("user")
        .filter(token_hash=hash_token(raw_token))
        .first()
    )
    now = timezone.now()
    if link is None or link.used_at is not None or link.expires_at <= now:
        raise InvalidSignInLinkError
    if not link.user.is_active:
        raise InvalidSignInLinkError
    link.used_at = now
    link.save(update_fields=["used_at"])
    return link.user, link.next_path


def do_update_profile(*, user: User, display_name: str, language: str, time_zone: str) -> User:
    user.display_name = display_name
    user.language = language
    user.time_zone = time_zone
    user.full_clean(exclude=["password", "email"])
    user.save(update_fields=["display_name", "language", "time_zone"])
    return user
