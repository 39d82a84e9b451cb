"""Read-only admin views: staff can see what was sent and why a delivery failed."""

from django.contrib import admin

from luukku.core.admin import ReadOnlyAdmin
from luukku.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["title", "recipient", "kind", "organisation", "created_at", "read_at"]
    list_filter = ["kind", "organisation"]
    list_select_related = ["recipient", "organisation"]
    search_fields = ["recipient__email", "title"]
