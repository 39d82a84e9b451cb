"""Staff write the knowledge base: articles with their question variants, per language."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from luukku.knowledge import actions, queries
from luukku.knowledge.forms import ArticleForm
from luukku.knowledge.models import Article


@login_required
def articles(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = queries.access_editable_organisation(request.user, organisation_id)
    listed = queries.articles_for_editing(organisation)
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
