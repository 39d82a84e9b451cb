"""Organisation admins edit opening hours: one period per weekday, in a named time zone.

Saving replaces the whole week. A day split in two (a lunch break) is edited in the Django
admin, which takes any number of periods per day.
"""

import datetime
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from luukku.core import actions as core_actions
from luukku.core.models import Organisation, Schedule, region_time_zone_choices
from luukku.helpdesk import queries


class HoursForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=region_time_zone_choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for day, day_name in WEEKDAYS.items():
            time_input = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
            self.fields[f"opens_{day}"] = forms.TimeField(
                label=_("%(day)s opens") % {"day": day_name}, required=False, widget=time_input
            )
            self.fields[f"closes_{day}"] = forms.TimeField(
                label=_("%(day)s closes") % {"day": day_name}, required=False, widget=time_input
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for day, day_name in WEEKDAYS.items():
            opens, closes = cleaned.get(f"opens_{day}"), cleaned.get(f"closes_{day}")
            if (opens is None) != (closes is None):
                self.add_error(f"closes_{day}", _("Give both times, or neither for a closed day."))
            elif opens is not None and closes is not None and closes <= opens:
                self.add_error(
                    f"closes_{day}",
                    _("%(day)s: closing time must be after opening time.") % {"day": day_name},
                )
        return cleaned

    def periods(self) -> list[tuple[int, datetime.time, datetime.time]]:
        data = self.cleaned_data
        return [
            (day, data[f"opens_{day}"], data[f"closes_{day}"])
            for day in WEEKDAYS
            if data.get(f"opens_{day}") is not None
        ]


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
    found = Schedule.objects.filter(organisation=organisation, pk=schedule_id).first()
    if found is None:
        raise Http404
    return found


@login_required
def hours(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = queries.access_desk_admin(request.user, organisation_id)
    schedules = Schedule.objects.filter(organisation=organisation).prefetch_related("periods")
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
