"""The HTTP API at /api/v1/: one NinjaAPI, with a router per app.

Errors are JSON {"error": code, "detail": text} with the right status code.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.utils import check_csrf

api = NinjaAPI(title="Luukku API", version="1", urls_namespace="api")

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def _error(request: HttpRequest, code: str, detail: object, status: int) -> HttpResponse:
    return api.create_response(request, {"error": code, "detail": detail}, status=status)


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return _error(request, "invalid", exc.errors, 422)


@api.exception_handler(AuthenticationError)
def on_authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, "unauthenticated", "Sign in first.", 401)


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    # Not found and not yours look the same from outside: no leak of what exists.
    return _error(request, "not_found", "Not found.", 404)


@api.exception_handler(PermissionDenied)
def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _error(request, "forbidden", str(exc) or "Not allowed.", 403)


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error(request, getattr(exc, "code", "error"), str(exc), exc.status_code)


def require_csrf_with_session(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The API's one CSRF rule: a write that carries the session cookie needs the CSRF token.

    Ninja marks its views csrf_exempt and leaves the check to cookie auth classes, so an
    operation without `auth=django_auth` (the booking API) took session POSTs from any site.
    Requests without the session cookie (scripts, bearer tokens) carry no ambient authority
    and need no token. An operation opts out only with Django's @csrf_exempt and its own
    defence (the tracking beacon checks the origin).
    """
    operation = getattr(run, "__self__", None)

    @wraps(run)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        needs_token = (
            request.method not in SAFE_METHODS
            and settings.SESSION_COOKIE_NAME in request.COOKIES
            and not getattr(operation, "csrf_exempt", False)
        )
        if needs_token and check_csrf(request) is not None:
            return _error(request, "csrf_failed", "The CSRF token is missing or wrong.", 403)
        return run(request, *args, **kwargs)

    return checked


# "view" mode wraps Operation.run: the check comes before parsing, auth and the view.
api.add_decorator(require_csrf_with_session, mode="view")


def _mount_routers() -> None:
    from luukku.activity.api import router as activity_router
    from luukku.bookings.api import router as bookings_router
    from luukku.discussions.api import router as discussions_router
    from luukku.feedback.api import router as feedback_router
    from luukku.helpdesk.api import router as helpdesk_router
    from luukku.insights.api import router as insights_router
    from luukku.knowledge.api import router as knowledge_router
    from luukku.notifications.api import router as notifications_router
    from luukku.outreach.api import router as outreach_router
    from luukku.privacy.api import router as privacy_router
    from luukku.programmes.api import router as programmes_router

    api.add_router("/activity/", activity_router)
    api.add_router("/bookings/", bookings_router)
    api.add_router("/discussions/", discussions_router)
    api.add_router("/feedback/", feedback_router)
    api.add_router("/helpdesk/", helpdesk_router)
    api.add_router("/insights/", insights_router)
    api.add_router("/knowledge/", knowledge_router)
    api.add_router("/notifications/", notifications_router)
    api.add_router("/outreach/", outreach_router)
    api.add_router("/privacy/", privacy_router)
    api.add_router("/programmes/", programmes_router)


_mount_routers()
