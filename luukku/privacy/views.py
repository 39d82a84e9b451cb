"""The "My data" page and its JSON download: only ever the signed-in person's own data."""

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from luukku.accounts.adapters import signed_in_user
from luukku.privacy import queries

VISITS_SHOWN = 10


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    data = queries.my_data(signed_in_user(request))
    return render(request, "privacy/my_data.html", {**data, "visits_shown": VISITS_SHOWN})


@login_required
def export(request: HttpRequest) -> HttpResponse:
    data = queries.my_data(signed_in_user(request), every_event=True)
    response = JsonResponse(
        data, encoder=DjangoJSONEncoder, json_dumps_params={"indent": 2, "ensure_ascii": False}
    )
    response["Content-Disposition"] = 'attachment; filename="luukku-my-data.json"'
    response["Cache-Control"] = "private, no-store"
    return response
