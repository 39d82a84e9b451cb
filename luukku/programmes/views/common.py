"""Helpers shared by the programme views: reporting that someone opened something.

Activity records it (through programmes.hooks, as programmes may not import activity).
"""

from django.http import HttpRequest

from luukku.programmes import hooks, queries
from luukku.programmes.models import Programme, ProgrammeRole

# Observers look on; their visits must not count as participation.
TRACKED_ROLES = {ProgrammeRole.PARTICIPANT, ProgrammeRole.COACH}


def record_view(
    request: HttpRequest,
    programme: Programme,
    target: str,
    kind: str = hooks.PAGE_VIEW,
) -> None:
    """Record that a participant or coach of the programme opened something."""
    membership = queries.get_membership(request.user, programme)
    if membership is None or membership.role not in TRACKED_ROLES:
        return
    hooks.on_viewed(programme, membership.user_id, kind, target)
