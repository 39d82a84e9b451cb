"""Read-only admin of the helpdesk set-up; organisation admins change it in the helpdesk pages."""

from django.contrib import admin

from luukku.core.admin import ReadOnlyAdmin
from luukku.helpdesk.models import CannedReply, Category, InboundMail, RoutingRule, TeamDesk


@admin.register(Category)
class CategoryAdmin(ReadOnlyAdmin):
    list_display = ["name", "team", "organisation", "position"]
    list_filter = ["organisation"]


@admin.register(RoutingRule)
class RoutingRuleAdmin(ReadOnlyAdmin):
    list_display = ["keyword", "team", "organisation", "position"]
    list_filter = ["organisation"]


@admin.register(TeamDesk)
class TeamDeskAdmin(ReadOnlyAdmin):
    list_display = ["team", "schedule", "first_reply_minutes", "resolution_minutes"]


@admin.register(CannedReply)
class CannedReplyAdmin(ReadOnlyAdmin):
    list_display = ["title", "language", "organisation"]
    list_filter = ["organisation", "language"]


@admin.register(InboundMail)
class InboundMailAdmin(ReadOnlyAdmin):
    list_display = ["received_at", "outcome", "reason", "sender", "subject"]
    list_filter = ["outcome"]
