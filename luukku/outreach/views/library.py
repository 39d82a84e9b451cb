"""An organisation's template library (fi/sv/en) and its outreach settings."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from luukku.accounts.adapters import signed_in_user
from luukku.outreach import actions, queries
from luukku.outreach.forms import OutreachSettingsForm, TemplateForm
from luukku.outreach.models import TemplateKind
from luukku.outreach.placeholders import PLACEHOLDERS

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@login_required
@require_safe
def template_list(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = queries.access_template_organisation(request.user, organisation_id)
    own = queries.customised_templates(organisation)
    rows = [
        (kind, [(code, name, (kind.value, code) in own) for code, name in settings.LANGUAGES])
        for kind in TemplateKind
    ]
    context = {"organisation": organisation, "rows": rows}
    return render(request, "outreach/template_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def template_edit(
    request: HttpRequest, organisation_id: int, kind: str, language: str
) -> HttpResponse:
    organisation = queries.access_template_organisation(request.user, organisation_id)
    if kind not in TemplateKind.values or language not in LANGUAGE_CODES:
        raise Http404
    text = queries.template_text(organisation.pk, kind, language)
    form = TemplateForm(request.POST or None, initial={"subject": text.subject, "body": text.body})
    if request.method == "POST" and request.POST.get("action") == "reset":
        actions.do_reset_template(organisation=organisation, kind=kind, language=language)
        messages.success(request, _("The built-in wording is back in use."))
        return redirect("outreach:templates", organisation.pk)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_save_template(
                organisation=organisation, kind=kind, language=language,
                user=signed_in_user(request),
                **form.cleaned_data,
            )  # fmt: skip
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The template was saved."))
            return redirect("outreach:templates", organisation.pk)
    context = {
        "organisation": organisation, "form": form, "kind": TemplateKind(kind),
        "language": dict(settings.LANGUAGES)[language], "placeholders": PLACEHOLDERS,
    }  # fmt: skip
    return render(
        request, "outreach/template_edit.html", context, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def outreach_settings(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = queries.access_template_organisation(request.user, organisation_id)
    current = queries.settings_for(organisation.pk)
    initial = {
        name: getattr(current, name)
        for name in ("open_tracking", "quiet_hours_start", "quiet_hours_end",
                     "frequency_cap_days", "holdout_percent")
    }  # fmt: skip
    form = OutreachSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.do_save_outreach_settings(organisation=organisation, **form.cleaned_data)
        messages.success(request, _("The settings were saved."))
        return redirect("outreach:settings", organisation.pk)
    context = {"organisation": organisation, "form": form}
    return render(request, "outreach/settings.html", context, status=400 if form.errors else 200)
