"""Forms of the analytics pages: table filters, the organisation's date range and setting."""

from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from luukku.activity.rules import MemberStatus
from luukku.core.models import Organisation

PAGE_SIZE = 100
MAX_RANGE_DAYS = 366


class PersonIdsField(forms.Field):
    """Repeated `person=<user id>` parameters (selected rows); unknown ids simply match nobody."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: object) -> list[int]:
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        try:
            return [int(str(item)) for item in values]
        except ValueError as error:
            raise ValidationError(_("Choose people from the table.")) from error


class ParticipantFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Everyone")), *MemberStatus.choices],
    )
    idle = forms.IntegerField(
        label=_("No visit for at least (days)"), required=False, min_value=0, max_value=3650
    )
    passive_days = forms.IntegerField(
        label=_("Passive after (days without a visit)"),
        required=False,
        min_value=1,
        max_value=365,
        initial=7,
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", _("Name")),
            ("last_visit", _("Last visit")),
            ("visits", _("Visits")),
            ("active", _("Active time")),
            ("status", _("Status")),
            ("sections", _("Sections opened")),
            ("idle", _("Days without a visit")),
        ],
    )
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("asc", _("Ascending")), ("desc", _("Descending"))],
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    person = PersonIdsField(required=False)


class DateRangeForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    @classmethod
    def default_range(cls, today: date) -> dict[str, date]:
        return {"start": today - timedelta(days=27), "end": today}

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if isinstance(start, date) and isinstance(end, date):
            if end < start:
                raise ValidationError(_("The end date cannot be before the start date."))
            if (end - start).days >= MAX_RANGE_DAYS:
                raise ValidationError(_("Choose a range of at most a year."))
        return data


class AnalyticsSettingsForm(forms.ModelForm[Organisation]):
    class Meta:
        model = Organisation
        fields = ["pseudonymise_analytics"]
        help_texts = {
            "pseudonymise_analytics": _(
                "Coaches then see a code such as P-3F9A1C instead of each participant's name "
                "and e-mail address in the analytics and its exports."
            )
        }
