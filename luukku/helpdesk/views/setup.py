"""Organisation admins set up their helpdesk: teams and targets, topics, keyword rules and
canned replies. One page, one small form per kind of thing."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from luukku.core.actions import do_create_team
from luukku.core.models import Organisation, Schedule, Team
from luukku.helpdesk import actions, queries
from luukku.helpdesk.models import CannedReply, Category, RoutingRule, TeamDesk


class TeamForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Team name"), max_length=200)


class TargetsForm(forms.Form):
    schedule = forms.ModelChoiceField(
        label=gettext_lazy("Opening hours"),
        queryset=Schedule.objects.none(),
        required=False,
        empty_label=gettext_lazy("Around the clock"),
    )
    first_reply_minutes = forms.IntegerField(
        label=gettext_lazy("First reply within (opening minutes)"), min_value=1, max_value=100_000
    )
    resolution_minutes = forms.IntegerField(
        label=gettext_lazy("Resolved within (opening minutes)"), min_value=1, max_value=1_000_000
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["schedule"].queryset = Schedule.objects.filter(organisation=organisation)  # type: ignore[attr-defined]


class CategoryForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Topic"), max_length=200)
    team = forms.ModelChoiceField(label=gettext_lazy("Answered by"), queryset=Team.objects.none())

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = queries.teams_of(organisation)  # type: ignore[attr-defined]


class RuleForm(CategoryForm):
    name = forms.CharField(
        label=gettext_lazy("Keyword"),
        max_length=100,
        help_text=gettext_lazy("A word or the beginning of a word, e.g. salasana."),
    )


class CannedReplyForm(forms.ModelForm):
    class Meta:
        model = CannedReply
        fields = ["language", "title", "body"]


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
    desks = {
        desk.team_id: desk for desk in TeamDesk.objects.filter(team__organisation=organisation)
    }
    teams = [
        (team, TargetsForm(organisation=organisation, prefix=f"targets-{team.pk}",
                           initial=_targets_initial(desks.get(team.pk))))
        for team in queries.teams_of(organisation)
    ]  # fmt: skip
    context = {
        "organisation": organisation,
        "teams": teams,
        "categories": queries.categories_of(organisation).select_related("team"),
        "rules": RoutingRule.objects.filter(organisation=organisation).select_related("team"),
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
    team = queries.teams_of(organisation).filter(pk=team_id).first()
    if team is None:
        raise Http404
    form = TargetsForm(request.POST, organisation=organisation, prefix=f"targets-{team.pk}")
    if not form.is_valid():
        messages.error(request, _("Give the targets as whole minutes."))
        return _render(request, organisation, _forms(organisation), status=400)
    actions.do_save_team_desk(team=team, **form.cleaned_data)
    messages.success(request, _("Saved."))
    return redirect("helpdesk:setup", organisation_id=organisation.pk)


REMOVABLE: dict[str, type[Category] | type[RoutingRule] | type[CannedReply]] = {
    "category": Category,
    "rule": RoutingRule,
    "canned": CannedReply,
}


@login_required
@require_POST
def remove(request: HttpRequest, organisation_id: int, kind: str, item_id: int) -> HttpResponse:
    organisation = queries.access_desk_admin(request.user, organisation_id)
    model = REMOVABLE.get(kind)
    item = (
        model._default_manager.filter(organisation=organisation, pk=item_id).first()
        if model
        else None
    )
    if item is None:
        raise Http404
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
