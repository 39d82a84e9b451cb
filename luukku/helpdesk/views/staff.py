"""Pages for helpdesk staff: inboxes, one request with its actions, statistics."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from luukku.accounts.adapters import signed_in_user
from luukku.accounts.queries import is_organisation_admin
from luukku.core.spreadsheets import spreadsheet_row
from luukku.helpdesk import actions, queries, stats
from luukku.helpdesk.forms import AssignForm, NoteForm, RerouteForm, StaffReplyForm, StatusForm
from luukku.helpdesk.models import Request
from luukku.helpdesk.views.public import attachment_response


@login_required
@require_safe
def desks(request: HttpRequest) -> HttpResponse:
    organisations = list(queries.desk_organisations(request.user))
    if len(organisations) == 1:
        return redirect("helpdesk:inbox", organisation_id=organisations[0].pk)
    return render(request, "helpdesk/staff/desks.html", {"organisations": organisations})


def _int_or_none(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@login_required
@require_safe
def inbox(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = queries.access_desk(request.user, organisation_id)
    filter_name = request.GET.get("filter", "open")
    if filter_name not in queries.INBOX_FILTERS:
        filter_name = "open"
    team_id = _int_or_none(request.GET.get("team"))
    teams = list(queries.teams_of(organisation))
    if team_id is not None and team_id not in {team.pk for team in teams}:
        team_id = None
    page = queries.inbox(
        organisation,
        user=signed_in_user(request),
        team_id=team_id,
        filter_name=filter_name,
        page=max(_int_or_none(request.GET.get("page")) or 1, 1),
    )
    context = {
        "organisation": organisation,
        "teams": teams,
        "team_id": team_id,
        "filter_name": filter_name,
        "filters": queries.INBOX_FILTERS,
        "page": page,
        "is_admin": is_organisation_admin(request.user, organisation.pk),
    }
    return render(request, "helpdesk/staff/inbox.html", context)


def _detail_context(request: HttpRequest, help_request: Request) -> dict[str, object]:
    organisation = help_request.organisation
    return {
        "help_request": help_request,
        "timeline": queries.staff_messages(help_request),
        "routings": queries.routing_notes(help_request),
        "canned_replies": queries.canned_replies_of(organisation),
        "reply_form": StaffReplyForm(),
        "note_form": NoteForm(),
        "reroute_form": RerouteForm(organisation=organisation),
        "assign_form": AssignForm(
            organisation=organisation, initial={"assignee": help_request.assignee_id}
        ),
        "status_form": StatusForm(initial={"status": help_request.status}),
    }


@login_required
@require_safe
def detail(request: HttpRequest, request_id: int) -> HttpResponse:
    help_request = queries.access_request(request.user, request_id)
    return render(request, "helpdesk/staff/detail.html", _detail_context(request, help_request))


def _invalid(request: HttpRequest, help_request: Request, name: str, form: object) -> HttpResponse:
    context = _detail_context(request, help_request)
    context[name] = form
    return render(request, "helpdesk/staff/detail.html", context, status=400)


@login_required
@require_POST
def reply(request: HttpRequest, request_id: int) -> HttpResponse:
    help_request = queries.access_request(request.user, request_id)
    form = StaffReplyForm(request.POST)
    if not form.is_valid():
        return _invalid(request, help_request, "reply_form", form)
    actions.do_reply(
        request=help_request,
        author=signed_in_user(request),
        body=form.cleaned_data["body"],
        status=form.cleaned_data["status"],
    )
    messages.success(request, _("Your reply was sent."))
    return redirect("helpdesk:detail", request_id=request_id)


@login_required
@require_POST
def note(request: HttpRequest, request_id: int) -> HttpResponse:
    help_request = queries.access_request(request.user, request_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _invalid(request, help_request, "note_form", form)
    actions.do_add_note(
        request=help_request, author=signed_in_user(request), body=form.cleaned_data["body"]
    )
    return redirect("helpdesk:detail", request_id=request_id)


@login_required
@require_POST
def reroute(request: HttpRequest, request_id: int) -> HttpResponse:
    help_request = queries.access_request(request.user, request_id)
    form = RerouteForm(request.POST, organisation=help_request.organisation)
    if not form.is_valid():
        return _invalid(request, help_request, "reroute_form", form)
    actions.do_reroute(
        request=help_request, team=form.cleaned_data["team"], by=signed_in_user(request),
        note=form.cleaned_data["note"],
    )  # fmt: skip
    messages.success(request, _("The request was moved to %(team)s.") % {"team": help_request.team})
    return redirect("helpdesk:detail", request_id=request_id)


@login_required
@require_POST
def assign(request: HttpRequest, request_id: int) -> HttpResponse:
    help_request = queries.access_request(request.user, request_id)
    form = AssignForm(request.POST, organisation=help_request.organisation)
    if not form.is_valid():
        return _invalid(request, help_request, "assign_form", form)
    actions.do_assign(request=help_request, assignee=form.cleaned_data["assignee"])
    return redirect("helpdesk:detail", request_id=request_id)


@login_required
@require_POST
def set_status(request: HttpRequest, request_id: int) -> HttpResponse:
    help_request = queries.access_request(request.user, request_id)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _invalid(request, help_request, "status_form", form)
    actions.do_set_status(request=help_request, status=form.cleaned_data["status"])
    return redirect("helpdesk:detail", request_id=request_id)


@login_required
@require_safe
def staff_attachment(request: HttpRequest, request_id: int, attachment_id: int) -> FileResponse:
    help_request = queries.access_request(request.user, request_id)
    return attachment_response(queries.access_attachment(help_request, attachment_id, staff=True))


@login_required
@require_safe
def statistics(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = queries.access_desk(request.user, organisation_id)
    context = {
        "organisation": organisation,
        "report": stats.service_report(organisation),
        "is_admin": is_organisation_admin(request.user, organisation.pk),
    }
    return render(request, "helpdesk/staff/statistics.html", context)


@login_required
@require_safe
def statistics_csv(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = queries.access_desk(request.user, organisation_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="helpdesk-statistics.csv"'
    writer = csv.writer(response)
    for row in stats.csv_rows(stats.service_report(organisation)):
        writer.writerow(spreadsheet_row(row))
    return response
