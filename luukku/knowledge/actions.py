"""Writes for the knowledge base: articles, categories and what the bot solved."""

from typing import Any

from django.db import transaction

from luukku.core.models import Organisation
from luukku.knowledge import tasks
from luukku.knowledge.models import Article, ArticleCategory, Deflection

ARTICLE_FIELDS = ("category", "language", "title", "questions", "body", "published")


def do_create_article_category(
    *, organisation: Organisation, name: str, position: int = 0
) -> ArticleCategory:
    return ArticleCategory.objects.create(organisation=organisation, name=name, position=position)


def _warm_index(article: Article) -> None:
    transaction.on_commit(
        lambda: tasks.warm_index.enqueue(
            organisation_id=article.organisation_id, language=article.language
        )
    )


@transaction.atomic
def do_save_article(
    *, organisation: Organisation, article: Article | None = None, **fields: Any
) -> Article:
    """Create or update an article; the bot's index for its language is rebuilt after."""
    unknown = set(fields) - set(ARTICLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown article fields: {sorted(unknown)}")
    creating = article is None
    article = article or Article(organisation=organisation)
    old_language = article.language
    for name, value in fields.items():
        setattr(article, name, value)
    if article.category.organisation_id != organisation.pk:
        raise ValueError("category of another organisation")
    article.full_clean()
    if creating:
        article.save()
    else:
        article.save(update_fields=[*fields, "updated_at"])
    _warm_index(article)
    if old_language and old_language != article.language:
        _warm_index(Article(organisation=organisation, language=old_language))
    return article


def do_delete_article(*, article: Article) -> None:
    _warm_index(article)
    article.delete()


def do_record_deflection(*, organisation: Organisation, article: Article) -> Deflection:
    """Someone said a suggestion solved their question."""
    return Deflection.objects.create(
        organisation=organisation, article=article, language=article.language
    )


@transaction.atomic
def do_import_articles(*, organisation: Organisation, articles: list[dict[str, Any]]) -> int:
    """Add many articles at once (imports, demo, bench): one index rebuild per language."""
    rows = [Article(organisation=organisation, **fields) for fields in articles]
    for row in rows:
        row.full_clean(exclude=["category"])
    Article.objects.bulk_create(rows, batch_size=500)
    for language in {row.language for row in rows}:
        _warm_index(Article(organisation=organisation, language=language))
    return len(rows)
