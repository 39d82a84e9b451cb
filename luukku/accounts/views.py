"""Sign-in by magic link (password optional), sign-out, the profile and the mail log."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from luukku.accounts import actions, queries
from luukku.accounts.adapters import signed_in_user
from luukku.accounts.forms import PasswordSignInForm, ProfileForm, SignInForm
from luukku.accounts.models import User, normalise_email
from luukku.core.client_ip import client_ip
from luukku.core.middleware import SESSION_TIME_ZONE_KEY
from luukku.core.ratelimit import View, ratelimit
from luukku.core.views import rate_limited


def email_rate_key(group: str, request: HttpRequest) -> str:
    return normalise_email(request.POST.get("email", ""))


def username_rate_key(group: str, request: HttpRequest) -> str:
    """The account a password is tried against (Django admin's form calls it username)."""
    return normalise_email(request.POST.get("username", "") or request.POST.get("email", ""))


def address_and_requester_key(group: str, request: HttpRequest) -> str:
    # Keyed on the address alone, five requests from anyone would block that person's
    # sign-in for an hour; with the requester in the key a stranger only uses up their own.
    return f"{email_rate_key(group, request)}|{client_ip(request)}"


def _sign_in_links_limited(request: HttpRequest) -> bool:
    """Count this request against the address-and-requester limit; True when it is over.

    The first time in a window that the limit is hit, the address's owner is told.
    """
    limited = is_ratelimited(
        request,
        group="accounts.sign_in_link",
        key=address_and_requester_key,
        rate=settings.SIGN_IN_RATE,
        method="POST",
        increment=True,
    )
    if limited:
        actions.do_notify_sign_in_flood(email=email_rate_key("", request))
    return bool(limited)


def sign_in_user(request: HttpRequest, user: User) -> None:
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[SESSION_TIME_ZONE_KEY] = user.time_zone
    if user.language:
        translation.activate(user.language)


@ratelimit(
    key="ip", rate=lambda group, request: settings.SIGN_IN_IP_RATE, method="POST", block=True
)
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None, initial={"next": request.GET.get("next", "")})
    if request.method == "POST" and form.is_valid():
        if _sign_in_links_limited(request):
            return rate_limited(request)
        actions.do_request_sign_in_link(
            email=form.cleaned_data["email"], next_path=form.cleaned_data["next"]
        )
        return redirect("accounts:link_sent")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/sign_in.html", {"form": form}, status=status)


def link_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/link_sent.html", {"minutes": settings.MAGIC_LINK_MINUTES})


@ratelimit(
    key="ip", rate=lambda group, request: settings.SIGN_IN_IP_RATE, method="POST", block=True
)
def use_link(request: HttpRequest, raw_token: str) -> HttpResponse:
    """Show a button on GET and spend the link on POST: mail scanners follow GET links."""
    if request.method != "POST":
        return render(request, "accounts/use_link.html")
    try:
        user, next_path = actions.do_use_sign_in_link(raw_token=raw_token)
    except actions.InvalidSignInLinkError:
        return render(request, "accounts/link_invalid.html", status=410)
    sign_in_user(request, user)
    return redirect(next_path or settings.LOGIN_REDIRECT_URL)


def password_limits(view: View) -> View:
    """Password forms (Luukku's and the admin's) share two limits: per IP and per account."""
    per_account = ratelimit(
        key=username_rate_key,
        rate=lambda group, request: settings.PASSWORD_SIGN_IN_RATE,
        method="POST",
        block=True,
    )
    per_ip = ratelimit(
        key="ip", rate=lambda group, request: settings.SIGN_IN_IP_RATE, method="POST", block=True
    )
    return per_ip(per_account(view))


@password_limits
def password_sign_in(request: HttpRequest) -> HttpResponse:
    form = PasswordSignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            username=normalise_email(form.cleaned_data["email"]),
            password=form.cleaned_data["password"],
        )
        if isinstance(user, User):
            sign_in_user(request, user)
            return redirect(
                actions.safe_next_path(request.GET.get("next", "")) or settings.LOGIN_REDIRECT_URL
            )
        form.add_error(None, _("The e-mail address or password is wrong."))
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/password_sign_in.html", {"form": form}, status=status)


@password_limits
def admin_sign_in(request: HttpRequest) -> HttpResponse:
    """Django admin's password form, under the same limits as Luukku's own."""
    return admin.site.login(request)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("core:home")


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    initial = {
        "display_name": user.display_name,
        "language": user.language,
        "time_zone": user.time_zone,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.do_update_profile(user=user, **form.cleaned_data)
        request.session[SESSION_TIME_ZONE_KEY] = user.time_zone
        if user.language:
            translation.activate(user.language)
        messages.success(request, _("Your profile was saved."))
        response = redirect("accounts:profile")
        if user.language:
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language, samesite="Lax")
        return response
    return render(
        request, "accounts/profile.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def mail_log(request: HttpRequest) -> HttpResponse:
    """ "Did this person get the mail, and if not, why": search the outbox by address."""
    address = request.GET.get("to", "")[:320]
    rows = queries.mail_log(request.user, address)
    return render(request, "accounts/mail_log.html", {"address": address, "rows": rows})


@login_required
def mail_log_message(request: HttpRequest, message_id: int) -> HttpResponse:
    row = queries.access_outbox_message(request.user, message_id)
    return render(request, "accounts/mail_log_message.html", {"row": row})
