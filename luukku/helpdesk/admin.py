"""Admin for helpdesk set-up: topics, keyword rules, team targets and canned replies."""

from django.contrib import admin

from luukku.helpdesk.models import CannedReply, Category, InboundMail, RoutingRule, TeamDesk


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin[Category]):
    list_display = ["name", "team", "organisation", "position"]
    list_filter = ["organisation"]


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin[RoutingRule]):
    list_display = ["keyword", "team", "organisation", "position"]
    list_filter = ["organisation"]


@admin.register(TeamDesk)
class TeamDeskAdmin(admin.ModelAdmin[TeamDesk]):
    list_display = ["team", "schedule", "first_reply_minutes", "resolution_minutes"]


@admin.register(CannedReply)
class CannedReplyAdmin(admin.ModelAdmin[CannedReply]):
    list_display = ["title", "language", "organisation"]
    list_filter = ["organisation", "language"]


@admin.register(InboundMail)
class InboundMailAdmin(admin.ModelAdmin[InboundMail]):
    list_display = ["received_at", "outcome", "reason", "sender", "subject"]
    list_filter = ["outcome"]
    readonly_fields = [field.name for field in InboundMail._meta.fields]
