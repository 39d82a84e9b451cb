"""Knowledge base pages and the answer bot, open to everybody; the widget's fragments."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from luukku.core.models import Organisation
from luukku.core.queries import get_organisation_by_slug
from luukku.knowledge import actions, queries
from luukku.knowledge.models import Language

MAX_QUERY = 2000


def _language(request: HttpRequest) -> str:
    return queries.language_or_default(request.GET.get("lang") or translation.get_language())


def _question(request: HttpRequest) -> str:
    parts = [request.GET.get(name, "") for name in ("q", "subject", "message")]
    return " ".join(part for part in parts if part).strip()[:MAX_QUERY]


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """The bare /knowledge/ address: the one organisation's knowledge base, else the catalogues."""
    slugs = queries.organisation_slugs_with_articles()
    if len(slugs) == 1:
        return redirect("knowledge:home", slug=slugs[0])
    return redirect("core:service_catalogues")


@require_safe
def home(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_by_slug(slug)
    language = _language(request)
    query = _question(request)
    results = []
    if query:
        found = queries.suggest(organisation.pk, language, query, limit=10)
        results = queries.articles_by_id(organisation, [item.article_id for item in found])
    context = {
        "organisation": organisation,
        "language": language,
        "article_languages": Language.choices,
        "query": query,
        "results": results,
        "categories": [] if query else queries.categories_with_articles(organisation, language),
    }
    return render(request, "knowledge/home.html", context)


@require_safe
def article(request: HttpRequest, slug: str, article_id: int) -> HttpResponse:
    organisation = get_organisation_by_slug(slug)
    found = queries.access_article(organisation, article_id)
    context = {"organisation": organisation, "article": found}
    return render(request, "knowledge/article.html", context)


def _bot_context(organisation: Organisation, request: HttpRequest) -> dict[str, object]:
    language = _language(request)
    query = _question(request)
    bot = queries.answer(organisation, language, query)
    ids = ([bot.answer.article_id] if bot.answer else []) + [c.article_id for c in bot.choices]
    found = {item.pk: item for item in queries.articles_by_id(organisation, ids)}
    return {
        "organisation": organisation,
        "language": language,
        "query": query,
        "bot": bot,
        "answer_article": found.get(bot.answer.article_id) if bot.answer else None,
        "choice_articles": [found[c.article_id] for c in bot.choices if c.article_id in found],
    }


@require_safe
def ask(request: HttpRequest, slug: str) -> HttpResponse:
    """The answer bot on its own page; with htmx only the answer part is sent."""
    organisation = get_organisation_by_slug(slug)
    context = _bot_context(organisation, request)
    if request.headers.get("HX-Request"):
        return render(request, "knowledge/_bot_answer.html", context)
    return render(request, "knowledge/ask.html", context)


@require_safe
def suggest(request: HttpRequest, slug: str) -> HttpResponse:
    """Suggestions for the contact form while the person types (an htmx fragment)."""
    organisation = get_organisation_by_slug(slug)
    context = _bot_context(organisation, request)
    context["in_form"] = True
    return render(request, "knowledge/_bot_answer.html", context)


@require_POST
def solved(request: HttpRequest, slug: str, article_id: int) -> HttpResponse:
    organisation = get_organisation_by_slug(slug)
    found = queries.access_article(organisation, article_id)
    actions.do_record_deflection(organisation=organisation, article=found)
    if request.headers.get("HX-Request"):
        return render(request, "knowledge/_solved.html", {"article": found})
    messages.success(request, _("Thank you! Glad the answer helped."))
    return redirect("knowledge:article", slug=slug, article_id=article_id)
