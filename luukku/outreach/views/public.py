"""Pages reached from a message: tracked links, the open image, unsubscribing, in-app reading."""

import base64

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from luukku.outreach import actions, queries
from luukku.outreach.actions.engagement import LINK_SLOTS
from luukku.outreach.rendering import personal_text

# A transparent 1x1 GIF.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@require_safe
def go(request: HttpRequest, token: str, slot: str) -> HttpResponse:
    """A tracked link: count the click, then go to the place inside the programme."""
    if slot not in LINK_SLOTS:
        raise Http404
    delivery = queries.access_delivery_by_token(token)
    return redirect(actions.do_record_click(delivery=delivery, slot=slot))


@require_safe
def open_image(request: HttpRequest, token: str) -> HttpResponse:
    """The tracking image, counted only where the organisation turned it on."""
    delivery = queries.access_delivery_by_token(token)
    if queries.settings_for(delivery.message.organisation_id).open_tracking:
        actions.do_record_open(delivery=delivery)
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # RFC 8058: mail providers POST here without a session; the token is the key
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks for confirmation (mail scanners follow links); POST unsubscribes at once."""
    delivery = queries.access_delivery_by_token(token)
    context = {"programme": delivery.message.programme, "token": token}
    if request.method == "POST":
        actions.do_unsubscribe(delivery=delivery)
        return render(request, "outreach/unsubscribed.html", context)
    return render(request, "outreach/unsubscribe.html", context)


@login_required
@require_safe
def inbox_message(request: HttpRequest, delivery_id: int) -> HttpResponse:
    """An in-app message opened from the bell; opening it counts as reading it."""
    delivery = queries.access_own_delivery(request.user, delivery_id)
    actions.do_read_in_app(delivery=delivery)
    message = delivery.message
    subject, body = personal_text(message, message.programme, delivery.context, delivery.token)
    return render(
        request,
        "outreach/inbox_message.html",
        {"delivery": delivery, "subject": subject, "body": body, "programme": message.programme},
    )
