"""Read-only admin views: staff can see what was sent and why a delivery failed."""

from typing import TypeVar

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from luukku.notifications.models import EmailDelivery, Notification

AnyModel = TypeVar("AnyModel", bound=models.Model)


class ReadOnlyAdmin(admin.ModelAdmin[AnyModel]):
    # Writes go through actions; the admin only looks.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin[Notification]):
    list_display = ["title", "recipient", "kind", "organisation", "created_at", "read_at"]
    list_filter = ["kind", "organisation"]
    list_select_related = ["recipient", "organisation"]
    search_fields = ["recipient__email", "title"]


@admin.register(EmailDelivery)
class EmailDeliveryAdmin(ReadOnlyAdmin[EmailDelivery]):
    list_display = ["notification", "recipient", "status", "attempts", "sent_at", "last_error"]
    list_filter = ["status"]
    list_select_related = ["notification", "recipient"]
    search_fields = ["recipient__email"]
