"""What every app's page inside a programme needs: one renderer for programme_base.html."""

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from luukku.programmes import queries
from luukku.programmes.models import Programme


def render_programme_page(
    request: HttpRequest,
    template: str,
    programme: Programme,
    context: Mapping[str, Any] | None = None,
    *,
    status: int = 200,
) -> HttpResponse:
    """Render a template extending programmes/programme_base.html (programme, role, tabs).

    The page's own context comes last, so a page may override what the base provides.
    """
    full_context = {**queries.programme_page_context(request.user, programme), **(context or {})}
    return render(request, template, full_context, status=status)
