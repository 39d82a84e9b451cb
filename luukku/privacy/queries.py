"""Reads for "My data": everything Luukku records about the signed-in person, and nobody else.

Every function takes the person themselves; there is no way to ask for someone else's data.
"""

from collections import defaultdict
from dataclasses import asdict
from datetime import datetime
from typing import Any

from django.db import models
from django.db.models import Prefetch

from luukku.accounts.models import OrganisationRole, User
from luukku.activity import queries as activity
from luukku.activity.models import Event, EventKind
from luukku.activity.visits import split_visits
from luukku.programmes.models import Programme, ProgrammeMembership, ProgrammeRole
from luukku.programmes.queries import programmes_for

RECENT_EVENTS = 100


def _label(choices: type[models.TextChoices], value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def profile_of(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "display_name": user.display_name,
        "language": user.language,
        "time_zone": user.time_zone,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


def organisation_roles_of(user: User) -> list[dict[str, Any]]:
    roles = user.organisation_roles.select_related("organisation").order_by("organisation__name")
    return [
        {
            "organisation": role.organisation.name,
            "role": role.role,
            "role_label": _label(OrganisationRole, role.role),
            "since": role.created_at,
        }
        for role in roles
    ]


def programmes_of(user: User) -> list[Programme]:
    """The person's programmes, each with `own_memberships` (theirs only: none for admins)."""
    own = ProgrammeMembership.objects.filter(user=user)
    return list(
        programmes_for(user).prefetch_related(
            Prefetch("memberships", queryset=own, to_attr="own_memberships")
        )
    )


def _memberships(programmes: list[Programme]) -> list[dict[str, Any]]:
    return [
        {
            "programme_id": programme.pk,
            "programme": programme.name,
            "organisation": programme.organisation.name,
            "role": membership.role,
            "role_label": _label(ProgrammeRole, membership.role),
            "joined_at": membership.joined_at,
        }
        for programme in programmes
        for membership in getattr(programme, "own_memberships", [])
    ]


def _programme_name(names: dict[int, str], programme_id: int) -> str:
    # Events can outlive a membership; the name of a programme one has left is not shown.
    return names.get(programme_id, f"#{programme_id}")


def _visits(user: User, names: dict[int, str]) -> list[dict[str, Any]]:
    # One read of the person's events for every programme, not a query per programme.
    events: dict[int, list[tuple[datetime, int]]] = defaultdict(list)
    rows = Event.objects.filter(user_id=user.pk).values_list(
        "programme_id", "occurred_at", "active_seconds"
    )
    for programme_id, occurred_at, active_seconds in rows.order_by().iterator(chunk_size=2000):
        events[programme_id].append((occurred_at, active_seconds))
    summaries = []
    for programme_id in sorted(events):
        visits = split_visits(events[programme_id])
        summaries.append(
            {
                "programme_id": programme_id,
                "programme": _programme_name(names, programme_id),
                "visit_count": len(visits),
                "active_seconds": sum(visit.active_seconds for visit in visits),
                "visits": [asdict(visit) for visit in reversed(visits)],
            }
        )
    return summaries


def _event_row(event: Event, names: dict[int, str]) -> dict[str, Any]:
    return {
        "occurred_at": event.occurred_at,
        "programme_id": event.programme_id,
        "programme": _programme_name(names, event.programme_id),
        "kind": event.kind,
        "kind_label": _label(EventKind, event.kind),
        "target": event.target,
        "active_seconds": event.active_seconds,
    }


def my_data(user: User, *, every_event: bool = False) -> dict[str, Any]:
    """What is recorded about `user`: profile, roles, memberships, events summarised.

    With `every_event`, the data also lists all of the person's events (the export).
    """
    programmes = programmes_of(user)
    names = {programme.pk: programme.name for programme in programmes}
    counts = [
        {
            **row,
            "programme": _programme_name(names, row["programme_id"]),
            "kind_label": _label(EventKind, row["kind"]),
        }
        for row in activity.event_counts_for_user(user.pk)
    ]
    recent = activity.recent_events_for_user(user.pk, limit=RECENT_EVENTS)
    data = {
        "profile": profile_of(user),
        "organisation_roles": organisation_roles_of(user),
        "programme_memberships": _memberships(programmes),
        "event_counts": counts,
        "visits": _visits(user, names),
        "recent_events": [_event_row(event, names) for event in recent],
    }
    if every_event:
        data["events"] = [_event_row(event, names) for event in activity.events_for_user(user.pk)]
    return data
