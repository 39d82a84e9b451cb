"""Forms for composing, automations, templates and settings; the checks live in the actions."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from luukku.outreach.audiences import DEFAULT_PASSIVE_DAYS, Audience
from luukku.outreach.models import AudienceKind, Automation, Channel, TemplateKind, TimingKind
from luukku.outreach.placeholders import MAX_BODY_LENGTH
from luukku.outreach.planning import MAX_HOLDOUT_PERCENT, Draft
from luukku.programmes.models import Programme, Section

# Generous bounds on raw input; the real limits (and their messages) are in placeholders.py.
RAW_SUBJECT_LIMIT = 2000


# The one definition of "passive for N days" (activity.rules.idle_days), as the analytics
# page states it too.
PASSIVE_DAYS_HELP = _(
    "Days without a visit, counted in whole days in the programme's time zone, as on the "
    "analytics page: with 7, someone last seen on a Monday is included from the next Monday."
)


class ComposeForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=RAW_SUBJECT_LIMIT, strip=False)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=MAX_BODY_LENGTH * 2,
        strip=False,
    )
    channel = forms.ChoiceField(
        label=_("Channel"), choices=Channel.choices, initial=Channel.BOTH, widget=forms.RadioSelect
    )
    section = forms.TypedChoiceField(
        label=_("Section for {{ section_link }}"), coerce=int, required=False, empty_value=None
    )
    audience = forms.ChoiceField(
        label=_("Audience"),
        choices=AudienceKind.choices,
        initial=AudienceKind.EVERYONE,
        widget=forms.RadioSelect,
    )
    passive_days = forms.IntegerField(
        label=_("Passive for at least (days)"),
        min_value=1,
        max_value=365,
        initial=7,
        help_text=PASSIVE_DAYS_HELP,
    )
    audience_section = forms.TypedChoiceField(
        label=_("Section not opened"), coerce=int, required=False, empty_value=None
    )
    person = forms.TypedMultipleChoiceField(
        label=_("Hand-picked people"), coerce=int, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    timing = forms.ChoiceField(
        label=_("When"),
        choices=TimingKind.choices,
        initial=TimingKind.NOW,
        widget=forms.RadioSelect,
    )
    at = forms.DateTimeField(
        label=_("Date and time"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    ignore_quiet_hours = forms.BooleanField(label=_("Send during quiet hours too"), required=False)
    ignore_frequency_cap = forms.BooleanField(
        label=_("Send even to people who just got a message"), required=False
    )
    holdout_percent = forms.IntegerField(
        label=_("Hold-out share (%)"), min_value=0, max_value=MAX_HOLDOUT_PERCENT, initial=10
    )
    preview_person = forms.TypedChoiceField(
        label=_("Preview as"), coerce=int, required=False, empty_value=None
    )

    def __init__(
        self, *args: Any, programme: Programme, people: list[tuple[int, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        sections = [
            (section.pk, section.title)
            for section in Section.objects.filter(programme=programme).order_by("position", "id")
        ]
        none = [("", _("None"))]
        self.fields["section"].choices = none + sections  # type: ignore[attr-defined]  # self.fields types each field as Field
        self.fields["audience_section"].choices = none + sections  # type: ignore[attr-defined]  # self.fields types each field as Field
        self.fields["person"].choices = people  # type: ignore[attr-defined]  # self.fields types each field as Field
        self.fields["preview_person"].choices = [("", _("The first recipient")), *people]  # type: ignore[attr-defined]  # self.fields types each field as Field

    def draft(self) -> Draft:
        data = self.cleaned_data
        audience = Audience(
            kind=data["audience"],
            passive_days=data.get("passive_days") or DEFAULT_PASSIVE_DAYS,
            section_id=data.get("audience_section"),
            user_ids=tuple(data.get("person") or ()),
        )
        return Draft(
            subject=data["subject"],
            body=data["body"],
            channel=data["channel"],
            audience=audience,
            timing=data["timing"],
            at=data.get("at"),
            section_id=data.get("section"),
            ignore_quiet_hours=data["ignore_quiet_hours"],
            ignore_frequency_cap=data["ignore_frequency_cap"],
            holdout_percent=data["holdout_percent"],
        )

    def add_validation_error(self, error: ValidationError) -> None:
        """Put an action's errors on the fields they name (or on the form)."""
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        else:
            self.add_error(None, error.messages)


class TemplateChoiceForm(forms.Form):
    """The GET form that loads a library template into the compose form."""

    template = forms.ChoiceField(label=_("Template"), choices=TemplateKind.choices)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class AutomationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    trigger = forms.ChoiceField(label=_("When"), choices=Automation.Trigger.choices)
    days = forms.IntegerField(label=_("Days"), min_value=1, max_value=365, initial=7)
    subject = forms.CharField(label=_("Subject"), max_length=RAW_SUBJECT_LIMIT, strip=False)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}))
    channel = forms.ChoiceField(
        label=_("Channel"), choices=Channel.choices, initial=Channel.BOTH, widget=forms.RadioSelect
    )
    holdout_percent = forms.IntegerField(
        label=_("Hold-out share (%)"), min_value=0, max_value=MAX_HOLDOUT_PERCENT, initial=10
    )


class TemplateForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=RAW_SUBJECT_LIMIT, strip=False)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 10}))


class OutreachSettingsForm(forms.Form):
    open_tracking = forms.BooleanField(
        label=_("Count e-mail opens with a tracking image"), required=False
    )
    quiet_hours_start = forms.IntegerField(
        label=_("Quiet hours start (hour)"), min_value=0, max_value=23
    )
    quiet_hours_end = forms.IntegerField(
        label=_("Quiet hours end (hour)"), min_value=0, max_value=23
    )
    frequency_cap_days = forms.IntegerField(
        label=_("At most one message per person in this many days (0 = no limit)"),
        min_value=0,
        max_value=30,
    )
    holdout_percent = forms.IntegerField(
        label=_("Default hold-out share (%)"), min_value=0, max_value=MAX_HOLDOUT_PERCENT
    )
