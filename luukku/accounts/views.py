"""Sign-in by magic link (password optional), sign-out, the profile and the mail log."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from luukku.accounts import actions, queries
from luukku.accounts.forms import PasswordSignInForm, ProfileForm, SignInForm
from luukku.accounts.models import User, normalise_email
from luukku.core.middleware import SESSION_TIME_ZONE_KEY


def email_rate_key(group: str, request: HttpRequest) -> str:
    return normalise_email(request.POST.get("email", ""))


def sign_in_user(request: HttpRequest, user: User) -> None:
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[SESSION_TIME_ZONE_KEY] = user.time_zone
    if user.language:
        translation.activate(user.language)


@ratelimit(
    key="ip", rate=lambda group, request: settings.SIGN_IN_IP_RATE, method="POST", block=True
)
@ratelimit(
    key=email_rate_key, rate=lambda group, request: settings.SIGN_IN_RATE, method="POST", block=True
)
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None, initial={"next": request.GET.get("next", "")})
    if request.method == "POST" and form.is_valid():
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


@ratelimit(
    key="ip", rate=lambda group, request: settings.SIGN_IN_IP_RATE, method="POST", block=True
)
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


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("core:home")


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
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
