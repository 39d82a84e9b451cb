"""Reads for accounts: who is signed in, and their role in an organisation.

Every app asks these questions before deciding what a person may see; they are answered
here once.
"""

from collections.abc import Collection

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from luukku.accounts.models import OrganisationMembership, OrganisationRole, User
from luukku.core.models import OutboxMessage
from luukku.core.outbox.queries import mail_to

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


def administered_organisation_ids(user: AnyUser | object) -> list[int]:
    person = active_user(user)
    if person is None:
        return []
    return list(
        OrganisationMembership.objects.filter(user=person, role=OrganisationRole.ADMIN).values_list(
            "organisation_id", flat=True
        )
    )


def can_read_mail_log(user: AnyUser | object) -> bool:
    """Installation staff and organisation admins (the mail log link in the navigation)."""
    person = active_user(user)
    return person is not None and (person.is_staff or bool(administered_organisation_ids(person)))


def _mail_log_scope(user: AnyUser | object) -> Collection[int] | None:
    """The organisations whose mail the person may read (None: all), or a 404 for nobody."""
    person = active_user(user)
    if person is not None and person.is_staff:
        return None
    organisation_ids = administered_organisation_ids(person)
    if not organisation_ids:
        raise Http404
    return organisation_ids


def mail_log(user: AnyUser | object, address: str) -> list[OutboxMessage]:
    """ "Did this person get the mail, and if not, why": the messages to `address` the viewer
    may see (their organisations' for admins; everything for installation staff)."""
    scope = _mail_log_scope(user)
    return mail_to(address, organisation_ids=scope) if address.strip() else []


def access_outbox_message(user: AnyUser | object, message_id: int) -> OutboxMessage:
    scope = _mail_log_scope(user)
    rows = OutboxMessage.objects.select_related("organisation").filter(pk=message_id)
    if scope is not None:
        rows = rows.filter(organisation_id__in=scope)
    found = rows.first()
    if found is None:
        raise Http404
    return found
