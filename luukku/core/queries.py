"""Reads for organisations and the built-in mailbox."""

from django.db.models import QuerySet
from django.http import Http404

from luukku.core.models import LocalMail, Organisation


def get_organisation_by_slug(slug: str) -> Organisation:
    try:
        return Organisation.objects.get(slug=slug)
    except Organisation.DoesNotExist as error:
        raise Http404 from error


def list_local_mail(*, recipient: str = "") -> QuerySet[LocalMail]:
    mails = LocalMail.objects.all()
    if recipient:
        mails = mails.filter(to_addresses__icontains=recipient)
    return mails


def access_local_mail(mail_id: int) -> LocalMail:
    try:
        return LocalMail.objects.get(pk=mail_id)
    except LocalMail.DoesNotExist as error:
        raise Http404 from error
