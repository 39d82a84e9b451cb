"""A programme's messages with their effect, one message's effect report, cancelling."""

import zoneinfo
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from luukku.activity import queries as activity_queries
from luukku.outreach import actions, effect, pooled, queries
from luukku.programmes.adapters import render_programme_page
from luukku.programmes.models import Programme

CHART_DAYS = 56


def _chart(programme: Programme) -> list[dict[str, object]]:
    """Visits per day for the last weeks of the programme, with the message days marked."""
    end = min(programme.today(), programme.ends_on)
    start = max(programme.starts_on, end - timedelta(days=CHART_DAYS - 1))
    visits = activity_queries.visits_per_day(programme, start, end)
    marked = set(queries.message_send_dates(programme))
    return [
        {"day": start + timedelta(days=offset),
         "visits": visits.get(start + timedelta(days=offset), 0),
         "message": start + timedelta(days=offset) in marked}
        for offset in range((end - start).days + 1)
    ]  # fmt: skip


@login_required
@require_safe
def message_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = queries.access_coached_programme(request.user, programme_id)
    rows = list(queries.messages_with_counts(programme))
    zone = zoneinfo.ZoneInfo(programme.time_zone)
    ratios = effect.send_day_ratios(
        programme, {row.send_at.astimezone(zone).date() for row in rows}
    )
    returned = effect.returned_within_72_hours_by_message(
        programme, queries.programme_deliveries(programme)
    )
    for row in rows:
        row.send_day_ratio = ratios.get(row.send_at.astimezone(zone).date())  # type: ignore[attr-defined]
        row.returned = returned.get(row.pk)  # type: ignore[attr-defined]
    chart = _chart(programme)
    context = {
        "rows": rows,
        "chart": chart,
        "chart_data": [{**point, "day": point["day"].isoformat()} for point in chart],  # type: ignore[attr-defined]
        "mean_ratio": effect.mean_ratio(ratios.values()),
    }
    return render_programme_page(request, "outreach/message_list.html", programme, context)


@login_required
@require_safe
def message_detail(request: HttpRequest, programme_id: int, message_id: int) -> HttpResponse:
    message = queries.access_message(request.user, programme_id, message_id)
    programme = message.programme
    context = {
        "message": message,
        "effect": effect.effect_of(programme, queries.message_deliveries(message)),
        "can_cancel": queries.has_pending_deliveries(message),
        "failures": queries.failed_deliveries(message),
    }
    return render_programme_page(request, "outreach/message_detail.html", programme, context)


@login_required
@require_POST
def message_cancel(request: HttpRequest, programme_id: int, message_id: int) -> HttpResponse:
    message = queries.access_message(request.user, programme_id, message_id)
    stopped = actions.do_cancel_message(message=message)
    messages.success(request, _("%(count)d deliveries were stopped.") % {"count": stopped})
    return redirect("outreach:message", programme_id, message.pk)


@login_required
@require_safe
def programme_effects(request: HttpRequest, programme_id: int) -> HttpResponse:
    """The pooled effect of the programme's messages with a hold-out."""
    programme = queries.access_coached_programme(request.user, programme_id)
    context = {"pooled": pooled.programme_pooled(programme)}
    return render_programme_page(request, "outreach/effects.html", programme, context)


@login_required
@require_safe
def organisation_effects(request: HttpRequest, organisation_id: int) -> HttpResponse:
    """The same over every programme of the organisation, for its admins."""
    organisation = queries.access_organisation_effects(request.user, organisation_id)
    programmes = queries.organisation_programmes(organisation)
    context = {"organisation": organisation, "pooled": pooled.organisation_pooled(programmes)}
    return render(request, "outreach/organisation_effects.html", context)
