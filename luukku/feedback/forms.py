from django import forms
from django.utils.translation import gettext_lazy as _

RATINGS = [
    (5, _("5: very helpful")),
    (4, _("4")),
    (3, _("3")),
    (2, _("2")),
    (1, _("1: not helpful")),
]


class AnswerForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How helpful was the session?"),
        choices=RATINGS,
        coerce=int,
        widget=forms.RadioSelect,
    )
    helped = forms.CharField(
        label=_("What helped you?"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    idea = forms.CharField(
        label=_("An idea for doing better"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Please leave out names and other details that would tell who you are."),
    )
