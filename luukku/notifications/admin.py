"""Read-only admin views: staff can see what was sent and why a delivery failed."""

from django.contrib import admin
from django.http import HttpRequest

from luukku.notifications.models import Notification


class ReadOnlyAdmin(admin.ModelAdmin):
    # Writes go through actions; the admin only looks.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["title", "recipient", "kind", "organisation", "created_at", "read_at"]
    list_filter = ["kind", "organisation"]
    list_select_related = ["recipient", "organisation"]
    search_fields = ["recipient__email", "title"]
