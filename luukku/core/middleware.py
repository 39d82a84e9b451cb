"""Show times in the viewer's own zone, named."""

import zoneinfo
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

SESSION_TIME_ZONE_KEY = "luukku_time_zone"


class ViewerTimeZoneMiddleware:
    """Activate the time zone remembered in the session at sign-in.

    Reading it from the session rather than from the user row keeps hot paths such as
    tracking ingest free of an extra query.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        zone_name = request.session.get(SESSION_TIME_ZONE_KEY) or settings.LUUKKU_TIME_ZONE
        try:
            timezone.activate(zoneinfo.ZoneInfo(zone_name))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            timezone.activate(zoneinfo.ZoneInfo(settings.LUUKKU_TIME_ZONE))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
