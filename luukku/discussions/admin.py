"""Read-only admin views of discussions; moderation happens in the app, by coaches."""

from django.contrib import admin

from luukku.core.admin import ReadOnlyAdmin
from luukku.discussions.models import Comment, Thread


@admin.register(Thread)
class ThreadAdmin(ReadOnlyAdmin):
    list_display = ["title", "programme", "author", "pinned", "locked", "created_at", "deleted_at"]
    list_filter = ["pinned", "locked"]
    list_select_related = ["programme", "author"]
    search_fields = ["title"]


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ["thread", "author", "created_at", "deleted_at", "removed_by_moderator"]
    list_select_related = ["thread", "author"]
