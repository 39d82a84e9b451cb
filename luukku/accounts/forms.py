from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from luukku.core.models import region_time_zone_choices


class SignInForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class PasswordSignInForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, max_length=200)


def _time_zone_choices() -> list[tuple[str, object]]:
    return [("", _("Organisation default")), *region_time_zone_choices()]


class ProfileForm(forms.Form):
    display_name = forms.CharField(label=_("Name"), max_length=150, required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Browser default")), *settings.LANGUAGES],
        required=False,
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=_time_zone_choices, required=False)
