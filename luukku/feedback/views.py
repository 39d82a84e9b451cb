"""The anonymous answer form (reached by a one-time link) and the summaries for staff."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_safe

from luukku.bookings import queries as booking_queries
from luukku.feedback import actions, queries
from luukku.feedback.forms import AnswerForm
from luukku.feedback.models import MIN_ANSWERS_SHOWN


@require_http_methods(["GET", "HEAD", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = actions.find_invitation(token)
    except actions.FeedbackGoneError as error:
        return render(request, "feedback/gone.html", {"error": str(error)}, status=410)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_answer(raw_token=token, **form.cleaned_data)
        except actions.FeedbackGoneError as error:
            return render(request, "feedback/gone.html", {"error": str(error)}, status=410)
        return render(request, "feedback/thanks.html", {"calendar": invitation.calendar})
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "calendar": invitation.calendar}
    return render(request, "feedback/answer.html", context, status=status)


@login_required
@require_safe
def summary(request: HttpRequest, calendar_id: int) -> HttpResponse:
    calendar = booking_queries.access_calendar(request.user, calendar_id)
    summaries = queries.calendar_summaries(request.user, calendar)
    charts = [
        {"id": f"chart-{index}", "data": item.distribution}
        for index, item in enumerate(summaries)
        if item.shown
    ]
    context = {
        "calendar": calendar,
        "summaries": summaries,
        "minimum": MIN_ANSWERS_SHOWN,
        "charts": charts,
    }
    return render(request, "feedback/summary.html", context)
