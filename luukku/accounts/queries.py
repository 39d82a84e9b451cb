"""Reads for accounts: who is signed in, and their role in an organisation.

Every app asks these questions before deciding what a person may see; they are answered
here once.
"""

from django.contrib.auth.models import AnonymousUser

from luukku.accounts.models import OrganisationMembership, OrganisationRole, User

AnyUser = User | AnonymousUser


def active_user(user: AnyUser | object) -> User | None:
    """The user when signed in and active; None for visitors and deactivated accounts."""
    return user if isinstance(user, User) and user.is_active else None


def organisation_role(user: AnyUser | object, organisation_id: int) -> str | None:
    """The person's role (admin or staff) in the organisation, or None."""
    person = active_user(user)
    if person is None:
        return None
    return (
        OrganisationMembership.objects.filter(user=person, organisation_id=organisation_id)
        .values_list("role", flat=True)
        .first()
    )


def is_organisation_admin(user: AnyUser | object, organisation_id: int) -> bool:
    return organisation_role(user, organisation_id) == OrganisationRole.ADMIN


def works_for_an_organisation(user: AnyUser | object) -> bool:
    """Whether the person is admin or staff anywhere (the staff links in the navigation)."""
    person = active_user(user)
    return person is not None and OrganisationMembership.objects.filter(user=person).exists()
