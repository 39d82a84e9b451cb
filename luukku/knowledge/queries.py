"""Reads for the knowledge base: articles, search and the answer bot's decision."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404

from luukku.core.models import Organisation, ServiceKind
from luukku.core.queries import published_service_url
from luukku.knowledge.index import get_index
from luukku.knowledge.models import Article, ArticleCategory, Deflection, Language

SUGGESTIONS = 3


@dataclass(frozen=True)
class Suggestion:
    article_id: int
    title: str
    score: float


@dataclass(frozen=True)
class BotAnswer:
    """What the bot says: one confident answer, or choices and the ways to a person."""

    answer: Suggestion | None
    choices: list[Suggestion]
    chat_url: str | None

    @property
    def offer_chat(self) -> bool:
        return self.chat_url is not None

    @property
    def found_anything(self) -> bool:
        return self.answer is not None or bool(self.choices)


def language_or_default(language: str | None) -> str:
    return language if language in Language.values else Language.FINNISH


def suggest(
    organisation_id: int, language: str, text: str, limit: int = SUGGESTIONS
) -> list[Suggestion]:
    index = get_index(organisation_id, language_or_default(language))
    return [
        Suggestion(index.article_ids[position], index.titles[position], round(score, 3))
        for score, position in index.score(text)[:limit]
    ]


def is_confident(ranked: list[Suggestion]) -> bool:
    """Answer only when the best clears the threshold and clearly beats the runner-up."""
    if not ranked or ranked[0].score < settings.KNOWLEDGE_ANSWER_THRESHOLD:
        return False
    return len(ranked) == 1 or ranked[0].score >= ranked[1].score * settings.KNOWLEDGE_ANSWER_MARGIN


def answer(organisation: Organisation, language: str, text: str) -> BotAnswer:
    ranked = suggest(organisation.pk, language, text) if text.strip() else []
    confident = is_confident(ranked)
    return BotAnswer(
        answer=ranked[0] if confident else None,
        choices=ranked[1:] if confident else ranked,
        chat_url=published_service_url(organisation.pk, ServiceKind.CHAT),
    )


def published_articles(organisation: Organisation) -> QuerySet[Article]:
    return Article.objects.filter(organisation=organisation, published=True).select_related(
        "category"
    )


def organisation_slugs_with_articles() -> list[str]:
    """Short names of the organisations that publish at least one article, sorted."""
    rows = Article.objects.filter(published=True).values_list("organisation__slug", flat=True)
    return sorted(set(rows.distinct().order_by()))


def access_article(organisation: Organisation, article_id: int) -> Article:
    found = published_articles(organisation).filter(pk=article_id).first()
    if found is None:
        raise Http404
    return found


def articles_by_id(organisation: Organisation, ids: list[int]) -> list[Article]:
    found = published_articles(organisation).in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def categories_with_articles(organisation: Organisation, language: str) -> list[ArticleCategory]:
    categories = ArticleCategory.objects.filter(organisation=organisation)
    articles = published_articles(organisation).filter(language=language).order_by("title")
    grouped: dict[int, list[Article]] = {}
    for article in articles:
        grouped.setdefault(article.category_id, []).append(article)
    result = []
    for category in categories:
        if category.pk in grouped:
            category.article_list = grouped[category.pk]  # type: ignore[attr-defined]  # set on the row for the template
            result.append(category)
    return result


def solved_times(organisation: Organisation, *, since: datetime) -> list[datetime]:
    """When suggestions solved questions (for the service statistics)."""
    return list(
        Deflection.objects.filter(organisation=organisation, created_at__gte=since).values_list(
            "created_at", flat=True
        )
    )


def access_editable_organisation(user: object, organisation_id: int) -> Organisation:
    """Staff and admins of an organisation write its articles; others get a 404."""
    from luukku.accounts.models import OrganisationMembership, OrganisationRole, User

    if not (isinstance(user, User) and user.is_active):
        raise Http404
    allowed = OrganisationMembership.objects.filter(
        user=user,
        organisation_id=organisation_id,
        role__in=[OrganisationRole.ADMIN, OrganisationRole.STAFF],
    ).exists()
    if not allowed:
        raise Http404
    return Organisation.objects.get(pk=organisation_id)


def all_articles(organisation: Organisation) -> QuerySet[Article]:
    return Article.objects.filter(organisation=organisation).select_related("category")


def articles_for_editing(organisation: Organisation) -> QuerySet[Article]:
    """Every article, published or not, by language, category and title."""
    return all_articles(organisation).order_by("language", "category__name", "title")


def access_any_article(organisation: Organisation, article_id: int) -> Article:
    found = all_articles(organisation).filter(pk=article_id).first()
    if found is None:
        raise Http404
    return found


def categories_of(organisation: Organisation) -> QuerySet[ArticleCategory]:
    return ArticleCategory.objects.filter(organisation=organisation)
