"""Background e-mail for accounts. Tasks take ids, never model objects or link secrets."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from luukku.accounts.models import User


def _link_url(raw_token: str) -> str:
    return settings.SITE_URL + reverse("accounts:use_link", args=[raw_token])


def _send(user: User, template: str, context: dict[str, object]) -> None:
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"accounts/email/{template}.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[user.email])
    message.send()


def _send_link_email(link_id: int, template: str, context: dict[str, object]) -> None:
    """E-mail a link once, even when two workers run the task: the first one claims it."""
    # Imported here: actions enqueues these tasks, so a top-level import would be circular.
    from luukku.accounts import actions

    claimed = actions.do_claim_link_email(link_id=link_id)
    if claimed is None:
        return
    link, raw_token = claimed
    try:
        _send(link.user, template, {"user": link.user, "link": _link_url(raw_token), **context})
    except Exception:
        actions.do_release_link_email(link_id=link_id)
        raise


@task()
def send_sign_in_link(*, link_id: int) -> None:
    _send_link_email(link_id, "sign_in", {"minutes": settings.MAGIC_LINK_MINUTES})


@task()
def send_sign_in_flood_notice(*, user_id: int) -> None:
    """No link in it: only that links were asked for, and that their own requests still work."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is not None:
        _send(
            user,
            "sign_in_flood",
            {"user": user, "sign_in_url": settings.SITE_URL + reverse("accounts:sign_in")},
        )


@task()
def send_invitation(*, link_id: int, inviter_id: int, context_name: str, message: str) -> None:
    inviter = User.objects.get(pk=inviter_id)
    context = {
        "inviter": inviter,
        "context_name": context_name,
        "message": message,
        "days": settings.INVITATION_LINK_MINUTES // (60 * 24),
    }
    _send_link_email(link_id, "invitation", context)
