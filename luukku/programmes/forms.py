"""Forms for programme pages: they shape and check input; actions do the writing."""

from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from luukku.accounts.addresses import AddressList, parse_address_list
from luukku.core.models import Organisation, region_time_zone_choices
from luukku.core.uploads import (
    DOCUMENT_TYPES,
    IMAGE_TYPES,
    VerifiedFile,
    validate_upload,
    verify_upload,
)
from luukku.programmes.models import PlanUnit, ProgrammeRole

# Cover images are shown on every programme page; keep them light.
MAX_COVER_BYTES = 2 * 1024 * 1024


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _time_zone_choices() -> list[tuple[str, object]]:
    return [("", _("The organisation's time zone")), *region_time_zone_choices()]


def _check_dates(cleaned: dict[str, Any]) -> None:
    starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The end date cannot be before the start date.")})


class ProgrammeCreateForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    template = forms.ChoiceField(label=_("Start from"))
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput())
    ends_on = forms.DateField(
        label=_("Ends on"),
        widget=DateInput(),
        required=False,
        help_text=_("Leave empty to end when the plan ends."),
    )
    plan_unit = forms.ChoiceField(
        label=_("Plan by"),
        choices=PlanUnit.choices,
        help_text=_("The sections of a template open one week or one month apart."),
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=_time_zone_choices, required=False)

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        template_choices: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # self.fields holds copies of the fields declared above, so their types are known.
        organisation_field = cast(
            "forms.ModelChoiceField[Organisation]", self.fields["organisation"]
        )
        organisation_field.queryset = organisations
        self.only_organisation = organisations[0] if len(organisations) == 1 else None
        if self.only_organisation is not None:
            # Nothing to choose: the field stays out of sight and defaults to the one.
            organisation_field.initial = self.only_organisation
            organisation_field.required = False
            organisation_field.widget = forms.HiddenInput()
        template_field = cast(forms.ChoiceField, self.fields["template"])
        template_field.choices = template_choices

    def clean_organisation(self) -> Organisation | None:
        return self.cleaned_data.get("organisation") or self.only_organisation

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        _check_dates(cleaned)
        return cleaned


class ProgrammeSettingsForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ends on"), widget=DateInput())
    plan_unit = forms.ChoiceField(label=_("Plan by"), choices=PlanUnit.choices)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=region_time_zone_choices)
    cover_image = forms.FileField(
        label=_("Cover image"),
        required=False,
        help_text=_("PNG, JPEG, GIF or WebP, at most 2 MB."),
        widget=forms.FileInput(attrs={"accept": ",".join(IMAGE_TYPES)}),
    )
    remove_cover = forms.BooleanField(label=_("Remove the cover image"), required=False)

    def clean_cover_image(self) -> VerifiedFile | None:
        upload: UploadedFile[bytes] | None = self.cleaned_data.get("cover_image")
        if upload:
            return verify_upload(upload, allowed_types=IMAGE_TYPES, max_bytes=MAX_COVER_BYTES)
        return None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        _check_dates(cleaned)
        return cleaned


class SaveTemplateForm(forms.Form):
    name = forms.CharField(label=_("Template name"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)


class SectionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea, required=False)
    opens_on = forms.DateField(
        label=_("Opens on"),
        widget=DateInput(),
        required=False,
        help_text=_("Participants see the section from this date on. Leave empty to open at once."),
    )


RICH_TEXT_HELP = _(
    "Plain text becomes paragraphs. You may also use simple HTML: paragraphs, headings, "
    "lists, links, tables."
)


class PageForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        help_text=RICH_TEXT_HELP,
    )
    video_url = forms.URLField(
        label=_("Video link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("A YouTube, Vimeo or other web address starting with https://."),
    )
    file = forms.FileField(
        label=_("Attach a file"),
        required=False,
        help_text=_("PDF, Office document, image or text file."),
    )

    def clean_file(self) -> VerifiedFile | None:
        upload: UploadedFile[bytes] | None = self.cleaned_data.get("file")
        if upload:
            return verify_upload(upload, allowed_types=DOCUMENT_TYPES)
        return None


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea, required=False, help_text=RICH_TEXT_HELP
    )
    due_on = forms.DateField(label=_("Due on"), widget=DateInput(), required=False)


class InviteForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Invite as"), choices=ProgrammeRole.choices, initial=ProgrammeRole.PARTICIPANT
    )
    addresses = forms.CharField(
        label=_("E-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_(
            "One address per line, optionally with a name: “Maija Meikäläinen, "
            "maija@example.com”. You can paste a CSV list."
        ),
    )
    csv_file = forms.FileField(
        label=_("Or upload a CSV file"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".csv,.txt,text/csv,text/plain"}),
    )
    message = forms.CharField(
        label=_("Message to include"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    address_list: AddressList

    def clean_csv_file(self) -> str:
        upload: UploadedFile[bytes] | None = self.cleaned_data.get("csv_file")
        if not upload:
            return ""
        validate_upload(upload, allowed_types=("text/plain",))
        raw: bytes = upload.read()  # django-stubs types FileProxyMixin.read() as Any
        return raw.decode("utf-8-sig")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        pasted, uploaded = cleaned.get("addresses", ""), cleaned.get("csv_file", "")
        if pasted and uploaded:
            # Line numbers in error messages must point into one list, not two.
            raise ValidationError(_("Paste addresses or upload a file, not both."))
        text = pasted or uploaded
        self.address_list = parse_address_list(text)
        if self.address_list.errors:
            raise ValidationError(
                [
                    _("Line %(line)d: %(error)s") % {"line": line, "error": error}
                    if line
                    else error
                    for line, error in self.address_list.errors
                ]
            )
        if not self.address_list.invitees and not self.errors:
            raise ValidationError(_("Enter at least one e-mail address."))
        return cleaned


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=ProgrammeRole.choices)
