"""Permissions for participation analytics.

The participation facts themselves (visits, statuses, best times...) are read through
`luukku.activity.queries`, which owns the events and their rollups.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from luukku.accounts.models import OrganisationMembership, OrganisationRole, User
from luukku.core.models import Organisation
from luukku.programmes.models import Programme, ProgrammeMembership, ProgrammeRole
from luukku.programmes.queries import AnyUser, access_programme, role_in

__all__ = [
    "access_organisation_analytics",
    "access_participant",
    "access_programme_analytics",
    "administered_organisations",
    "can_see_analytics",
    "can_see_people",
]

ANALYTICS_ROLES = (ProgrammeRole.COACH, ProgrammeRole.OBSERVER)


# ---- permissions ---------------------------------------------------------------------


def access_programme_analytics(user: AnyUser, programme_id: int) -> Programme:
    """Coaches (and organisation admins) and observers; participants and others get 404."""
    return access_programme(user, programme_id, roles=ANALYTICS_ROLES)


def can_see_analytics(user: AnyUser, programme: Programme) -> bool:
    return role_in(user, programme) in ANALYTICS_ROLES


def can_see_people(user: AnyUser, programme: Programme) -> bool:
    """Observers see aggregates only: no names, no participant table, no timelines."""
    return role_in(user, programme) == ProgrammeRole.COACH


def access_participant(user: AnyUser, programme_id: int, user_id: int) -> ProgrammeMembership:
    """A participant's membership, for a coach of the programme; else 404."""
    programme = access_programme(user, programme_id, roles=(ProgrammeRole.COACH,))
    membership = (
        ProgrammeMembership.objects.select_related("user")
        .filter(programme=programme, user_id=user_id, role=ProgrammeRole.PARTICIPANT)
        .first()
    )
    if membership is None:
        raise Http404
    membership.programme = programme
    return membership


def administered_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Organisations the user is an admin of."""
    if not isinstance(user, User) or not user.is_active:
        return Organisation.objects.none()
    admin_of = OrganisationMembership.objects.filter(user=user, role=OrganisationRole.ADMIN)
    return Organisation.objects.filter(pk__in=admin_of.values("organisation_id"))


def analysable_programmes(user: AnyUser) -> QuerySet[Programme]:
    """Programmes whose analytics the user may see (can_see_analytics), in one query."""
    if not isinstance(user, User) or not user.is_active:
        return Programme.objects.none()
    return (
        Programme.objects.filter(
            Q(memberships__user=user, memberships__role__in=ANALYTICS_ROLES)
            | Q(organisation_id__in=administered_organisations(user).values("pk"))
        )
        .select_related("organisation")
        .distinct()
        .order_by("-starts_on", "name")
    )


def access_organisation_analytics(user: AnyUser, organisation_id: int) -> Organisation:
    """The organisation, for its admins only; else 404."""
    organisation = administered_organisations(user).filter(pk=organisation_id).first()
    if organisation is None:
        raise Http404
    return organisation
