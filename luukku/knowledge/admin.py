"""Admin for the knowledge base; article saves go through the action (index rebuild)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from luukku.knowledge import actions
from luukku.knowledge.models import Article, ArticleCategory


@admin.register(ArticleCategory)
class ArticleCategoryAdmin(admin.ModelAdmin[ArticleCategory]):
    list_display = ["name", "organisation", "position"]
    list_filter = ["organisation"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin[Article]):
    list_display = ["title", "language", "category", "organisation", "published"]
    list_filter = ["organisation", "language", "category"]
    search_fields = ["title", "questions", "body"]

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        fields = {name: getattr(obj, name) for name in actions.ARTICLE_FIELDS}
        saved = actions.do_save_article(
            organisation=obj.organisation, article=obj if change else None, **fields
        )
        obj.pk = saved.pk

    def delete_model(self, request: HttpRequest, obj: Article) -> None:
        actions.do_delete_article(article=obj)
