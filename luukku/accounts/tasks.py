"""Background e-mail for accounts. Tasks take ids and raw values, never model objects."""

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


@task()
def send_sign_in_link(*, user_id: int, raw_token: str) -> None:
    user = User.objects.get(pk=user_id)
    _send(
        user,
        "sign_in",
        {"user": user, "link": _link_url(raw_token), "minutes": settings.MAGIC_LINK_MINUTES},
    )


@task()
def send_invitation(
    *, user_id: int, inviter_id: int, context_name: str, raw_token: str, message: str
) -> None:
    user = User.objects.get(pk=user_id)
    inviter = User.objects.get(pk=inviter_id)
    _send(
        user,
        "invitation",
        {
            "user": user,
            "inviter": inviter,
            "context_name": context_name,
            "message": message,
            "link": _link_url(raw_token),
            "days": settings.INVITATION_LINK_MINUTES // (60 * 24),
        },
    )
