"""Helpers shared by the programme views: recording that someone opened something."""

from django.http import HttpRequest

from luukku.activity.actions import record_event
from luukku.activity.models import EventKind
from luukku.programmes import queries
from luukku.programmes.models import Programme, ProgrammeRole

# Observers look on; their visits must not count as participation.
TRACKED_ROLES = {ProgrammeRole.PARTICIPANT, ProgrammeRole.COACH}


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
