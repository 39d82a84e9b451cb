"""The privacy part of the HTTP API (mounted at /api/v1/privacy/)."""

from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, JsonResponse
from ninja import Router
from ninja.errors import AuthenticationError
from ninja.security import django_auth

from luukku.accounts.models import User
from luukku.privacy import queries

router = Router(tags=["privacy"])


@router.get("/my-data", auth=django_auth, summary="Everything recorded about the caller")
def my_data(request: HttpRequest) -> Any:
    """The same as /my-data/export.json: only ever the signed-in caller's own data."""
    user = request.user
    if not isinstance(user, User):  # django_auth lets no one else in
        raise AuthenticationError
    data = queries.my_data(user, every_event=True)
    return JsonResponse(data, encoder=DjangoJSONEncoder)
