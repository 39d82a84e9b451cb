"""What every coach page of outreach needs from programme_base.html."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from luukku.programmes import queries as programme_queries
from luukku.programmes.models import Programme


def render_outreach(
    request: HttpRequest,
    template: str,
    programme: Programme,
    context: dict[str, Any] | None = None,
    *,
    status: int = 200,
) -> HttpResponse:
    full_context = {
        **programme_queries.programme_page_context(request.user, programme),
        **(context or {}),
    }
    return render(request, template, full_context, status=status)
