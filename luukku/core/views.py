"""Pages every visitor can reach, and the built-in mailbox for staff."""

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from luukku.core import queries


def landing(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("programmes:list")
    return render(request, "core/landing.html")


def rate_limited(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = _("Too many attempts. Please wait a while and try again.")
    if request.path.startswith("/api/"):
        return JsonResponse({"error": "rate_limited", "detail": message}, status=429)
    return render(request, "core/rate_limited.html", {"message": message}, status=429)


def health(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"status": "ok"})


def _require_mailbox() -> None:
    if settings.EMAIL_BACKEND != "luukku.core.mailbox.MailboxBackend":
        raise Http404


@staff_member_required
def mailbox(request: HttpRequest) -> HttpResponse:
    _require_mailbox()
    recipient = request.GET.get("to", "").strip()
    mails = queries.list_local_mail(recipient=recipient)[:200]
    return render(request, "core/mailbox.html", {"mails": mails, "recipient": recipient})


@staff_member_required
def mailbox_message(request: HttpRequest, mail_id: int) -> HttpResponse:
    _require_mailbox()
    mail = queries.access_local_mail(mail_id)
    return render(request, "core/mailbox_message.html", {"mail": mail})


def service_catalogue(request: HttpRequest, slug: str) -> HttpResponse:
    """Every e-service of one organisation on one page, open to everybody."""
    organisation = queries.get_organisation_by_slug(slug)
    services = [
        {
            "service": service,
            "hours": queries.opening_table(service.schedule) if service.schedule else None,
            "open_now": queries.is_open_now(service.schedule) if service.schedule else None,
        }
        for service in queries.published_services(organisation)
    ]
    context = {"organisation": organisation, "services": services}
    return render(request, "core/service_catalogue.html", context)


def service_catalogues(request: HttpRequest) -> HttpResponse:
    """The catalogue link in the navigation: straight to it when there is one organisation."""
    organisations = list(queries.organisations_with_services())
    if len(organisations) == 1:
        return redirect("core:service_catalogue", slug=organisations[0].slug)
    return render(request, "core/service_catalogues.html", {"organisations": organisations})
