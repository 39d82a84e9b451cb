"""Programme-level pages: my programmes, creating one, its home, plan, settings and cover."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from luukku.accounts.adapters import signed_in_user
from luukku.core.files import file_response
from luukku.programmes import actions, hooks, queries
from luukku.programmes.adapters import render_programme_page
from luukku.programmes.forms import ProgrammeCreateForm, ProgrammeSettingsForm, SaveTemplateForm
from luukku.programmes.views.common import record_view

COACH = queries.COACH_ONLY


@login_required
@require_safe
def programme_list(request: HttpRequest) -> HttpResponse:
    programmes = queries.programmes_listed_for(request.user)
    can_create = queries.organisations_for_creating(request.user).exists()
    return render(
        request, "programmes/list.html", {"programmes": programmes, "can_create": can_create}
    )


@login_required
def programme_create(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    organisations = queries.organisations_for_creating(user)
    if not organisations:
        raise Http404
    form = ProgrammeCreateForm(
        request.POST or None,
        organisations=organisations,
        template_choices=queries.template_choices(user, get_language() or ""),
        initial={"template": "blank"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = queries.plan_from_choice(
            user, data["organisation"], data["template"], user.language or settings.LANGUAGE_CODE
        )
        programme = actions.do_create_programme(
            organisation=data["organisation"],
            creator=user,
            name=data["name"],
            description=data["description"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            time_zone=data["time_zone"],
            plan_unit=data["plan_unit"],
            plan=plan,
        )
        messages.success(request, _("The programme was created."))
        return redirect("programmes:home", programme.pk)
    status = 400 if form.errors else 200
    return render(request, "programmes/create.html", {"form": form}, status=status)


@login_required
@require_safe
def home(request: HttpRequest, programme_id: int) -> HttpResponse:
    user = signed_in_user(request)
    programme = queries.access_programme(user, programme_id)
    membership = queries.get_membership(user, programme)
    since = hooks.previous_visit_ended_at(user.pk, programme.pk)
    if since is None:
        since = membership.joined_at if membership is not None else programme.created_at
    context = {
        "since": since,
        "news": queries.whats_new(user, programme, since),
        "upcoming_tasks": queries.upcoming_tasks(user, programme),
        "sections": queries.plan_for(user, programme),
        "today": programme.today(),
        # Discussions adds "discussion_news" (what is new there since the last visit).
        **hooks.home_context(user, programme, since),
    }
    record_view(request, programme, "home")
    return render_programme_page(request, "programmes/home.html", programme, context)


@login_required
@require_safe
def plan(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = queries.access_programme(request.user, programme_id)
    context = {"sections": queries.plan_for(request.user, programme), "today": programme.today()}
    return render_programme_page(request, "programmes/plan.html", programme, context)


@login_required
@require_safe
def cover(request: HttpRequest, programme_id: int) -> FileResponse:
    """The cover image, for members only (media files are never served publicly)."""
    programme = queries.access_programme(request.user, programme_id)
    name = programme.cover_image.name or ""
    if not name or not programme.cover_image.storage.exists(name):
        raise Http404
    # No stored type: the bytes decide (a cover stored before covers were re-encoded that
    # does not decode as an image is a download, never a page).
    return file_response(
        programme.cover_image,
        claimed_type=None,
        download_name="cover",
        inline_image=True,
        cache_control="private, max-age=3600",
    )


@login_required
def programme_settings(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = queries.access_programme(request.user, programme_id, roles=COACH)
    initial = {
        field: getattr(programme, field)
        for field in ("name", "description", "starts_on", "ends_on", "plan_unit", "time_zone")
    }
    form = ProgrammeSettingsForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.do_update_programme(programme=programme, **form.cleaned_data)
        messages.success(request, _("The settings were saved."))
        return redirect("programmes:settings", programme.pk)
    status = 400 if form.errors else 200
    context = {"form": form}
    return render_programme_page(
        request, "programmes/settings.html", programme, context, status=status
    )


@login_required
def save_template(request: HttpRequest, programme_id: int) -> HttpResponse:
    user = signed_in_user(request)
    programme = queries.access_programme(user, programme_id, roles=COACH)
    form = SaveTemplateForm(request.POST or None, initial={"name": programme.name})
    if request.method == "POST" and form.is_valid():
        actions.do_save_template(programme=programme, creator=user, **form.cleaned_data)
        messages.success(request, _("The plan was saved as a template."))
        return redirect("programmes:plan", programme.pk)
    status = 400 if form.errors else 200
    context = {"form": form}
    return render_programme_page(
        request, "programmes/save_template.html", programme, context, status=status
    )
