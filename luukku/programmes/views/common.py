"""Helpers shared by the programme views: context for programme_base.html, view recording."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from luukku.accounts.models import User
from luukku.activity.actions import record_event
from luukku.activity.models import EventKind
from luukku.programmes import queries
from luukku.programmes.models import Programme, ProgrammeRole

# Observers look on; their visits must not count as participation.
TRACKED_ROLES = {ProgrammeRole.PARTICIPANT, ProgrammeRole.COACH}


def signed_in_user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # login_required lets no one else in
        raise PermissionDenied
    return user


def render_programme(
    request: HttpRequest,
    template: str,
    programme: Programme,
    context: dict[str, Any] | None = None,
    *,
    status: int = 200,
) -> HttpResponse:
    """Render a page of a programme with what programme_base.html expects."""
    full_context = {**queries.programme_page_context(request.user, programme), **(context or {})}
    return render(request, template, full_context, status=status)


def record_view(
    request: HttpRequest,
    programme: Programme,
    target: str,
    kind: EventKind = EventKind.PAGE_VIEW,
) -> None:
    """Record that a participant or coach of the programme opened something."""
    membership = queries.get_membership(request.user, programme)
    if membership is None or membership.role not in TRACKED_ROLES:
        return
    record_event(
        organisation_id=programme.organisation_id,
        programme_id=programme.pk,
        user_id=membership.user_id,
        kind=kind,
        target=target,
    )
