from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from luukku.notifications.models import PREFERENCE_KINDS
from luukku.notifications.queries import Channels


class PreferencesForm(forms.Form):
    """Two checkboxes per kind of notification: in the app, and by e-mail."""

    def __init__(self, *args: Any, initial_channels: dict[str, Channels], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind in PREFERENCE_KINDS:
            chosen = initial_channels[kind.value]
            self.fields[f"in_app_{kind.value}"] = forms.BooleanField(
                label=_("%(kind)s in the app") % {"kind": kind.label},
                required=False,
                initial=chosen.in_app,
            )
            self.fields[f"by_email_{kind.value}"] = forms.BooleanField(
                label=_("%(kind)s by e-mail") % {"kind": kind.label},
                required=False,
                initial=chosen.by_email,
            )

    def rows(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        """(kind label, in-app field, e-mail field) for each kind, for the table."""
        return [
            (str(kind.label), self[f"in_app_{kind.value}"], self[f"by_email_{kind.value}"])
            for kind in PREFERENCE_KINDS
        ]

    def channels(self) -> dict[str, Channels]:
        data = self.cleaned_data
        return {
            kind.value: Channels(
                in_app=bool(data[f"in_app_{kind.value}"]),
                by_email=bool(data[f"by_email_{kind.value}"]),
            )
            for kind in PREFERENCE_KINDS
        }
