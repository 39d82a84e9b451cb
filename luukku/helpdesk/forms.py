"""Forms of the helpdesk: the open contact form with its bot traps, and staff forms."""

import datetime
import secrets
import time
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.files.uploadedfile import UploadedFile
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from luukku.accounts.models import User
from luukku.core.models import (
    Organisation,
    Schedule,
    ServiceKind,
    Team,
    region_time_zone_choices,
)
from luukku.core.uploads import DOCUMENT_TYPES, VerifiedFile, verify_upload
from luukku.helpdesk import queries
from luukku.helpdesk.models import CannedReply, Category, Status

TIME_TRAP_SALT = "luukku.helpdesk.form-shown"
# A form older than this is stale; asking to send again (the view keeps what was typed)
# beats a stamp that a bot could fetch once and reuse all day.
TIME_TRAP_MAX_AGE = 2 * 60 * 60


def form_stamp() -> str:
    """A signed moment the form was shown, with a nonce that makes it good for one send."""
    value = f"{int(time.time())}:{secrets.token_urlsafe(12)}"
    return signing.TimestampSigner(salt=TIME_TRAP_SALT).sign(value)


def _spend_stamp(nonce: str) -> bool:
    """True the first time a stamp's nonce is seen (a shared cache: every web process)."""
    return bool(cache.add(f"luukku:helpdesk-stamp:{nonce}", 1, timeout=TIME_TRAP_MAX_AGE))


class BotSuspectedError(Exception):
    """Filled the hidden field or answered faster than a person can."""


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    category = forms.ModelChoiceField(
        label=_("Topic"), queryset=Category.objects.none(), empty_label=None
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    message = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}), max_length=10_000
    )
    attachment = forms.FileField(
        label=_("Attachment (optional)"),
        required=False,
        help_text=_("An image, PDF, Office document or text file."),
    )
    # The honeypot: hidden from people (and from screen readers), filled by naive bots.
    website = forms.CharField(required=False, label=_("Leave this empty"))
    shown = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = queries.categories_of(organisation)  # type: ignore[attr-defined]  # self.fields types each field as Field
        self.fields["shown"].initial = form_stamp()

    def clean_attachment(self) -> VerifiedFile | None:
        upload: UploadedFile[bytes] | None = self.cleaned_data.get("attachment")
        if upload:
            return verify_upload(
                upload,
                allowed_types=DOCUMENT_TYPES,
                max_bytes=settings.HELPDESK_ATTACHMENT_MAX_BYTES,
            )
        return None

    def check_for_bots(self) -> None:
        """Raise BotSuspectedError; called before validation so bots learn nothing from errors."""
        if self.data.get("website"):
            raise BotSuspectedError("honeypot")
        try:
            shown = signing.TimestampSigner(salt=TIME_TRAP_SALT).unsign(
                str(self.data.get("shown", "")), max_age=TIME_TRAP_MAX_AGE
            )
        except signing.BadSignature as error:
            raise BotSuspectedError("stamp") from error
        seconds, _colon, nonce = shown.partition(":")
        if not nonce:  # a stamp from before stamps had nonces: it cannot be spent once
            raise BotSuspectedError("stamp")
        if time.time() - int(seconds) < settings.HELPDESK_MIN_FORM_SECONDS:
            raise BotSuspectedError("too fast")
        if not _spend_stamp(nonce):
            raise BotSuspectedError("reused")


class RequesterReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 6}), max_length=10_000
    )
    attachment = forms.FileField(label=_("Attachment (optional)"), required=False)

    def clean_attachment(self) -> VerifiedFile | None:
        return ContactForm.clean_attachment(self)  # type: ignore[arg-type]


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("How satisfied are you with the answer you got?"),
        choices=[
            (5, _("5 – Very satisfied")),  # noqa: RUF001  # a typographic dash in UI text
            (4, _("4 – Satisfied")),  # noqa: RUF001  # a typographic dash in UI text
            (3, _("3 – Neither satisfied nor dissatisfied")),  # noqa: RUF001  # a typographic dash in UI text
            (2, _("2 – Dissatisfied")),  # noqa: RUF001  # a typographic dash in UI text
            (1, _("1 – Very dissatisfied")),  # noqa: RUF001  # a typographic dash in UI text
        ],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class StaffReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply to the requester"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20_000,
    )
    status = forms.ChoiceField(
        label=_("Then set the status to"),
        choices=[
            (Status.WAITING, Status.WAITING.label),
            (Status.OPEN, Status.OPEN.label),
            (Status.RESOLVED, Status.RESOLVED.label),
        ],
        initial=Status.WAITING,
    )


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=20_000
    )


class RerouteForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Move to team"), queryset=Team.objects.none())
    note = forms.CharField(
        label=_("Note for the team (the requester does not see it)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = queries.teams_of(organisation)  # type: ignore[attr-defined]  # self.fields types each field as Field


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = queries.desk_staff(organisation)  # type: ignore[attr-defined]  # self.fields types each field as Field


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)


# The organisation admins' pages: catalogue, opening hours and set-up.


class ServiceForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=ServiceKind.choices)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    audience = forms.CharField(label=_("Who it is for"), required=False, max_length=300)
    sign_in_required = forms.BooleanField(label=_("Sign-in needed"), required=False)
    url = forms.CharField(
        label=_("Address"),
        max_length=500,
        help_text=_("A path on this site, e.g. /help/your-organisation/, or an https address."),
    )
    schedule = forms.ModelChoiceField(
        label=_("Opening hours"),
        queryset=Schedule.objects.none(),
        required=False,
        empty_label=_("Around the clock"),
    )
    position = forms.IntegerField(label=_("Position"), min_value=0, initial=0)
    published = forms.BooleanField(label=_("Published"), required=False, initial=True)

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["schedule"].queryset = queries.schedules_of(organisation)  # type: ignore[attr-defined]


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


class TeamForm(forms.Form):
    name = forms.CharField(label=_("Team name"), max_length=200)


class TargetsForm(forms.Form):
    schedule = forms.ModelChoiceField(
        label=_("Opening hours"),
        queryset=Schedule.objects.none(),
        required=False,
        empty_label=_("Around the clock"),
    )
    first_reply_minutes = forms.IntegerField(
        label=_("First reply within (opening minutes)"), min_value=1, max_value=100_000
    )
    resolution_minutes = forms.IntegerField(
        label=_("Resolved within (opening minutes)"), min_value=1, max_value=1_000_000
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["schedule"].queryset = queries.schedules_of(organisation)  # type: ignore[attr-defined]


class CategoryForm(forms.Form):
    name = forms.CharField(label=_("Topic"), max_length=200)
    team = forms.ModelChoiceField(label=_("Answered by"), queryset=Team.objects.none())

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = queries.teams_of(organisation)  # type: ignore[attr-defined]


class RuleForm(CategoryForm):
    name = forms.CharField(
        label=_("Keyword"),
        max_length=100,
        help_text=_("A word or the beginning of a word, e.g. salasana."),
    )


class CannedReplyForm(forms.ModelForm[CannedReply]):
    class Meta:
        model = CannedReply
        fields = ["language", "title", "body"]
