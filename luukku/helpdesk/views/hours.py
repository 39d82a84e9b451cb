"""Organisation admins edit opening hours: one period per weekday, in a named time zone.

Saving replaces the whole week. A day split in two (a lunch break) is edited in the Django
admin, which takes any number of periods per day.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from luukku.core import actions as core_actions
from luukku.core.models import Organisation, Schedule
from luukku.helpdesk import queries
from luukku.helpdesk.forms import HoursForm


def _initial(schedule: Schedule | None, organisation: Organisation) -> dict[str, object]:
    if schedule is None:
        return {"time_zone": organisation.time_zone}
    initial: dict[str, object] = {"name": schedule.name, "time_zone": schedule.time_zone}
    for period in schedule.periods.all():
        initial.setdefault(f"opens_{period.weekday}", period.opens)
        initial.setdefault(f"closes_{period.weekday}", period.closes)
    return initial


def _schedule(organisation: Organisation, schedule_id: int | None) -> Schedule | None:
    if schedule_id is None:
        return None
    return queries.access_schedule(organisation, schedule_id)


@login_required
def hours(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = queries.access_desk_admin(request.user, organisation_id)
    schedules = queries.schedules_of(organisation, with_periods=True)
    context = {"organisation": organisation, "schedules": schedules}
    return render(request, "helpdesk/staff/hours.html", context)


@login_required
def edit_hours(
    request: HttpRequest, organisation_id: int, schedule_id: int | None = None
) -> HttpResponse:
    organisation = queries.access_desk_admin(request.user, organisation_id)
    schedule = _schedule(organisation, schedule_id)
    form = HoursForm(request.POST or None, initial=_initial(schedule, organisation))
    if request.method == "POST" and form.is_valid():
        try:
            core_actions.do_save_schedule(
                organisation=organisation,
                schedule=schedule,
                name=form.cleaned_data["name"],
                time_zone=form.cleaned_data["time_zone"],
                periods=form.periods(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("helpdesk:hours", organisation_id=organisation.pk)
    status = 400 if request.method == "POST" else 200
    context = {"organisation": organisation, "form": form, "schedule": schedule}
    return render(request, "helpdesk/staff/hours_form.html", context, status=status)
