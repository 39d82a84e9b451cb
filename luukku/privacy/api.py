"""The privacy part of the HTTP API (mounted at /api/v1/privacy/)."""

from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, JsonResponse
from ninja import Router
from ninja.security import django_auth

from luukku.accounts.adapters import signed_in_user
from luukku.privacy import queries

router = Router(tags=["privacy"])


@router.get("/my-data", auth=django_auth, summary="Everything recorded about the caller")
def my_data(request: HttpRequest) -> Any:
    """The same as /my-data/export.json: only ever the signed-in caller's own data."""
    data = queries.my_data(signed_in_user(request), every_event=True)
    return JsonResponse(data, encoder=DjangoJSONEncoder)
