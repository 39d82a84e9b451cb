"""Coach pages for editing content: sections, pages with files, and tasks."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luukku.programmes import actions, queries
from luukku.programmes.adapters import render_programme_page
from luukku.programmes.forms import PageForm, SectionForm, TaskForm
from luukku.programmes.models import Page, Programme, Section, Task


def _coach_section(request: HttpRequest, programme_id: int, section_id: int) -> Section:
    section = queries.access_section(request.user, section_id, coach=True)
    if section.programme_id != programme_id:
        raise Http404
    return section


def _coach_page(request: HttpRequest, programme_id: int, page_id: int) -> Page:
    page = queries.access_page(request.user, page_id, coach=True)
    if page.section.programme_id != programme_id:
        raise Http404
    return page


def _coach_task(request: HttpRequest, programme_id: int, task_id: int) -> Task:
    task = queries.access_task(request.user, task_id)
    if task.section.programme_id != programme_id:
        raise Http404
    return task


def _confirm_then_delete(
    request: HttpRequest,
    programme: Programme,
    target: Section | Page | Task,
    *,
    delete: Callable[[], None],
    done_message: str,
    done_url: str,
    cancel_url: str,
) -> HttpResponse:
    """Ask on GET, delete on POST: one confirmation flow for every kind of content."""
    if request.method == "POST":
        delete()
        messages.success(request, done_message)
        return redirect(done_url)
    context = {"object": target, "cancel_url": cancel_url}
    return render_programme_page(request, "programmes/confirm_delete.html", programme, context)


def _form_page(
    request: HttpRequest, programme: Programme, form: Form, heading: str, **context: object
) -> HttpResponse:
    status = 400 if form.errors else 200
    context.update({"form": form, "heading": heading})
    return render_programme_page(
        request, "programmes/edit_form.html", programme, context, status=status
    )


def _step(request: HttpRequest) -> int:
    return -1 if request.POST.get("step") == "up" else 1


@login_required
def section_create(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = queries.access_programme(request.user, programme_id, roles=queries.COACH_ONLY)
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        section = actions.do_create_section(programme=programme, **form.cleaned_data)
        messages.success(request, _("The section was added."))
        return redirect("programmes:section", programme.pk, section.pk)
    return _form_page(request, programme, form, _("New section"))


@login_required
def section_edit(request: HttpRequest, programme_id: int, section_id: int) -> HttpResponse:
    section = _coach_section(request, programme_id, section_id)
    initial = {"title": section.title, "summary": section.summary, "opens_on": section.opens_on}
    form = SectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.do_update_section(section=section, **form.cleaned_data)
        messages.success(request, _("The section was saved."))
        return redirect("programmes:section", programme_id, section.pk)
    return _form_page(request, section.programme, form, _("Edit section"), section=section)


@login_required
@require_POST
def section_move(request: HttpRequest, programme_id: int, section_id: int) -> HttpResponse:
    section = _coach_section(request, programme_id, section_id)
    actions.do_move_section(section=section, step=_step(request))
    return redirect("programmes:plan", programme_id)


@login_required
def section_delete(request: HttpRequest, programme_id: int, section_id: int) -> HttpResponse:
    section = _coach_section(request, programme_id, section_id)
    return _confirm_then_delete(
        request,
        section.programme,
        section,
        delete=lambda: actions.do_delete_section(section=section),
        done_message=_("The section was deleted."),
        done_url=reverse("programmes:plan", args=[programme_id]),
        cancel_url=reverse("programmes:section", args=[programme_id, section.pk]),
    )


@login_required
def page_create(request: HttpRequest, programme_id: int, section_id: int) -> HttpResponse:
    section = _coach_section(request, programme_id, section_id)
    form = PageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            page = actions.do_create_page(
                section=section, title=data["title"], body=data["body"], video_url=data["video_url"]
            )
            if data["file"]:
                actions.do_attach_file(page=page, upload=data["file"])
        messages.success(request, _("The page was added."))
        return redirect("programmes:page", programme_id, page.pk)
    return _form_page(request, section.programme, form, _("New page"), section=section)


@login_required
def page_edit(request: HttpRequest, programme_id: int, page_id: int) -> HttpResponse:
    page = _coach_page(request, programme_id, page_id)
    initial = {"title": page.title, "body": page.body_html, "video_url": page.video_url}
    form = PageForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            actions.do_update_page(
                page=page, title=data["title"], body=data["body"], video_url=data["video_url"]
            )
            if data["file"]:
                actions.do_attach_file(page=page, upload=data["file"])
        messages.success(request, _("The page was saved."))
        return redirect("programmes:page", programme_id, page.pk)
    programme = page.section.programme
    return _form_page(request, programme, form, _("Edit page"), page=page, files=page.files.all())


@login_required
@require_POST
def page_move(request: HttpRequest, programme_id: int, page_id: int) -> HttpResponse:
    page = _coach_page(request, programme_id, page_id)
    actions.do_move_page(page=page, step=_step(request))
    return redirect("programmes:section", programme_id, page.section_id)


@login_required
def page_delete(request: HttpRequest, programme_id: int, page_id: int) -> HttpResponse:
    page = _coach_page(request, programme_id, page_id)
    return _confirm_then_delete(
        request,
        page.section.programme,
        page,
        delete=lambda: actions.do_delete_page(page=page),
        done_message=_("The page was deleted."),
        done_url=reverse("programmes:section", args=[programme_id, page.section_id]),
        cancel_url=reverse("programmes:page", args=[programme_id, page.pk]),
    )


@login_required
@require_POST
def file_delete(request: HttpRequest, programme_id: int, file_id: int) -> HttpResponse:
    page_file = queries.access_page_file(request.user, file_id, coach=True)
    if page_file.page.section.programme_id != programme_id:
        raise Http404
    actions.do_delete_file(page_file=page_file)
    messages.success(request, _("The file was removed."))
    return redirect("programmes:page_edit", programme_id, page_file.page_id)


@login_required
def task_create(request: HttpRequest, programme_id: int, section_id: int) -> HttpResponse:
    section = _coach_section(request, programme_id, section_id)
    form = TaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.do_create_task(section=section, **form.cleaned_data)
        messages.success(request, _("The task was added."))
        return redirect("programmes:section", programme_id, section.pk)
    return _form_page(request, section.programme, form, _("New task"), section=section)


@login_required
def task_edit(request: HttpRequest, programme_id: int, task_id: int) -> HttpResponse:
    task = _coach_task(request, programme_id, task_id)
    initial = {"title": task.title, "description": task.description_html, "due_on": task.due_on}
    form = TaskForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.do_update_task(task=task, **form.cleaned_data)
        messages.success(request, _("The task was saved."))
        return redirect("programmes:section", programme_id, task.section_id)
    return _form_page(request, task.section.programme, form, _("Edit task"), task=task)


@login_required
def task_delete(request: HttpRequest, programme_id: int, task_id: int) -> HttpResponse:
    task = _coach_task(request, programme_id, task_id)
    section_url = reverse("programmes:section", args=[programme_id, task.section_id])
    return _confirm_then_delete(
        request,
        task.section.programme,
        task,
        delete=lambda: actions.do_delete_task(task=task),
        done_message=_("The task was deleted."),
        done_url=section_url,
        cancel_url=section_url,
    )
