"""Automations of a programme: the list, creating one, its log and effect, pause and resume."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from luukku.accounts.adapters import signed_in_user
from luukku.outreach import actions, effect, queries
from luukku.outreach.forms import AutomationForm
from luukku.outreach.library import LIBRARY
from luukku.outreach.placeholders import PLACEHOLDERS
from luukku.programmes.adapters import render_programme_page


@login_required
@require_http_methods(["GET", "POST"])
def automation_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = queries.access_coached_programme(request.user, programme_id)
    reminder = LIBRARY["reminder"]["en"]
    form = AutomationForm(
        request.POST or None,
        initial={
            "subject": reminder.subject,
            "body": reminder.body,
            "name": _("Passive for 7 days"),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            automation = actions.do_create_automation(
                programme=programme, author=signed_in_user(request), **form.cleaned_data
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The automation was created; it runs daily."))
            return redirect("outreach:automation", programme.pk, automation.pk)
    context = {
        "automations": queries.automations_of(programme),
        "form": form,
        "placeholders": PLACEHOLDERS,
    }
    status = 400 if form.errors else 200
    return render_programme_page(
        request, "outreach/automation_list.html", programme, context, status=status
    )


@login_required
@require_safe
def automation_detail(request: HttpRequest, programme_id: int, automation_id: int) -> HttpResponse:
    automation = queries.access_automation(request.user, programme_id, automation_id)
    deliveries = queries.automation_deliveries(automation)
    context = {
        "automation": automation,
        "runs": queries.automation_runs(automation),
        "effect": effect.effect_of(automation.programme, deliveries),
    }
    return render_programme_page(
        request, "outreach/automation_detail.html", automation.programme, context
    )


@login_required
@require_POST
def automation_pause(request: HttpRequest, programme_id: int, automation_id: int) -> HttpResponse:
    automation = queries.access_automation(request.user, programme_id, automation_id)
    paused = request.POST.get("paused") == "true"
    actions.do_set_automation_paused(automation=automation, paused=paused)
    messages.success(
        request, _("The automation is paused.") if paused else _("The automation runs again.")
    )
    return redirect("outreach:automation", programme_id, automation.pk)
