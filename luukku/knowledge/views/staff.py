"""Staff write the knowledge base: articles with their question variants, per language."""

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from luukku.core.models import Organisation
from luukku.knowledge import actions, queries
from luukku.knowledge.models import Article, ArticleCategory, Language


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


@login_required
def articles(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = queries.access_editable_organisation(request.user, organisation_id)
    listed = queries.all_articles(organisation).order_by("language", "category__name", "title")
    context = {"organisation": organisation, "articles": listed}
    return render(request, "knowledge/staff/articles.html", context)


@login_required
def edit_article(
    request: HttpRequest, organisation_id: int, article_id: int | None = None
) -> HttpResponse:
    organisation = queries.access_editable_organisation(request.user, organisation_id)
    article = queries.access_any_article(organisation, article_id) if article_id else None
    initial = _initial(article, request)
    form = ArticleForm(request.POST or None, organisation=organisation, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.do_save_article(organisation=organisation, article=article, **form.cleaned_data)
        return redirect("knowledge:staff_articles", organisation_id=organisation.pk)
    status = 400 if request.method == "POST" else 200
    context = {"organisation": organisation, "form": form, "article": article}
    return render(request, "knowledge/staff/article_form.html", context, status=status)


def _initial(article: Article | None, request: HttpRequest) -> dict[str, object]:
    if article is None:
        return {"language": queries.language_or_default(getattr(request, "LANGUAGE_CODE", None))}
    return {name: getattr(article, name) for name in actions.ARTICLE_FIELDS}


@login_required
@require_POST
def delete_article(request: HttpRequest, organisation_id: int, article_id: int) -> HttpResponse:
    organisation = queries.access_editable_organisation(request.user, organisation_id)
    actions.do_delete_article(article=queries.access_any_article(organisation, article_id))
    return redirect("knowledge:staff_articles", organisation_id=organisation.pk)
