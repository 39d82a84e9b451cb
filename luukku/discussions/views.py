"""Discussion pages: thin adapters over queries (who may see) and actions (what changes)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luukku.accounts.adapters import signed_in_user
from luukku.core.html import plain_text_to_html
from luukku.discussions import actions, queries
from luukku.discussions.forms import CommentForm, ThreadForm, html_to_plain_text
from luukku.discussions.models import Comment, Thread
from luukku.discussions.notify import thread_url
from luukku.programmes import queries as programme_queries
from luukku.programmes.adapters import render_programme_page
from luukku.programmes.models import Page, Programme

PAGE_SIZE = 30


def _can_post(request: HttpRequest, programme: Programme) -> bool:
    return programme_queries.role_in(signed_in_user(request), programme) in queries.POSTING_ROLES


def _render(
    request: HttpRequest,
    template: str,
    programme: Programme,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    """A discussions page inside programme_base.html, with whether the viewer may post."""
    context = {"can_post": _can_post(request, programme), **context}
    return render_programme_page(request, template, programme, context, status=status)


@login_required
def thread_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_queries.access_programme(request.user, programme_id)
    threads = queries.threads_of_programme(signed_in_user(request), programme)
    page = Paginator(threads, PAGE_SIZE).get_page(request.GET.get("page"))
    return _render(request, "discussions/list.html", programme, {"threads": page})


def _page_for(request: HttpRequest, programme: Programme) -> Page | None:
    page_id = request.POST.get("page") or request.GET.get("page")
    if not page_id:
        return None
    if not str(page_id).isdigit():
        raise Http404
    page = programme_queries.access_page(request.user, int(page_id))
    if page.section.programme_id != programme.pk:
        raise Http404
    return page


@login_required
def create_thread(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_queries.access_programme(request.user, programme_id)
    if not _can_post(request, programme):
        raise PermissionDenied
    page = _page_for(request, programme)
    form = ThreadForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            thread = actions.do_create_thread(
                user=signed_in_user(request),
                programme=programme,
                page=page,
                title=form.cleaned_data["title"],
                body_html=plain_text_to_html(form.cleaned_data["body"]),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(thread_url(thread))
    context = {"form": form, "page": page}
    status = 400 if form.errors else 200
    return _render(request, "discussions/thread_form.html", programme, context, status=status)


def _render_thread(
    request: HttpRequest,
    thread: Thread,
    *,
    comment_form: CommentForm | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    user = signed_in_user(request)
    context = {
        "thread": thread,
        "comments": queries.comments_of(thread),
        "reactions": queries.reaction_summary(user, thread),
        "comment_form": comment_form or CommentForm(),
        "error": error,
    }
    return _render(request, "discussions/thread.html", thread.programme, context, status)


@login_required
def thread_detail(request: HttpRequest, thread_id: int) -> HttpResponse:
    return _render_thread(request, queries.access_thread(request.user, thread_id))


@login_required
@require_POST
def add_comment(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = queries.access_thread(request.user, thread_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            comment = actions.do_add_comment(
                user=signed_in_user(request),
                thread=thread,
                body_html=plain_text_to_html(form.cleaned_data["body"]),
            )
        except actions.DiscussionError as refusal:
            return _render_thread(
                request, thread, comment_form=form, error=str(refusal), status=400
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(thread_url(thread, comment))
    return _render_thread(request, thread, comment_form=form, status=400)


@login_required
def edit_thread(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = queries.access_thread(request.user, thread_id)
    if thread.author_id != request.user.pk:
        raise PermissionDenied
    initial = {"title": thread.title, "body": html_to_plain_text(thread.body_html)}
    form = ThreadForm(request.POST if request.method == "POST" else None, initial=initial)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_edit_thread(
                user=signed_in_user(request),
                thread=thread,
                title=form.cleaned_data["title"],
                body_html=plain_text_to_html(form.cleaned_data["body"]),
            )
        except actions.DiscussionError as refusal:
            error = str(refusal)
        except ValidationError as invalid:
            form.add_error(None, invalid)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect(thread_url(thread))
    context = {"form": form, "thread": thread, "page": thread.page, "error": error}
    status = 400 if form.errors or error else 200
    return _render(request, "discussions/thread_form.html", thread.programme, context, status)


@login_required
@require_POST
def delete_thread(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = queries.access_thread(request.user, thread_id)
    actions.do_delete_thread(user=signed_in_user(request), thread=thread)
    messages.success(request, _("The discussion was deleted."))
    return redirect("discussions:list", thread.programme_id)


@login_required
@require_POST
def pin_thread(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = queries.access_thread(request.user, thread_id)
    pinned = request.POST.get("pinned") == "1"
    actions.do_pin_thread(user=signed_in_user(request), thread=thread, pinned=pinned)
    messages.success(request, _("Pinned.") if pinned else _("Unpinned."))
    return redirect(thread_url(thread))


@login_required
@require_POST
def lock_thread(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = queries.access_thread(request.user, thread_id)
    locked = request.POST.get("locked") == "1"
    actions.do_lock_thread(user=signed_in_user(request), thread=thread, locked=locked)
    messages.success(
        request, _("The discussion is locked.") if locked else _("The discussion is open again.")
    )
    return redirect(thread_url(thread))


@login_required
def edit_comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = queries.access_comment(request.user, comment_id)
    if comment.author_id != request.user.pk:
        raise PermissionDenied
    initial = {"body": html_to_plain_text(comment.body_html)}
    form = CommentForm(request.POST if request.method == "POST" else None, initial=initial)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_edit_comment(
                user=signed_in_user(request),
                comment=comment,
                body_html=plain_text_to_html(form.cleaned_data["body"]),
            )
        except actions.DiscussionError as refusal:
            error = str(refusal)
        except ValidationError as invalid:
            form.add_error(None, invalid)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect(thread_url(comment.thread, comment))
    context = {"form": form, "comment": comment, "thread": comment.thread, "error": error}
    status = 400 if form.errors or error else 200
    programme = comment.thread.programme
    return _render(request, "discussions/comment_form.html", programme, context, status)


@login_required
@require_POST
def delete_comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = queries.access_comment(request.user, comment_id)
    actions.do_delete_comment(user=signed_in_user(request), comment=comment)
    messages.success(request, _("Your comment was deleted."))
    return redirect(thread_url(comment.thread))


@login_required
@require_POST
def moderate_comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = queries.access_comment(request.user, comment_id)
    removed = request.POST.get("removed", "1") == "1"
    actions.do_moderate_comment(user=signed_in_user(request), comment=comment, removed=removed)
    messages.success(request, _("The comment was removed.") if removed else _("Restored."))
    return redirect(thread_url(comment.thread, comment))


def _react(request: HttpRequest, thread: Thread, comment: Comment | None = None) -> HttpResponse:
    try:
        actions.do_toggle_reaction(
            user=signed_in_user(request),
            kind=request.POST.get("kind", ""),
            thread=None if comment else thread,
            comment=comment,
        )
    except actions.DiscussionError as refusal:
        return _render_thread(request, thread, error=str(refusal), status=400)
    except ValidationError:
        return _render_thread(request, thread, error=_("Unknown reaction."), status=400)
    if request.headers.get("HX-Request"):
        context = {
            "thread": thread,
            "target": comment or thread,
            "reactions": queries.reaction_summary(request.user, thread),
            "can_post": True,
        }
        return render(request, "discussions/_reactions.html", context)
    return redirect(thread_url(thread, comment))


@login_required
@require_POST
def react_to_thread(request: HttpRequest, thread_id: int) -> HttpResponse:
    return _react(request, queries.access_thread(request.user, thread_id))


@login_required
@require_POST
def react_to_comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = queries.access_comment(request.user, comment_id)
    return _react(request, comment.thread, comment)
