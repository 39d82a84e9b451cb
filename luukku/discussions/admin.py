"""Read-only admin views of discussions; moderation happens in the app, by coaches."""

from typing import TypeVar

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from luukku.discussions.models import Comment, Thread

AnyModel = TypeVar("AnyModel", bound=models.Model)


class ReadOnlyAdmin(admin.ModelAdmin[AnyModel]):
    # Writes go through actions; the admin only looks.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Thread)
class ThreadAdmin(ReadOnlyAdmin[Thread]):
    list_display = ["title", "programme", "author", "pinned", "locked", "created_at", "deleted_at"]
    list_filter = ["pinned", "locked"]
    list_select_related = ["programme", "author"]
    search_fields = ["title"]


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin[Comment]):
    list_display = ["thread", "author", "created_at", "deleted_at", "removed_by_moderator"]
    list_select_related = ["thread", "author"]
