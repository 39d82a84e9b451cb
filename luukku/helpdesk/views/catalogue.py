"""Organisation admins edit their service catalogue (the public page lives in core)."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from luukku.core import actions as core_actions
from luukku.core.models import Organisation, Service
from luukku.helpdesk import queries
from luukku.helpdesk.forms import ServiceForm


def _service(organisation: Organisation, service_id: int | None) -> Service | None:
    if service_id is None:
        return None
    return queries.access_service(organisation, service_id)


@login_required
def services(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = queries.access_desk_admin(request.user, organisation_id)
    listed = queries.services_of(organisation)
    return render(
        request, "helpdesk/staff/services.html", {"organisation": organisation, "services": listed}
    )


@login_required
def edit_service(
    request: HttpRequest, organisation_id: int, service_id: int | None = None
) -> HttpResponse:
    organisation = queries.access_desk_admin(request.user, organisation_id)
    service = _service(organisation, service_id)
    initial = (
        {name: getattr(service, name) for name in core_actions.SERVICE_FIELDS} if service else None
    )
    form = ServiceForm(request.POST or None, organisation=organisation, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            core_actions.do_save_service(
                organisation=organisation, service=service, **form.cleaned_data
            )
        except forms.ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("helpdesk:services", organisation_id=organisation.pk)
    status = 400 if request.method == "POST" else 200
    context = {"organisation": organisation, "form": form, "service": service}
    return render(request, "helpdesk/staff/service_form.html", context, status=status)


@login_required
@require_POST
def delete_service(request: HttpRequest, organisation_id: int, service_id: int) -> HttpResponse:
    organisation = queries.access_desk_admin(request.user, organisation_id)
    service = queries.access_service(organisation, service_id)
    core_actions.do_delete_service(service=service)
    return redirect("helpdesk:services", organisation_id=organisation.pk)
