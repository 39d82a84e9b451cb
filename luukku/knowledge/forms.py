"""The staff article form: one article with its question variants, in one language."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from luukku.core.models import Organisation
from luukku.knowledge import queries
from luukku.knowledge.models import ArticleCategory, Language


class ArticleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    category = forms.ModelChoiceField(label=_("Category"), queryset=ArticleCategory.objects.none())
    questions = forms.CharField(
        label=_("Question variants"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line, in the words people use: they help the answer bot most."),
    )
    body = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 10}))
    published = forms.BooleanField(label=_("Published"), required=False, initial=True)

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = queries.categories_of(organisation)  # type: ignore[attr-defined]
