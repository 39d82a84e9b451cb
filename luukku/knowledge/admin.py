"""Admin for the knowledge base; article saves go through the action (index rebuild)."""

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from luukku.knowledge import actions
from luukku.knowledge.models import Article, ArticleCategory

if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin[Any]
else:
    _ModelAdmin = admin.ModelAdmin


@admin.register(ArticleCategory)
class ArticleCategoryAdmin(_ModelAdmin):
    """Categories are created here; renaming or removing one has no action yet."""

    list_display = ["name", "organisation", "position"]
    list_filter = ["organisation"]
    fields = ["organisation", "name", "position"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: ArticleCategory, form: Any, change: bool
    ) -> None:
        created = actions.do_create_article_category(
            organisation=obj.organisation, name=obj.name, position=obj.position
        )
        obj.pk = created.pk


@admin.register(Article)
class ArticleAdmin(_ModelAdmin):
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

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        # The bulk "delete selected" would otherwise leave the answer bot's index stale.
        for article in queryset:
            actions.do_delete_article(article=article)
