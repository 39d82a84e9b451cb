"""A person's notifications: the list, opening one, marking all read, and preferences."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luukku.accounts.actions import safe_next_path
from luukku.accounts.adapters import signed_in_user
from luukku.notifications import actions, queries
from luukku.notifications.forms import PreferencesForm

PAGE_SIZE = 25


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    page = Paginator(queries.notifications_for(user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/list.html",
        {"page": page, "unread": queries.unread_count(user)},
    )


@login_required
@require_POST
def open_notification(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Mark the notification read and go where it points (local addresses only)."""
    notification = actions.do_mark_read(
        user=signed_in_user(request), notification_id=notification_id
    )
    return redirect(safe_next_path(notification.url) or "notifications:list")


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = actions.do_mark_all_read(user=signed_in_user(request))
    if count:
        messages.success(request, _("All notifications are marked read."))
    return redirect("notifications:list")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    data = request.POST if request.method == "POST" else None
    form = PreferencesForm(data, initial_channels=queries.preferences_of(user))
    if request.method == "POST" and form.is_valid():
        actions.do_set_preferences(user=user, choices=form.channels())
        messages.success(request, _("Your notification settings were saved."))
        return redirect("notifications:preferences")
    status = 400 if form.errors else 200
    return render(request, "notifications/preferences.html", {"form": form}, status=status)
