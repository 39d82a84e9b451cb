"""Organisation admins set up their helpdesk: teams and targets, topics, keyword rules and
canned replies. One page, one small form per kind of thing."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luukku.core.actions import do_create_team
from luukku.core.models import Organisation
from luukku.helpdesk import actions, queries
from luukku.helpdesk.forms import (
    CannedReplyForm,
    CategoryForm,
    RuleForm,
    TargetsForm,
    TeamForm,
)
from luukku.helpdesk.models import Category, RoutingRule, TeamDesk


def _forms(organisation: Organisation, data: Any = None, kind: str = "") -> dict[str, Any]:
    def bound(name: str) -> Any:
        return data if kind == name else None

    return {
        "team_form": TeamForm(bound("team"), prefix="team"),
        "category_form": CategoryForm(
            bound("category"), organisation=organisation, prefix="category"
        ),
        "rule_form": RuleForm(bound("rule"), organisation=organisation, prefix="rule"),
        "canned_form": CannedReplyForm(bound("canned"), prefix="canned"),
    }


def _render(
    request: HttpRequest, organisation: Organisation, forms_: dict[str, Any], status: int = 200
) -> HttpResponse:
    desks = queries.team_desks_by_team(organisation)
    teams = [
        (team, TargetsForm(organisation=organisation, prefix=f"targets-{team.pk}",
                           initial=_targets_initial(desks.get(team.pk))))
        for team in queries.teams_of(organisation)
    ]  # fmt: skip
    context = {
        "organisation": organisation,
        "teams": teams,
        "categories": queries.categories_of(organisation, with_team=True),
        "rules": queries.routing_rules_of(organisation),
        "canned_replies": queries.canned_replies_of(organisation),
        "is_admin": True,
        **forms_,
    }
    return render(request, "helpdesk/staff/setup.html", context, status=status)


def _targets_initial(desk: TeamDesk | None) -> dict[str, object]:
    desk = desk or TeamDesk()
    return {"schedule": desk.schedule_id, "first_reply_minutes": desk.first_reply_minutes,
            "resolution_minutes": desk.resolution_minutes}  # fmt: skip


@login_required
def setup(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = queries.access_desk_admin(request.user, organisation_id)
    if request.method != "POST":
        return _render(request, organisation, _forms(organisation))
    kind = request.POST.get("kind", "")
    forms_ = _forms(organisation, request.POST, kind)
    form = forms_.get(f"{kind}_form")
    if form is None or not form.is_valid():
        return _render(request, organisation, forms_, status=400)
    try:
        _create(organisation, kind, form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return _render(request, organisation, forms_, status=400)
    messages.success(request, _("Saved."))
    return redirect("helpdesk:setup", organisation_id=organisation.pk)


def _create(organisation: Organisation, kind: str, data: dict[str, Any]) -> None:
    if kind == "team":
        do_create_team(organisation=organisation, name=data["name"])
    elif kind == "category":
        actions.do_create_category(organisation=organisation, name=data["name"], team=data["team"])
    elif kind == "rule":
        actions.do_create_routing_rule(
            organisation=organisation, keyword=data["name"], team=data["team"]
        )
    elif kind == "canned":
        actions.do_create_canned_reply(organisation=organisation, **data)


@login_required
@require_POST
def save_targets(request: HttpRequest, organisation_id: int, team_id: int) -> HttpResponse:
    organisation = queries.access_desk_admin(request.user, organisation_id)
    team = queries.access_team(organisation, team_id)
    form = TargetsForm(request.POST, organisation=organisation, prefix=f"targets-{team.pk}")
    if not form.is_valid():
        messages.error(request, _("Give the targets as whole minutes."))
        return _render(request, organisation, _forms(organisation), status=400)
    actions.do_save_team_desk(team=team, **form.cleaned_data)
    messages.success(request, _("Saved."))
    return redirect("helpdesk:setup", organisation_id=organisation.pk)


@login_required
@require_POST
def remove(request: HttpRequest, organisation_id: int, kind: str, item_id: int) -> HttpResponse:
    organisation = queries.access_desk_admin(request.user, organisation_id)
    item = queries.access_set_up_item(organisation, kind, item_id)
    if isinstance(item, Category):
        try:
            actions.do_delete_category(category=item)
        except actions.CategoryInUseError:
            messages.error(request, _("Requests use this topic, so it stays."))
            return _render(request, organisation, _forms(organisation), status=409)
    elif isinstance(item, RoutingRule):
        actions.do_delete_routing_rule(rule=item)
    else:
        actions.do_delete_canned_reply(reply=item)
    return redirect("helpdesk:setup", organisation_id=organisation.pk)
