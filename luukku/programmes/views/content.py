"""Reading a programme's content: sections, pages and file downloads."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from luukku.core.files import file_response
from luukku.programmes import hooks, queries
from luukku.programmes.adapters import render_programme_page
from luukku.programmes.views.common import record_view


@login_required
@require_safe
def section(request: HttpRequest, programme_id: int, section_id: int) -> HttpResponse:
    found = queries.access_section(request.user, section_id)
    if found.programme_id != programme_id:
        raise Http404
    programme = found.programme
    context = {
        "section": found,
        "pages": queries.section_pages(found),
        "tasks": queries.section_tasks(found),
        "today": programme.today(),
    }
    record_view(request, programme, f"section:{found.pk}")
    return render_programme_page(request, "programmes/section.html", programme, context)


@login_required
@require_safe
def page(request: HttpRequest, programme_id: int, page_id: int) -> HttpResponse:
    found = queries.access_page(request.user, page_id)
    programme = found.section.programme
    if programme.pk != programme_id:
        raise Http404
    context = {
        "page": found,
        "section": found.section,
        "files": found.files.all(),
        "today": programme.today(),
    }
    record_view(request, programme, f"page:{found.pk}")
    return render_programme_page(request, "programmes/page.html", programme, context)


@login_required
@require_safe
def download(request: HttpRequest, programme_id: int, file_id: int) -> FileResponse:
    """Stream an attached file as a download, after the same check as for its page."""
    page_file = queries.access_page_file(request.user, file_id)
    programme = page_file.page.section.programme
    if programme.pk != programme_id or not page_file.file.storage.exists(page_file.file.name or ""):
        raise Http404
    record_view(request, programme, f"file:{page_file.pk}", kind=hooks.FILE_OPEN)
    return file_response(
        page_file.file, claimed_type=page_file.content_type, download_name=page_file.original_name
    )
