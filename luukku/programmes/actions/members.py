"""Writes for programme members: invitations, roles and removal."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from luukku.accounts.actions import do_get_or_create_user, do_send_invitation
from luukku.accounts.addresses import Invitee
from luukku.accounts.models import User
from luukku.programmes import hooks
from luukku.programmes.models import Programme, ProgrammeMembership, ProgrammeRole


@dataclass
class InvitationResult:
    invited: list[User] = field(default_factory=list)
    already_members: list[User] = field(default_factory=list)


@transaction.atomic
def do_invite_members(
    *,
    programme: Programme,
    inviter: User,
    invitees: Sequence[Invitee],
    role: str,
    message: str = "",
) -> InvitationResult:
    """Make each invitee a member with `role` and e-mail them an invitation link.

    People who already belong to the programme keep their role and get no e-mail.
    """
    result = InvitationResult()
    next_path = reverse("programmes:home", args=[programme.pk])
    for invitee in invitees:
        user, _created = do_get_or_create_user(
            email=invitee.email, display_name=invitee.display_name
        )
        _membership, created = ProgrammeMembership.objects.get_or_create(
            programme=programme, user=user, defaults={"role": role, "invited_by": inviter}
        )
        if not created:
            result.already_members.append(user)
            continue
        do_send_invitation(
            user=user,
            inviter=inviter,
            context_name=programme.name,
            next_path=next_path,
            message=message,
            organisation_id=programme.organisation_id,
        )
        result.invited.append(user)
    return result


def _refuse_losing_last_coach(membership: ProgrammeMembership) -> None:
    # Lock the coach rows so that two coaches demoting each other cannot leave none.
    coaches = list(
        ProgrammeMembership.objects.select_for_update()
        .filter(programme_id=membership.programme_id, role=ProgrammeRole.COACH)
        .values_list("pk", flat=True)
    )
    if coaches == [membership.pk]:
        raise ValidationError(_("A programme needs at least one coach."), code="last_coach")


@transaction.atomic
def do_change_role(*, membership: ProgrammeMembership, role: str) -> ProgrammeMembership:
    """Change a member's role; refuses (ValidationError) to leave the programme without a coach."""
    if membership.role == ProgrammeRole.COACH and role != ProgrammeRole.COACH:
        _refuse_losing_last_coach(membership)
    membership.role = role
    membership.full_clean(validate_unique=False)
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def do_remove_member(*, membership: ProgrammeMembership) -> None:
    """Remove a member from the programme; their account and what they wrote stay."""
    if membership.role == ProgrammeRole.COACH:
        _refuse_losing_last_coach(membership)
    membership.delete()
    # The tracking token on their open pages is signed for hours; this ends it now.
    # (Activity's hook does it: programmes may not import activity.)
    hooks.on_member_removed(membership.user_id, membership.programme_id)
