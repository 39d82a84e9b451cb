"""Members of a programme: the list, invitations, role changes and removal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from luukku.accounts.adapters import signed_in_user
from luukku.programmes import actions, hooks, queries
from luukku.programmes.adapters import render_programme_page
from luukku.programmes.forms import InviteForm, RoleForm
from luukku.programmes.models import Programme, ProgrammeMembership


def _members_page(
    request: HttpRequest, programme: Programme, *, error: str = "", status: int = 200
) -> HttpResponse:
    memberships = list(queries.members_visible_to(request.user, programme))
    if queries.is_coach(request.user, programme):
        # Coaches see each member's participation; participants see names only.
        participation = hooks.participation_by_member(programme.pk)
        for membership in memberships:
            membership.participation = participation.get(membership.user_id)  # type: ignore[attr-defined]  # set on the row for the template
    context = {
        "memberships": memberships,
        "role_form": RoleForm(),
        "error": error,
    }
    return render_programme_page(
        request, "programmes/members.html", programme, context, status=status
    )


def _managed_membership(
    request: HttpRequest, programme_id: int, membership_id: int
) -> ProgrammeMembership:
    membership = queries.access_membership(request.user, membership_id)
    if membership.programme_id != programme_id:
        raise Http404
    return membership


@login_required
@require_safe
def members(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = queries.access_programme(request.user, programme_id)
    return _members_page(request, programme)


def _report_invitations(request: HttpRequest, result: actions.InvitationResult) -> None:
    invited = len(result.invited)
    messages.success(
        request,
        ngettext("%(count)d invitation was sent.", "%(count)d invitations were sent.", invited)
        % {"count": invited},
    )
    if result.already_members:
        names = ", ".join(str(user) for user in result.already_members)
        messages.info(request, _("Already a member: %(names)s") % {"names": names})


@login_required
def invite(request: HttpRequest, programme_id: int) -> HttpResponse:
    user = signed_in_user(request)
    programme = queries.access_programme(user, programme_id, roles=queries.COACH_ONLY)
    form = InviteForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        result = actions.do_invite_members(
            programme=programme,
            inviter=user,
            invitees=form.address_list.invitees,
            role=form.cleaned_data["role"],
            message=form.cleaned_data["message"],
        )
        _report_invitations(request, result)
        return redirect("programmes:members", programme.pk)
    status = 400 if form.errors else 200
    context = {"form": form}
    return render_programme_page(
        request, "programmes/invite.html", programme, context, status=status
    )


@login_required
@require_POST
def member_role(request: HttpRequest, programme_id: int, membership_id: int) -> HttpResponse:
    membership = _managed_membership(request, programme_id, membership_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        return _members_page(request, membership.programme, error=_("Choose a role."), status=400)
    try:
        actions.do_change_role(membership=membership, role=form.cleaned_data["role"])
    except ValidationError as error:
        return _members_page(request, membership.programme, error=error.messages[0], status=400)
    messages.success(request, _("The role of %(name)s was changed.") % {"name": membership.user})
    return redirect("programmes:members", programme_id)


@login_required
def member_remove(request: HttpRequest, programme_id: int, membership_id: int) -> HttpResponse:
    membership = _managed_membership(request, programme_id, membership_id)
    context: dict[str, object] = {"member": membership}
    if request.method == "POST":
        try:
            actions.do_remove_member(membership=membership)
        except ValidationError as error:
            context["error"] = error.messages[0]
            return render_programme_page(
                request, "programmes/member_remove.html", membership.programme, context, status=400
            )
        messages.success(request, _("%(name)s was removed.") % {"name": membership.user})
        return redirect("programmes:members", programme_id)
    return render_programme_page(
        request, "programmes/member_remove.html", membership.programme, context
    )
