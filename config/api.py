"""The HTTP API at /api/v1/: one NinjaAPI, with a router per app.

Errors are JSON {"error": code, "detail": text} with the right status code.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.datastructures import MultiValueDict
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser
from ninja.utils import check_csrf

from luukku.core.safe_input import BadInputError, check_query_value, loads_json


class SafeParser(Parser):
    """JSON bodies and query strings pass luukku.core.safe_input before any schema sees them."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data: dict[str, Any] = loads_json(request.body)
        return data

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        for values in data.lists():
            for value in values[1]:
                if isinstance(value, str):
                    check_query_value(value)
        return super().parse_querydict(data, list_fields, request)


api = NinjaAPI(title="Luukku API", version="1", urls_namespace="api", parser=SafeParser())

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
    # Ninja wraps every body parser error as "Cannot parse request body"; say what was wrong.
    if isinstance(exc.__cause__, BadInputError):
        return on_bad_input(request, exc.__cause__)
    return _error(request, getattr(exc, "code", "error"), str(exc), exc.status_code)


@api.exception_handler(BadInputError)
def on_bad_input(request: HttpRequest, exc: BadInputError) -> HttpResponse:
    return _error(request, exc.code, exc.detail, 400)


@api.exception_handler(OverflowError)
def on_overflow(request: HttpRequest, exc: OverflowError) -> HttpResponse:
    # A date or number at the edge of its range (9999-12-31 plus a day) that a schema let by.
    return _error(request, "out_of_range", "A date or number is out of the supported range.", 400)


def check_request(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Rules for every operation, before parsing: CSRF, then path parameters' text rules.

    The API's one CSRF rule: a write that carries the session cookie needs the CSRF token.

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
        try:
            for value in kwargs.values():
                if isinstance(value, str):
                    check_query_value(value)  # path parameters
        except BadInputError as error:
            return on_bad_input(request, error)
        return run(request, *args, **kwargs)

    return checked


# "view" mode wraps Operation.run: the check comes before parsing, auth and the view.
api.add_decorator(check_request, mode="view")


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
