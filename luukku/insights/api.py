"""The insights part of the HTTP API (mounted at /api/v1/insights/).

The same figures as the analytics pages and their exports; a programme the caller may not
analyse is a 404, and observers get no per-person data.
"""

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router
from ninja.errors import HttpError
from ninja.security import django_auth

from luukku.activity.rules import MemberStatus
from luukku.insights import queries
from luukku.insights.exports import figures_data, participants_data
from luukku.insights.overview import build_overview
from luukku.insights.participants import filter_and_sort, participant_rows

router = Router(tags=["insights"], auth=django_auth)


@router.get("/programmes/{programme_id}/figures", response=dict[str, Any])
def programme_figures(request: HttpRequest, programme_id: int) -> dict[str, Any]:
    """Key figures and every chart's data of a programme's analytics."""
    programme = queries.access_programme_analytics(request.user, programme_id)
    return figures_data(programme, build_overview(programme))


@router.get("/programmes/{programme_id}/participants", response=list[dict[str, Any]])
def programme_participants(
    request: HttpRequest,
    programme_id: int,
    status: str = "",
    idle: int | None = None,
    passive_days: int = 7,
) -> list[dict[str, Any]]:
    """The participant table (coaches only), filtered like the page."""
    programme = queries.access_programme_analytics(request.user, programme_id)
    if not queries.can_see_people(request.user, programme):
        raise Http404
    if status and status not in MemberStatus.values:
        raise HttpError(422, "status must be active, passive or dropped_off.")
    if not 1 <= passive_days <= 365 or (idle is not None and idle < 0):
        raise HttpError(422, "passive_days must be 1-365 and idle 0 or more.")
    rows = participant_rows(programme, passive_days=passive_days)
    chosen = filter_and_sort(rows, status=status, min_idle_days=idle)
    return participants_data(chosen, pseudonymised=programme.organisation.pseudonymise_analytics)
