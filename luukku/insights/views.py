"""Analytics pages: thin views over overview, participants, timeline and organisation."""

import json
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from luukku.insights import actions, queries
from luukku.insights.charts import chart_data, day_part_label, heatmap_cells, weekday_names
from luukku.insights.exports import figures_csv, figures_data, participants_csv, participants_data
from luukku.insights.forms import (
    PAGE_SIZE,
    AnalyticsSettingsForm,
    DateRangeForm,
    ParticipantFilterForm,
)
from luukku.insights.organisation import compare_programmes
from luukku.insights.overview import build_overview
from luukku.insights.participants import ParticipantRow, filter_and_sort, participant_rows
from luukku.insights.timeline import participant_timeline
from luukku.programmes.adapters import render_programme_page
from luukku.programmes.models import Programme


def _render(
    request: HttpRequest,
    template: str,
    programme: Programme,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    """Render inside programme_base.html, with whether the viewer may see people."""
    context = {"can_see_people": queries.can_see_people(request.user, programme), **context}
    return render_programme_page(request, template, programme, context, status=status)


@login_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Programmes the user may analyse, and organisations they administer."""
    analysable = list(queries.analysable_programmes(request.user))
    organisations = queries.administered_organisations(request.user)
    return render(
        request, "insights/index.html", {"programmes": analysable, "organisations": organisations}
    )


@login_required
@require_safe
def programme(request: HttpRequest, programme_id: int) -> HttpResponse:
    found = queries.access_programme_analytics(request.user, programme_id)
    overview = build_overview(found)
    context = {
        "overview": overview,
        "charts": chart_data(overview),
        "heatmap": heatmap_cells(overview),
        "hours": range(24),
        "day_parts": [(day_part_label(p), n, s) for p, n, s in overview.day_parts],
        "weekend": [(day_part_label(p), n, s) for p, n, s in overview.weekend],
        "slots": [(weekday_names()[s.weekday], s.hour, s.share) for s in overview.slots],
    }
    return _render(request, "insights/programme.html", found, context)


def _filtered_rows(
    request: HttpRequest, found: Programme
) -> tuple[ParticipantFilterForm, list[ParticipantRow]]:
    form = ParticipantFilterForm(request.GET)
    if not form.is_valid():
        return form, []
    passive_days = form.cleaned_data.get("passive_days") or 7
    rows = filter_and_sort(
        participant_rows(found, passive_days=passive_days),
        status=form.cleaned_data.get("status") or "",
        min_idle_days=form.cleaned_data.get("idle"),
        person_ids=set(form.cleaned_data["person"]) or None,
        sort=form.cleaned_data.get("sort") or "name",
        descending=form.cleaned_data.get("order") == "desc",
    )
    return form, rows


@login_required
@require_safe
def participants(request: HttpRequest, programme_id: int) -> HttpResponse:
    found = queries.access_programme_analytics(request.user, programme_id)
    if not queries.can_see_people(request.user, found):
        raise Http404  # observers see aggregates only
    form, rows = _filtered_rows(request, found)
    if form.errors:
        invalid: dict[str, Any] = {"form": form, "page": None, "rows": []}
        return _render(request, "insights/participants.html", found, invalid, status=400)
    page = Paginator(rows, PAGE_SIZE).get_page(form.cleaned_data.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": page.object_list,
        "matching": len(rows),
        "compose_url": reverse("outreach:compose", args=[found.pk]),
        "query": query.urlencode(),
        # Built once: reversing a URL per row was a fifth of the page's rendering time.
        "detail_prefix": reverse("insights:participants", args=[found.pk]),
        "not_yet": _("Not yet"),
    }
    return _render(request, "insights/participants.html", found, context)


@login_required
@require_safe
def participant(request: HttpRequest, programme_id: int, user_id: int) -> HttpResponse:
    membership = queries.access_participant(request.user, programme_id, user_id)
    found = membership.programme
    rows = participant_rows(found)
    row = next(r for r in rows if r.user_id == user_id)
    context = {
        "row": row,
        "visits": participant_timeline(found, user_id),
        "compose_url": reverse("outreach:compose", args=[found.pk]),
    }
    return _render(request, "insights/participant.html", found, context)


@login_required
@require_safe
def export(request: HttpRequest, programme_id: int, what: str, fmt: str) -> HttpResponse:
    found = queries.access_programme_analytics(request.user, programme_id)
    if what == "figures":
        data: Any = figures_data(found, build_overview(found))
        text = figures_csv(data) if fmt == "csv" else ""
    elif what == "participants" and queries.can_see_people(request.user, found):
        form, rows = _filtered_rows(request, found)
        if form.errors:
            return JsonResponse(
                {"error": "invalid", "detail": form.errors.get_json_data()}, status=400
            )
        data = participants_data(rows, pseudonymised=found.organisation.pseudonymise_analytics)
        text = participants_csv(data) if fmt == "csv" else ""
    else:
        raise Http404
    filename = f"programme-{found.pk}-{what}-{timezone.localdate().isoformat()}.{fmt}"
    if fmt == "json":
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json"
        )
    else:
        response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_safe
def organisation(request: HttpRequest, organisation_id: int) -> HttpResponse:
    found = queries.access_organisation_analytics(request.user, organisation_id)
    today = timezone.localdate()
    form = DateRangeForm(request.GET or DateRangeForm.default_range(today))
    if not form.is_valid():
        context = {"organisation": found, "form": form, "rows": []}
        return render(request, "insights/organisation.html", context, status=400)
    start: date = form.cleaned_data["start"]
    end: date = form.cleaned_data["end"]
    rows = compare_programmes(found, start, end)
    context = {"organisation": found, "form": form, "rows": rows, "start": start, "end": end}
    return render(request, "insights/organisation.html", context)


@login_required
def organisation_settings(request: HttpRequest, organisation_id: int) -> HttpResponse:
    found = queries.access_organisation_analytics(request.user, organisation_id)
    form = AnalyticsSettingsForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        actions.do_set_pseudonymise_analytics(
            organisation=found, pseudonymise=form.cleaned_data["pseudonymise_analytics"]
        )
        messages.success(request, _("The analytics settings were saved."))
        return redirect("insights:organisation_settings", found.pk)
    status = 400 if form.errors else 200
    return render(
        request,
        "insights/organisation_settings.html",
        {"organisation": found, "form": form},
        status=status,
    )
