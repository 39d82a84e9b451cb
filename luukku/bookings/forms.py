"""Forms of the booking pages: the booker's details, a calendar's settings, an advisor's hours."""

import datetime as dt
import re
import zoneinfo
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from luukku.accounts.models import OrganisationMembership, User
from luukku.bookings.actions.bookings import BookerDetails
from luukku.bookings.availability import LocalHours, format_hours, parse_hours
from luukku.bookings.models import AdvisorSchedule, BookingCalendar, Mode
from luukku.core.models import region_time_zone_choices


class DetailsForm(forms.Form):
    """The booker's details: the one validation of them, for the page and the API alike."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"))
    phone = forms.CharField(
        label=_("Phone number the advisor calls"), max_length=40, required=False
    )
    question = forms.CharField(
        label=_("Your question for the advisor"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. Only the advisor sees it."),
    )

    def __init__(self, *args: Any, phone: bool, person: User | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if phone:
            self.fields["phone"].required = True
            self.fields["phone"].widget.attrs.update(type="tel", autocomplete="tel")
        else:
            del self.fields["phone"]
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        if person is not None:
            self.fields["name"].initial = person.display_name
            # A signed-in booker's address is their account's; it is not asked again.
            del self.fields["email"]
        self.person = person

    def booker_details(self, *, time_zone: str, language: str) -> BookerDetails:
        """The validated details as the booking action takes them (after is_valid())."""
        data = self.cleaned_data
        return BookerDetails(
            name=data["name"],
            email=self.person.email if self.person else data["email"],
            time_zone=time_zone,
            language=language,
            phone=data.get("phone", ""),
            question=data["question"],
            user=self.person,
        )


class CalendarForm(forms.ModelForm[BookingCalendar]):
    modes = forms.MultipleChoiceField(
        label=_("Ways to meet"), choices=Mode.choices, widget=forms.CheckboxSelectMultiple
    )
    topics_text = forms.CharField(
        label=_("Topics, one per line"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    advisor_users = forms.ModelMultipleChoiceField(
        label=_("Advisors"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    meeting_base_url = forms.URLField(
        label=_("video service address"), required=False, assume_scheme="https"
    )
    reminders_text = forms.CharField(
        label=_("Reminders, minutes before (comma-separated)"), required=False, max_length=100
    )

    class Meta:
        model = BookingCalendar
        fields = [
            "name",
            "slug",
            "description",
            "duration_minutes",
            "modes",
            "location",
            "access",
            "programme",
            "assignment",
            "buffer_minutes",
            "notice_minutes",
            "horizon_days",
            "daily_cap",
            "booker_limit",
            "booker_limit_days",
            "cancel_deadline_hours",
            "meeting_link",
            "meeting_base_url",
            "meeting_url_template",
            "ask_feedback",
            "is_active",
        ]

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        staff = OrganisationMembership.objects.filter(organisation_id=organisation_id)
        users = User.objects.filter(pk__in=staff.values("user_id")).order_by("display_name")
        self.fields["advisor_users"].queryset = users  # type: ignore[attr-defined]  # self.fields types each field as Field
        programme_field = self.fields["programme"]
        programme_field.queryset = programme_field.queryset.filter(  # type: ignore[attr-defined]  # self.fields types each field as Field
            organisation_id=organisation_id
        )
        if self.instance.pk:
            self.fields["topics_text"].initial = "\n".join(
                self.instance.topics.values_list("name", flat=True)
            )
            schedules = AdvisorSchedule.objects.filter(
                pk__in=self.instance.advisors.values("schedule_id")
            )
            self.fields["advisor_users"].initial = list(schedules.values_list("user_id", flat=True))
            self.fields["reminders_text"].initial = ", ".join(
                str(minutes) for minutes in self.instance.reminder_minutes
            )

    def clean_reminders_text(self) -> list[int]:
        text = self.cleaned_data["reminders_text"]
        values = [piece.strip() for piece in text.split(",") if piece.strip()]
        if not all(value.isdigit() and 0 < int(value) <= 60 * 24 * 14 for value in values):
            raise forms.ValidationError(_("Write whole minutes, e.g. 1440, 60."))
        return sorted({int(value) for value in values}, reverse=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("access") == "programme" and not data.get("programme"):
            self.add_error("programme", _("Choose the programme whose members may book."))
        return data


EXCEPTION_LINE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s+(.*)$")


class AvailabilityForm(forms.Form):
    time_zone = forms.ChoiceField(label=_("Your time zone"), choices=region_time_zone_choices)
    exceptions = forms.CharField(
        label=_("Date exceptions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "One date a line: '2026-12-24 closed' or '2026-12-27 10:00-12:00'. "
            "These hours replace the weekly hours on that date."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for weekday in range(7):
            self.fields[f"day_{weekday}"] = forms.CharField(
                label=WEEKDAYS[weekday],
                required=False,
                max_length=200,
                help_text=_("For example 09:00-12:00, 13:00-16:00. Empty: not bookable."),
            )
        self.order_fields(["time_zone", *[f"day_{weekday}" for weekday in range(7)]])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        weekly: dict[int, list[LocalHours]] = {}
        for weekday in range(7):
            try:
                weekly[weekday] = parse_hours(data.get(f"day_{weekday}", ""))
            except ValueError as error:
                self.add_error(f"day_{weekday}", str(error))
        data["weekly"] = weekly
        data["exception_hours"] = self._exceptions(data.get("exceptions", ""))
        return data

    def _exceptions(self, text: str) -> dict[dt.date, list[LocalHours]]:
        found: dict[dt.date, list[LocalHours]] = {}
        for line in filter(None, (line.strip() for line in text.splitlines())):
            match = EXCEPTION_LINE.match(line)
            try:
                if match is None:
                    raise ValueError(_("Write a date and hours: %(line)s") % {"line": line})
                day = dt.date.fromisoformat(match[1])
                rest = match[2].strip().lower()
                found[day] = (
                    [] if rest in ("closed", "suljettu", "stängt", "-") else parse_hours(rest)
                )
            except ValueError as error:
                self.add_error("exceptions", str(error))
        return found


def availability_initial(schedule: AdvisorSchedule) -> dict[str, str]:
    initial = {"time_zone": schedule.time_zone}
    for weekday in range(7):
        hours = [(row.starts, row.ends) for row in schedule.weekly.all() if row.weekday == weekday]
        initial[f"day_{weekday}"] = format_hours(hours)
    by_date: dict[dt.date, list[LocalHours]] = {}
    # The advisor's own days: "today" where they work, whatever the server's zone is.
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo(schedule.time_zone))
    for row in schedule.exceptions.filter(date__gte=today):
        hours = by_date.setdefault(row.date, [])
        if row.starts and row.ends:
            hours.append((row.starts, row.ends))
    initial["exceptions"] = "\n".join(
        f"{day.isoformat()} {format_hours(hours) or 'closed'}" for day, hours in by_date.items()
    )
    return initial
