"""Composing a message: fill in, preview the audience and one person's copy, then queue it."""

import zoneinfo
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from luukku.accounts.adapters import signed_in_user
from luukku.outreach import actions, effect, queries
from luukku.outreach.audiences import participant_joins
from luukku.outreach.forms import ComposeForm, TemplateChoiceForm
from luukku.outreach.models import AudienceKind, DeliveryGroup, TemplateKind
from luukku.outreach.placeholders import PLACEHOLDERS
from luukku.outreach.planning import Plan
from luukku.programmes.adapters import render_programme_page
from luukku.programmes.models import Programme


def _people(programme: Programme) -> list[tuple[int, str]]:
    return queries.people_by_name(participant_joins(programme))


def _initial(request: HttpRequest, programme: Programme) -> dict[str, Any]:
    rules = queries.settings_for(programme.organisation_id)
    initial: dict[str, Any] = {"holdout_percent": rules.holdout_percent}
    picked = [value for value in request.GET.getlist("person") if value.isdigit()]
    if picked:
        initial.update(audience=AudienceKind.PICKED, person=[int(value) for value in picked])
    choice = TemplateChoiceForm(request.GET or None)
    if choice.is_valid():
        text = queries.template_text(
            programme.organisation_id,
            choice.cleaned_data["template"],
            choice.cleaned_data["language"],
        )
        initial.update(subject=text.subject, body=text.body)
    return initial


def _template_choice(request: HttpRequest) -> TemplateChoiceForm:
    language = (get_language() or "fi")[:2]
    initial = {"template": TemplateKind.REMINDER, "language": language}
    return TemplateChoiceForm(request.GET if "template" in request.GET else None, initial=initial)


def _plan_and_preview(form: ComposeForm, programme: Programme, context: dict[str, Any]) -> None:
    draft = form.draft()
    plan: Plan = actions.plan_draft(programme, draft)
    chosen = form.cleaned_data.get("preview_person")
    sending = plan.recipients or plan.people
    person = next((p.user for p in plan.people if p.user.pk == chosen), sending[0].user)
    power = effect.power_of(
        programme,
        [p.user.pk for p in plan.recipients],
        [p.user.pk for p in plan.in_group(DeliveryGroup.HOLDOUT)],
    )
    context.update(
        plan=plan, preview=actions.preview(programme, draft, person), preview_user=person,
        power=power,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def compose(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = queries.access_coached_programme(request.user, programme_id)
    form = ComposeForm(
        request.POST or None, programme=programme, people=_people(programme),
        initial=_initial(request, programme),
    )  # fmt: skip
    context: dict[str, Any] = {
        "form": form, "template_choice": _template_choice(request), "placeholders": PLACEHOLDERS,
    }  # fmt: skip
    if request.method == "POST":
        # The date and time are read in the programme's zone, whatever the coach's zone is.
        with timezone.override(zoneinfo.ZoneInfo(programme.time_zone)):
            valid = form.is_valid()
        try:
            if valid and request.POST.get("action") == "send":
                message = actions.do_queue_message(
                    programme=programme, author=signed_in_user(request), draft=form.draft()
                )
                messages.success(request, _("The message was queued."))
                return redirect("outreach:message", programme.pk, message.pk)
            if valid:
                _plan_and_preview(form, programme, context)
        except ValidationError as error:
            form.add_validation_error(error)
    status = 400 if form.errors else 200
    return render_programme_page(
        request, "outreach/compose.html", programme, context, status=status
    )
