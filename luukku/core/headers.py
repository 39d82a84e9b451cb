"""Response headers every page gets: a strict CSP, a Permissions-Policy, no-store on private links.

The CSP allows scripts and styles from our own static files only (no inline script, no
style attribute, no CDN), so an injected tag or a stored file cannot run on Luukku's origin.
Responses that set their own policy (stored files are sandboxed) keep it.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

# A URL with a secret in it (a conversation, a booking's manage link, a feedback right, a
# calendar feed) must not stay in a shared or browser cache: its page is the secret's.
PRIVATE_LINK_PARAMETERS = ("token", "raw_token")


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.CONTENT_SECURITY_POLICY:
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if _behind_private_link(request):
            # Referrer-Policy stays same-origin (SECURE_REFERRER_POLICY): the secret never
            # leaves with a link to another site, and no-referrer would make browsers send
            # "Origin: null" with the page's own forms, which the CSRF check refuses.
            response["Cache-Control"] = "no-store"
        return response


def _behind_private_link(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and any(key in match.kwargs for key in PRIVATE_LINK_PARAMETERS)
