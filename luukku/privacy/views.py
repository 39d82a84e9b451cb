"""The "My data" page and its JSON download: only ever the signed-in person's own data."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from luukku.accounts.models import User
from luukku.privacy import queries

VISITS_SHOWN = 10


def _person(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # login_required lets no one else in
        raise PermissionDenied
    return user


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    data = queries.my_data(_person(request))
    return render(request, "privacy/my_data.html", {**data, "visits_shown": VISITS_SHOWN})


@login_required
def export(request: HttpRequest) -> HttpResponse:
    data = queries.my_data(_person(request), every_event=True)
    response = JsonResponse(
        data, encoder=DjangoJSONEncoder, json_dumps_params={"indent": 2, "ensure_ascii": False}
    )
    response["Content-Disposition"] = 'attachment; filename="luukku-my-data.json"'
    response["Cache-Control"] = "private, no-store"
    return response
