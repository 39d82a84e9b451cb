"""Pages for advisors and admins: calendars, hours, sessions, statistics and the feed."""

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from luukku.accounts.queries import is_organisation_admin
from luukku.bookings import actions, queries
from luukku.bookings.forms import AvailabilityForm, CalendarForm, availability_initial
from luukku.bookings.ical import feed_file, where
from luukku.bookings.models import AdvisorSchedule, BookingCalendar
from luukku.bookings.stats import monthly_statistics, statistics_csv


def _feed_url(schedule: AdvisorSchedule) -> str:
    path = reverse("bookings:feed", args=[schedule.pk, queries.feed_token(schedule)])
    return settings.SITE_URL + path


@login_required
@require_safe
def advisor_home(request: HttpRequest) -> HttpResponse:
    organisations = queries.staff_organisations(request.user)
    schedules = [
        queries.access_schedule(request.user, organisation.pk) for organisation in organisations
    ]
    since = timezone.now() - dt.timedelta(days=14)
    context = {
        "calendars": queries.calendars_for_staff(request.user),
        "admin_of": [org for org in organisations if is_organisation_admin(request.user, org.pk)],
        "schedules": [
            (schedule, _feed_url(schedule), queries.advisor_bookings(schedule, since=since))
            for schedule in schedules
        ],
    }
    return render(request, "bookings/advisor_home.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def availability(request: HttpRequest, organisation_id: int) -> HttpResponse:
    schedule = queries.access_schedule(request.user, organisation_id)
    form = AvailabilityForm(request.POST or None, initial=availability_initial(schedule))
    if request.method == "POST" and form.is_valid():
        actions.do_set_availability(
            schedule=schedule,
            time_zone=form.cleaned_data["time_zone"],
            weekly=form.cleaned_data["weekly"],
            exceptions=form.cleaned_data["exception_hours"],
        )
        messages.success(request, _("Your bookable hours were saved."))
        return redirect("bookings:advisor_home")
    status = 422 if request.method == "POST" else 200
    return render(
        request, "bookings/availability.html", {"form": form, "schedule": schedule}, status=status
    )


@login_required
@require_POST
def rotate_feed(request: HttpRequest, organisation_id: int) -> HttpResponse:
    actions.do_rotate_feed(schedule=queries.access_schedule(request.user, organisation_id))
    messages.success(
        request, _("Your calendar feed has a new address; the old one no longer works.")
    )
    return redirect("bookings:advisor_home")


def _edit_calendar(request: HttpRequest, calendar: BookingCalendar) -> HttpResponse:
    form = CalendarForm(
        request.POST or None, instance=calendar, organisation_id=calendar.organisation_id
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.reminder_minutes = form.cleaned_data["reminders_text"]
        actions.do_save_calendar(
            calendar=saved,
            topics=form.cleaned_data["topics_text"].splitlines(),
            advisors=list(form.cleaned_data["advisor_users"]),
        )
        messages.success(request, _("The calendar was saved."))
        return redirect("bookings:calendar", calendar_id=saved.pk)
    status = 422 if request.method == "POST" else 200
    return render(
        request, "bookings/calendar_form.html", {"form": form, "calendar": calendar}, status=status
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def calendar_new(request: HttpRequest, organisation_id: int) -> HttpResponse:
    if not is_organisation_admin(request.user, organisation_id):
        raise Http404
    calendar = BookingCalendar(organisation_id=organisation_id, modes=["video"])
    return _edit_calendar(request, calendar)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def calendar_edit(request: HttpRequest, calendar_id: int) -> HttpResponse:
    return _edit_calendar(request, queries.access_calendar(request.user, calendar_id, admin=True))


@login_required
@require_safe
def calendar_detail(request: HttpRequest, calendar_id: int) -> HttpResponse:
    calendar = queries.access_calendar(request.user, calendar_id)
    bookings = queries.recent_calendar_bookings(calendar)
    public_url = reverse("bookings:start", args=[calendar.organisation.slug, calendar.slug])
    context = {
        "calendar": calendar,
        "bookings": bookings,
        "public_url": settings.SITE_URL + public_url,
        "is_admin": is_organisation_admin(request.user, calendar.organisation_id),
        "advisors": queries.calendar_advisors(calendar),
    }
    return render(request, "bookings/calendar_detail.html", context)


@login_required
@require_POST
def calendar_rooms(request: HttpRequest, calendar_id: int) -> HttpResponse:
    """Admins set each advisor's fixed meeting room (used when the calendar says so)."""
    calendar = queries.access_calendar(request.user, calendar_id, admin=True)
    validate = URLValidator(schemes=["https", "http"])
    for advisor in queries.calendar_advisors(calendar):
        room = request.POST.get(f"room-{advisor.schedule_id}", "").strip()
        try:
            if room:
                validate(room)
        except ValidationError:
            messages.error(request, _("Not a web address: %(room)s") % {"room": room})
            return redirect("bookings:calendar", calendar_id=calendar.pk)
        actions.do_set_room(calendar=calendar, schedule=advisor.schedule, room_url=room)
    messages.success(request, _("The meeting rooms were saved."))
    return redirect("bookings:calendar", calendar_id=calendar.pk)


@login_required
@require_safe
def statistics(request: HttpRequest, calendar_id: int) -> HttpResponse:
    calendar = queries.access_calendar(request.user, calendar_id)
    rows = monthly_statistics(calendar)
    if request.GET.get("format") == "csv":
        header = [
            _("Month"),
            _("Topic"),
            _("Mode"),
            _("Booked"),
            _("Cancelled"),
            _("No-shows"),
            _("Held"),
        ]
        response = HttpResponse(
            statistics_csv(rows, header), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="bookings-{calendar.slug}.csv"'
        return response
    return render(request, "bookings/statistics.html", {"calendar": calendar, "rows": rows})


@login_required
@require_safe
def booking_detail(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = queries.access_advisor_booking(request.user, booking_id)
    context = {
        "booking": booking,
        "where": where(booking),
        "started": booking.starts_at <= timezone.now(),
    }
    return render(request, "bookings/booking_detail.html", context)


@login_required
@require_POST
def booking_change(request: HttpRequest, booking_id: int) -> HttpResponse:
    """The advisor marks a no-show (or undoes it), or cancels; errors come back as messages."""
    booking = queries.access_advisor_booking(request.user, booking_id)
    change = request.POST.get("change")
    try:
        if change == "cancel":
            actions.do_cancel_booking(booking=booking, by_advisor=True)
        elif change in ("no_show", "attended"):
            actions.do_mark_no_show(booking=booking, no_show=change == "no_show")
        else:
            return HttpResponse(_("Unknown change."), status=400)
    except actions.BookingError as error:
        context = {"booking": booking, "where": where(booking), "error": error.message}
        return render(request, "bookings/booking_detail.html", context, status=error.status)
    messages.success(request, _("The booking was updated."))
    return redirect("bookings:booking", booking_id=booking.pk)


@require_safe
def feed(request: HttpRequest, schedule_id: int, token: str) -> HttpResponse:
    """The advisor's private iCalendar feed: anyone with the address can read it."""
    schedule = queries.access_feed(schedule_id, token)
    bookings = queries.feed_bookings(schedule)
    body = feed_file(_("Bookings: %(name)s") % {"name": schedule.user}, bookings)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
